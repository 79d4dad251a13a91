/**
 * What changed between two closed versions of a period's consolidation, cell by cell: per template, the
 * provincial total and each unit's line, and which units came into or left the expected and missing lists.
 */
import type { Consolidation, StatusCounts, UnitLine } from './schema';

export type CellValue = number | string | null;

export interface CellChange {
  ref: string;
  before: CellValue;
  after: CellValue;
}

export interface UnitChange {
  unit: string;
  name: string;
  cells: CellChange[];
}

export interface Membership {
  added: string[];
  removed: string[];
}

export interface TemplateChanges {
  template: string;
  total: CellChange[];
  units: UnitChange[];
  expected: Membership;
  missing: Membership;
}

/** Figures of a line as flat cells: its values, and for task lists the count of each status (`status.HT`). */
function cellsOf(values: Readonly<Record<string, CellValue>> | undefined, statusCounts: StatusCounts | undefined): Map<string, CellValue> {
  const cells = new Map<string, CellValue>(Object.entries(values ?? {}));
  if (statusCounts) {
    cells.set('status.total', statusCounts.total);
    for (const [status, n] of Object.entries(statusCounts.counts)) cells.set(`status.${status}`, n);
  }
  return cells;
}

function cellChanges(before: Map<string, CellValue>, after: Map<string, CellValue>): CellChange[] {
  const refs = [...new Set([...before.keys(), ...after.keys()])].sort();
  return refs
    .map((ref) => ({ ref, before: before.get(ref) ?? null, after: after.get(ref) ?? null }))
    .filter((c) => c.before !== c.after);
}

function membership(before: Iterable<string>, after: Iterable<string>): Membership {
  const was = new Set(before);
  const is = new Set(after);
  return { added: [...is].filter((u) => !was.has(u)).sort(), removed: [...was].filter((u) => !is.has(u)).sort() };
}

const expectedOf = (c: Consolidation | undefined) => (c?.units ?? []).filter((u) => u.expected).map((u) => u.code);

/** The changes of one template; `undefined` stands for a template the version did not have. */
export function diffConsolidation(template: string, before: Consolidation | undefined, after: Consolidation | undefined): TemplateChanges {
  const lines = (c: Consolidation | undefined) => new Map<string, UnitLine>((c?.units ?? []).map((u) => [u.code, u]));
  const was = lines(before);
  const is = lines(after);
  const codes = [...new Set([...was.keys(), ...is.keys()])];
  const units = codes
    .map((code) => {
      const a = was.get(code);
      const b = is.get(code);
      return { unit: code, name: (b ?? a)!.name, cells: cellChanges(cellsOf(a?.values, a?.statusCounts), cellsOf(b?.values, b?.statusCounts)) };
    })
    .filter((u) => u.cells.length > 0);
  return {
    template,
    total: cellChanges(cellsOf(before?.total.values, before?.total.statusCounts), cellsOf(after?.total.values, after?.total.statusCounts)),
    units,
    expected: membership(expectedOf(before), expectedOf(after)),
    missing: membership(before?.completeness.missing ?? [], after?.completeness.missing ?? []),
  };
}

/** Every template of two versions of a period, in the order they appear (the later version's first). */
export function diffPeriod(before: readonly Consolidation[], after: readonly Consolidation[]): TemplateChanges[] {
  const ids = [...new Set([...after.map((c) => c.template.id), ...before.map((c) => c.template.id)])];
  return ids.map((id) =>
    diffConsolidation(
      id,
      before.find((c) => c.template.id === id),
      after.find((c) => c.template.id === id),
    ),
  );
}

/**
 * Reads every value of an indicator submission as its cell's measure says: numbers
 * parsed by the Vietnamese rules, text where text is allowed, targets with comparators.
 * Problems found in a single cell become issues; blanks stay blank (not zero).
 */
import { parseNumberText, decimalsOf, type Qualifier } from '../numbers';
import { numberKindOf } from './normalize-kinds';
import { readTargetValue, type Comparator } from './target';
import { templateCells, type CellInfo } from '../templates/cells';
import type { IndicatorTemplate } from '../templates/schema';
import type { CellValue } from '../submission';
import type { Issue, IssueCode } from './issues';

export type { Comparator };

export interface NumberCell {
  kind: 'number';
  ref: string;
  info: CellInfo;
  value: number;
  decimals: number;
  qualifier?: Qualifier;
  raw: CellValue;
}

export interface TextCell {
  kind: 'text';
  ref: string;
  info: CellInfo;
  value: string;
  raw: CellValue;
}

export interface TargetCell {
  kind: 'target';
  ref: string;
  info: CellInfo;
  comparator: Comparator;
  value: number;
  decimals: number;
  raw: CellValue;
}

export type NormalCell = NumberCell | TextCell | TargetCell;

/** An issue before its message is written. */
export type DraftIssue = Omit<Issue, 'message'>;

export interface Normalized {
  cells: Map<string, NormalCell>;
  /** Notes by row code, from `notes` and from `ROW.GC` cells. */
  notes: Map<string, string>;
  issues: DraftIssue[];
}

export function normalizeIndicator(
  template: IndicatorTemplate,
  values: Record<string, CellValue>,
  notesIn: Record<string, string>,
): Normalized {
  const cells = templateCells(template);
  const out = new Map<string, NormalCell>();
  const notes = new Map<string, string>();
  const issues: DraftIssue[] = [];
  const cellIssue = (code: IssueCode, ref: string, raw: CellValue, params?: DraftIssue['params']): void => {
    issues.push({ code, severity: 'error', cells: [ref], values: { [ref]: raw }, ...(params ? { params } : {}) });
  };

  for (const [row, note] of Object.entries(notesIn)) {
    if (note.trim() !== '') notes.set(row, note.trim());
  }

  for (const [ref, raw] of Object.entries(values)) {
    const info = cells.get(ref);
    if (!info) {
      cellIssue('unknown_cell', ref, raw);
      continue;
    }
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;

    if (info.column.key === 'GC') {
      const text = String(raw).trim();
      if (!notes.has(info.row.code)) notes.set(info.row.code, text);
      out.set(ref, { kind: 'text', ref, info, value: text, raw });
      continue;
    }
    if (info.measure === 'text') {
      out.set(ref, { kind: 'text', ref, info, value: String(raw).trim(), raw });
      continue;
    }
    if (info.measure === 'target') {
      const cell = readTarget(info, ref, raw);
      if ('code' in cell) cellIssue(cell.code, ref, raw, cell.params);
      else out.set(ref, cell);
      continue;
    }

    const kind = numberKindOf(info.measure);
    if (!kind) {
      out.set(ref, { kind: 'text', ref, info, value: String(raw).trim(), raw });
      continue;
    }
    if (typeof raw === 'number') {
      out.set(ref, { kind: 'number', ref, info, value: raw, decimals: decimalsOf(raw), raw });
      continue;
    }
    const parsed = parseNumberText(raw, kind);
    if (parsed.ok) {
      const cell: NumberCell = { kind: 'number', ref, info, value: parsed.value, decimals: parsed.decimals, raw };
      if (parsed.qualifier) cell.qualifier = parsed.qualifier;
      out.set(ref, cell);
      continue;
    }
    const textAllowed = info.row.textAllowed && info.column.key === 'KQ';
    if (textAllowed && (parsed.reason === 'unreadable' || parsed.reason === 'several_numbers')) {
      out.set(ref, { kind: 'text', ref, info, value: raw.trim(), raw });
      continue;
    }
    const code: IssueCode =
      parsed.reason === 'ambiguous'
        ? 'ambiguous_number'
        : parsed.reason === 'unit_mismatch'
          ? 'unit_mismatch'
          : parsed.reason === 'several_numbers'
            ? 'several_numbers'
            : 'unreadable_number';
    cellIssue(code, ref, raw, {
      text: raw,
      ...(parsed.candidates ? { candidates: parsed.candidates } : {}),
      ...(parsed.unit ? { unit: parsed.unit } : {}),
    });
  }
  return { cells: out, notes, issues };
}

function readTarget(
  info: CellInfo,
  ref: string,
  raw: Exclude<CellValue, null>,
): TargetCell | TextCell | { code: IssueCode; params: DraftIssue['params'] } {
  const reading = readTargetValue(typeof raw === 'string' ? raw.trim() : raw, info.row.measure);
  if (reading.kind === 'target') return { kind: 'target', ref, info, ...reading.target, raw };
  if (reading.kind === 'text') return { kind: 'text', ref, info, value: String(raw).trim(), raw };
  return {
    code: reading.reason === 'ambiguous' ? 'ambiguous_number' : 'unit_mismatch',
    params: { text: String(raw), ...(reading.candidates ? { candidates: reading.candidates } : {}), ...(reading.unit ? { unit: reading.unit } : {}) },
  };
}

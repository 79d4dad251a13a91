/**
 * Which months of the period each unit's figures cover, so that the province counts every month of
 * every unit's flows once: a unit that ended during the period is covered by the filings of shorter
 * periods it made before its end (the 2025 annual of a district abolished on 30 June by its 2025-H1,
 * or Q1 and Q2), unless a successor's filing says it includes its predecessors' part; where nothing
 * covers its part, that part is missing, and says so.
 */
import { sumDecimal } from '../numbers/decimal';
import { periodsWithin, type Period } from '../periods';
import { validDuring, type Unit } from '../registry/units';
import { templateCells } from '../templates/cells';
import { isFiledFor } from '../templates/filing';
import type { Aggregation, IndicatorTemplate, Template } from '../templates/schema';

/** A unit's days within the period, when it was not in force for all of it. */
export interface PartOfPeriod {
  from: string;
  to: string;
}

/** The part of the period a unit was in force, when it was not in force for the whole of it. */
export function partOfPeriod(code: string, period: Period, registry: readonly Unit[]): PartOfPeriod | undefined {
  const records = registry.filter((u) => u.code === code && validDuring(u, period.start, period.end));
  if (records.length === 0) return undefined;
  const from = records.reduce((m, r) => (r.validFrom < m ? r.validFrom : m), records[0]!.validFrom);
  const open = records.some((r) => r.validTo === null);
  const to = open ? null : records.reduce((m, r) => (r.validTo! > m ? r.validTo! : m), records[0]!.validTo!);
  const start = from > period.start ? from : period.start;
  const end = to === null || to > period.end ? period.end : to;
  return start === period.start && end === period.end ? undefined : { from: start, to: end };
}

/** Did the unit end before the period's last day (so it holds no balance at the period's end)? */
export function endedBefore(part: PartOfPeriod | undefined, period: Period): boolean {
  return part !== undefined && part.to < period.end;
}

/** A filing of a shorter period, as coverage needs it. */
export interface PartFiling {
  period: string;
  submissionId: string;
  revision: number;
  values: Record<string, number | string>;
}

/**
 * The filings of shorter periods that together cover exactly a unit's part of `period`, or null.
 * Flows for the period alone: every half (or else every quarter) the unit was in force in, filed.
 * Flows cumulative from the start of the year: the one filing of the earliest period ending on or
 * after the unit's last day.
 */
export function coveringFilings(template: Template, period: Period, part: PartOfPeriod, filings: readonly PartFiling[]): PartFiling[] | null {
  const filed = new Map(filings.map((f) => [f.period, f]));
  const within = periodsWithin(period).filter((p) => isFiledFor(template, p));
  if (template.flows === 'year-to-date') {
    const last = within.filter((p) => p.end >= part.to && filed.has(p.code)).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))[0];
    return last ? [filed.get(last.code)!] : null;
  }
  for (const kind of ['H', 'Q'] as const) {
    const spans = within.filter((p) => p.kind === kind && p.start <= part.to && p.end >= part.from);
    if (spans.length > 0 && spans.every((p) => filed.has(p.code))) return spans.map((p) => filed.get(p.code)!);
  }
  return null;
}

/** The aggregation of the row a cell belongs to, for cells the province sums. */
export function aggregationOf(template: IndicatorTemplate, ref: string): Aggregation | undefined {
  const info = templateCells(template).get(ref);
  if (!info || info.column.derived) return undefined;
  const rule = info.column.consolidate === 'row' ? info.row.consolidate : info.column.consolidate;
  return rule === 'sum' ? info.row.aggregation : undefined;
}

/** The flows of several filings added cell by cell: what an ended unit's shorter filings say of its part. */
export function coveredFlows(template: IndicatorTemplate, filings: readonly PartFiling[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [ref] of templateCells(template)) {
    if (aggregationOf(template, ref) !== 'flow') continue;
    const values = filings.map((f) => f.values[ref]);
    // A cell some of them left blank is not known for the whole part.
    if (values.every((v) => typeof v === 'number')) out[ref] = sumDecimal(values as number[]);
  }
  return withoutEndedParts(template, out);
}

/**
 * A shorter filing of an earlier version may split a total by a part the consolidated version no
 * longer has (a district's 2025-H1 HS05B, in the 2025 annual without it): the total stands, and parts
 * that no longer add up to it are left blank, so the province's breakdown is left blank and named
 * (total.ts `incompleteBreakdowns`) rather than shown short of the total.
 */
function withoutEndedParts(template: IndicatorTemplate, values: Record<string, number>): Record<string, number> {
  const out = { ...values };
  for (const rule of template.rules) {
    if (rule.kind !== 'sum' || typeof out[rule.total] !== 'number') continue;
    const parts = rule.parts.map((p) => out[p]);
    if (parts.every((v) => typeof v === 'number') && sumDecimal(parts as number[]) !== out[rule.total]) for (const p of rule.parts) delete out[p];
  }
  return out;
}

/** The cells of a line that are flows, which a successor's filing may include. */
export function flowRefs(template: IndicatorTemplate, values: Record<string, unknown>): string[] {
  return Object.keys(values).filter((ref) => aggregationOf(template, ref) === 'flow');
}

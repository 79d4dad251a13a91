/**
 * The registry as history: records of one code never overlap, one coordinating department at a
 * time, a commune's district in force for the whole life of the commune, successors that exist from
 * the day after. A record that covers a period with filings is never edited in place: it can only
 * be ended and succeeded. These rules are pure, and the worker and `npm run admin` apply the same.
 */
import { addDays, dayAfter } from '../dates/calendar-date';
import { parsePeriod, type Period } from '../periods';
import type { ProblemParams } from '../problems';
import type { FieldCode } from '../problems';
import { isMember, sameRecord, validDuring, type Unit } from './units';

/** A period a unit has filed something for. */
export interface FiledPeriod {
  unit: string;
  period: string;
}

/** The end a record had when its unit filed under it (the earliest, over its filings; null: open). */
export interface FiledEnd {
  code: string;
  validFrom: string;
  validTo: string | null;
}

export interface RecordProblem {
  code: string;
  validFrom: string;
  field: string;
  problem: FieldCode;
  params?: ProblemParams;
}

const key = (u: Pick<Unit, 'code' | 'validFrom'>) => `${u.code}|${u.validFrom}`;
const problemKey = (p: RecordProblem) => `${p.code}|${p.validFrom}|${p.field}|${p.problem}|${JSON.stringify(p.params ?? {})}`;
const END_OF_TIME = '9999-12-31';
const endOf = (u: Pick<Unit, 'validTo'>) => u.validTo ?? END_OF_TIME;
const byStart = (a: Unit, b: Unit) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0);

function groupByCode(records: readonly Unit[]): Map<string, Unit[]> {
  const byCode = new Map<string, Unit[]>();
  for (const r of records) {
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  return byCode;
}

/** Is [from, to] covered, day after day, by these records? */
function covered(records: readonly Unit[], from: string, to: string | null): boolean {
  let day = from;
  for (const r of [...records].sort(byStart)) {
    if (r.validFrom > day) return false;
    if (r.validTo === null) return true;
    if (r.validTo >= day) day = dayAfter(r.validTo);
    if (to !== null && day > to) return true;
  }
  return false;
}

/**
 * Everything wrong with a registry as a whole. Each check sorts once and sweeps, so a registry of
 * tens of thousands of records is checked in time linear in it (after the sort).
 */
export function registryProblems(records: readonly Unit[]): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const byCode = groupByCode(records);
  const report = (u: Unit, field: string, problem: FieldCode, params?: ProblemParams) =>
    problems.push({ code: u.code, validFrom: u.validFrom, field, problem, ...(params ? { params } : {}) });
  for (const [code, list] of byCode) {
    list.sort(byStart);
    let latest: Unit | undefined;
    for (const r of list) {
      if (latest && r.validFrom <= endOf(latest)) report(r, 'valid_from', 'registry_overlap', { code, other: latest.validFrom });
      if (!latest || endOf(r) > endOf(latest)) latest = r;
    }
  }
  // The province's own coordinators: another province's, before it joined, are its own affair.
  const coordinators = records.filter((r) => r.coordinator && isMember(r)).sort(byStart);
  let holder: Unit | undefined;
  for (const r of coordinators) {
    if (holder && r.validFrom <= endOf(holder) && holder.code !== r.code) report(r, 'coordinator', 'registry_two_coordinators', { other: holder.code });
    else if (holder && r.validFrom > dayAfter(endOf(holder))) {
      report(holder, 'valid_to', 'registry_no_coordinator', { from: dayAfter(endOf(holder)), to: addDays(r.validFrom, -1) });
    }
    if (!holder || endOf(r) > endOf(holder)) holder = r;
  }
  // From the first coordinator on, the province always has one.
  if (holder && holder.validTo !== null) report(holder, 'valid_to', 'registry_no_coordinator', { from: dayAfter(holder.validTo), to: '' });
  for (const r of records) {
    if (r.parent) {
      const parent = (byCode.get(r.parent) ?? []).filter((p) => p.kind === 'district');
      if (parent.length === 0) report(r, 'parent', 'csv_parent_unknown', { parent: r.parent });
      else if (!covered(parent, r.validFrom, r.validTo)) report(r, 'parent', 'registry_parent_ends_first', { parent: r.parent });
    }
    if (r.successors.length > 0 || r.change) {
      if (r.validTo === null) report(r, 'valid_to', 'registry_successors_need_end');
      else if (!r.change) report(r, 'change', 'registry_change_missing');
      for (const s of r.successors) {
        const next = dayAfter(endOf(r));
        if (!(byCode.get(s) ?? []).some((n) => n.validFrom <= next && endOf(n) >= next)) {
          report(r, 'successors', 'registry_successor_missing', { successor: s, day: r.validTo ? next : '' });
        }
      }
    }
  }
  return problems;
}

/** Filings by unit, so each record looks only at its own. */
function filingsByUnit(filings: readonly FiledPeriod[]): Map<string, Period[]> {
  const byUnit = new Map<string, Period[]>();
  for (const f of filings) {
    const p = parsePeriod(f.period);
    if (!p) continue;
    const list = byUnit.get(f.unit);
    if (list) list.push(p);
    else byUnit.set(f.unit, [p]);
  }
  return byUnit;
}

/** The periods with filings of `code` that fall within [from, to] and no other record of the code covers. */
function filingsOnlyIn(filed: readonly Period[], from: string, to: string | null, others: readonly Unit[]): string[] {
  const periods: string[] = [];
  for (const p of filed) {
    if (!(p.start <= (to ?? END_OF_TIME) && p.end >= from)) continue;
    if (others.some((o) => validDuring(o, p.start, p.end))) continue;
    periods.push(p.code);
  }
  return [...new Set(periods)].sort();
}

export interface RecordChange {
  action: 'created' | 'updated';
  before: Unit | null;
  after: Unit;
}

/** The audit log's name for a record change, the same from the API and from `npm run admin`. */
export function auditActionOf(change: RecordChange): 'units.create' | 'units.update' {
  return change.action === 'created' ? 'units.create' : 'units.update';
}

/** A record edited where it should be ended and succeeded, with the periods whose filings it covers. */
export interface HistoryConflict {
  code: string;
  validFrom: string;
  periods: string[];
}

export interface ImportPlan {
  changes: RecordChange[];
  unchanged: number;
  problems: RecordProblem[];
  conflicts: HistoryConflict[];
  /**
   * Periods with filings whose expected, missing or summed units the import would change (none for
   * records of units that joined from another province, dated before they joined).
   */
  periodsChanged: string[];
}

/** What a record says about the unit for every period it covers: edited in place, it rewrites them all. */
const SAME_RECORD: (keyof Unit)[] = ['name', 'kind', 'parent', 'coordinator', 'province', 'catalogue'];
/** Whom it handed over to: fixed once the record is ended, like the rest of what was filed under it. */
const LINEAGE: (keyof Unit)[] = ['successors', 'change'];

const differs = (a: Unit, b: Unit, fields: readonly (keyof Unit)[]) => fields.some((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));

/** Why an edit of a record that has filings rewrites what was filed, or null when it does not. */
function rewritesHistory(before: Unit, after: Unit, filedEnd: string | null | undefined): 'edited' | 'shortened' | 'extended' | null {
  if (differs(before, after, SAME_RECORD)) return 'edited';
  // Ending an open record names its successors; reopening one clears them. Otherwise they stay.
  if (differs(before, after, LINEAGE) && before.validTo !== null && after.validTo !== null) return 'edited';
  if (after.validTo !== null && endOf(after) < endOf(before)) return 'shortened';
  // Later than it was when its unit filed: periods after that end would newly expect it.
  const limit = filedEnd === undefined ? endOf(before) : (filedEnd ?? END_OF_TIME);
  if (endOf(after) > endOf(before) && endOf(after) > limit) return 'extended';
  return null;
}

/** How a period sees a code: its member records in force during it, clipped to it (names aside). */
function presence(records: readonly Unit[] | undefined, p: Period): string {
  return (records ?? [])
    .filter((r) => isMember(r) && validDuring(r, p.start, p.end))
    .map((r) => [r.kind, r.parent, r.coordinator, r.catalogue ?? false, r.validFrom < p.start ? p.start : r.validFrom, endOf(r) > p.end ? p.end : endOf(r)].join('|'))
    .sort()
    .join(';');
}

/**
 * What importing `incoming` into `existing` would do: the records created and updated (with their
 * before and after), and why it cannot be done. Records not in `incoming` stay as they are.
 * `filedEnds` are the ends records had when their units filed (an end may move back up to it).
 */
export function planImport(existing: readonly Unit[], incoming: readonly Unit[], filings: readonly FiledPeriod[], filedEnds: readonly FiledEnd[] = []): ImportPlan {
  const current = new Map(existing.map((u) => [key(u), u]));
  const ends = new Map(filedEnds.map((e) => [key(e), e.validTo]));
  const filed = filingsByUnit(filings);
  const merged = new Map(current);
  for (const u of incoming) merged.set(key(u), u);
  const mergedByCode = groupByCode([...merged.values()]);
  const changes: RecordChange[] = [];
  const conflicts: HistoryConflict[] = [];
  let unchanged = 0;
  for (const after of incoming) {
    const before = current.get(key(after)) ?? null;
    if (before && sameRecord(before, after)) {
      unchanged++;
      continue;
    }
    changes.push({ action: before ? 'updated' : 'created', before, after });
    const own = filed.get(after.code);
    if (!before || !own) continue;
    const others = (mergedByCode.get(after.code) ?? []).filter((o) => o.validFrom !== after.validFrom);
    const why = rewritesHistory(before, after, ends.get(key(before)));
    const periods =
      why === 'shortened'
        ? filingsOnlyIn(own, dayAfter(after.validTo!), before.validTo, others)
        : why === null
          ? []
          : filingsOnlyIn(own, before.validFrom, why === 'extended' ? after.validTo : before.validTo, others);
    if (periods.length > 0) conflicts.push({ code: before.code, validFrom: before.validFrom, periods });
  }
  // Only what this import would break: a registry stored before these rules keeps its old flaws
  // until they are fixed, and does not block every later import.
  const known = new Set(registryProblems(existing).map(problemKey));
  const problems = registryProblems([...merged.values()]).filter((p) => !known.has(problemKey(p)));
  return { changes, unchanged, problems, conflicts, periodsChanged: periodsChanged(existing, mergedByCode, changes, filings) };
}

/** The filed periods in which any changed code is seen differently after the import. */
function periodsChanged(existing: readonly Unit[], after: Map<string, Unit[]>, changes: readonly RecordChange[], filings: readonly FiledPeriod[]): string[] {
  if (changes.length === 0) return [];
  const before = groupByCode(existing);
  const codes = [...new Set(changes.map((c) => c.after.code))];
  const periods = [...new Set(filings.map((f) => f.period))].map((code) => parsePeriod(code)).filter((p): p is Period => p !== undefined);
  return periods
    .filter((p) => codes.some((code) => presence(before.get(code), p) !== presence(after.get(code), p)))
    .map((p) => p.code)
    .sort();
}

/** The records that undo an import: each updated record as it was; created ones are retracted instead. */
export function inverseOf(changes: readonly RecordChange[]): { restore: Unit[]; retract: Unit[] } {
  return {
    restore: changes.flatMap((c) => (c.before ? [c.before] : [])),
    retract: changes.flatMap((c) => (c.before ? [] : [c.after])),
  };
}

/** The periods whose filings keep a record from being retracted (none: it may go). */
export function retractionConflicts(record: Unit, registry: readonly Unit[], filings: readonly FiledPeriod[]): string[] {
  const others = registry.filter((o) => o.code === record.code && o.validFrom !== record.validFrom);
  const own = filings.filter((f) => f.unit === record.code);
  return filingsOnlyIn([...filingsByUnit(own).values()].flat(), record.validFrom, record.validTo, others);
}

/** The problems retracting `record` would bring (those the registry already had aside). */
export function retractionProblems(record: Unit, registry: readonly Unit[]): RecordProblem[] {
  const known = new Set(registryProblems(registry).map(problemKey));
  return registryProblems(registry.filter((u) => u !== record)).filter((p) => !known.has(problemKey(p)));
}

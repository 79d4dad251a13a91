/**
 * The registry as history: records of one code never overlap, one coordinating department at a
 * time, a commune's district in force for the whole life of the commune, successors that exist from
 * the day after. A record that covers a period with filings is never edited in place: it can only
 * be ended and succeeded. These rules are pure, and the worker and `npm run admin` apply the same.
 */
import { parsePeriod } from '../periods';
import type { ProblemParams } from '../problems';
import type { FieldCode } from '../problems';
import { validDuring, type Unit } from './units';

/** A period a unit has filed something for. */
export interface FiledPeriod {
  unit: string;
  period: string;
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

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function overlap(a: Pick<Unit, 'validFrom' | 'validTo'>, b: Pick<Unit, 'validFrom' | 'validTo'>): boolean {
  return validDuring(a, b.validFrom, b.validTo ?? '9999-12-31');
}

/** Is [from, to] covered, day after day, by these records? */
function covered(records: readonly Unit[], from: string, to: string | null): boolean {
  let day = from;
  const sorted = [...records].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  for (const r of sorted) {
    if (r.validFrom > day) return false;
    if (r.validTo === null) return true;
    if (r.validTo >= day) day = dayAfter(r.validTo);
    if (to !== null && day > to) return true;
  }
  return false;
}

/** Everything wrong with a registry as a whole. */
export function registryProblems(records: readonly Unit[]): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const byCode = new Map<string, Unit[]>();
  for (const r of records) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  const report = (u: Unit, field: string, problem: FieldCode, params?: ProblemParams) =>
    problems.push({ code: u.code, validFrom: u.validFrom, field, problem, ...(params ? { params } : {}) });

  for (const [code, list] of byCode) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (overlap(list[i]!, list[j]!)) report(list[j]!, 'valid_from', 'registry_overlap', { code, other: list[i]!.validFrom });
      }
    }
  }
  const coordinators = records.filter((r) => r.coordinator);
  for (let i = 0; i < coordinators.length; i++) {
    for (let j = i + 1; j < coordinators.length; j++) {
      const [a, b] = [coordinators[i]!, coordinators[j]!];
      if (a.code !== b.code && overlap(a, b)) report(b, 'coordinator', 'registry_two_coordinators', { other: a.code });
    }
  }
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
        const next = byCode.get(s) ?? [];
        if (!next.some((n) => n.validFrom <= dayAfter(r.validTo ?? '9999-12-30') && (n.validTo === null || n.validTo >= dayAfter(r.validTo ?? '9999-12-30')))) {
          report(r, 'successors', 'registry_successor_missing', { successor: s, day: r.validTo ? dayAfter(r.validTo) : '' });
        }
      }
    }
  }
  return problems;
}

/** The periods with filings of `code` that fall within [from, to] and no other record of the code covers. */
function filingsOnlyIn(filings: readonly FiledPeriod[], code: string, from: string, to: string | null, others: readonly Unit[]): string[] {
  const periods: string[] = [];
  for (const f of filings) {
    if (f.unit !== code) continue;
    const p = parsePeriod(f.period);
    if (!p || !(p.start <= (to ?? '9999-12-31') && p.end >= from)) continue;
    if (others.some((o) => o.code === code && validDuring(o, p.start, p.end))) continue;
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
}

const SAME_RECORD: (keyof Unit)[] = ['name', 'kind', 'parent', 'coordinator'];

/**
 * What importing `incoming` into `existing` would do: the records created and updated (with their
 * before and after), and why it cannot be done. Records not in `incoming` stay as they are.
 */
export function planImport(existing: readonly Unit[], incoming: readonly Unit[], filings: readonly FiledPeriod[]): ImportPlan {
  const current = new Map(existing.map((u) => [key(u), u]));
  const changes: RecordChange[] = [];
  const conflicts: HistoryConflict[] = [];
  let unchanged = 0;
  for (const after of incoming) {
    const before = current.get(key(after)) ?? null;
    if (before && JSON.stringify(before) === JSON.stringify(after)) {
      unchanged++;
      continue;
    }
    changes.push({ action: before ? 'updated' : 'created', before, after });
    if (!before) continue;
    const others = [...existing, ...incoming].filter((o) => o.code === after.code && o.validFrom !== after.validFrom);
    // Edited in place: what it says about the unit changes for every period it covers.
    const edited = SAME_RECORD.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    const periods = edited
      ? filingsOnlyIn(filings, before.code, before.validFrom, before.validTo, others)
      : after.validTo !== null && (before.validTo === null || after.validTo < before.validTo)
        ? filingsOnlyIn(filings, before.code, dayAfter(after.validTo), before.validTo, others)
        : [];
    if (periods.length > 0) conflicts.push({ code: before.code, validFrom: before.validFrom, periods });
  }
  const merged = new Map(current);
  for (const u of incoming) merged.set(key(u), u);
  // Only what this import would break: a registry stored before these rules keeps its old flaws
  // until they are fixed, and does not block every later import.
  const known = new Set(registryProblems(existing).map(problemKey));
  const problems = registryProblems([...merged.values()]).filter((p) => !known.has(problemKey(p)));
  return { changes, unchanged, problems, conflicts };
}

/** The periods whose filings keep a record from being retracted (none: it may go). */
export function retractionConflicts(record: Unit, registry: readonly Unit[], filings: readonly FiledPeriod[]): string[] {
  const others = registry.filter((o) => o.code === record.code && o.validFrom !== record.validFrom);
  return filingsOnlyIn(filings, record.code, record.validFrom, record.validTo, others);
}

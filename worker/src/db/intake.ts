/**
 * Everything a filing needs to read: the unit's records and those it succeeded, the previous
 * period's figures (its own, or its predecessors' summed), an earlier request with the same key,
 * the period's lock. One round trip, and a second only for a unit that took over from others.
 */
import type { Period } from '../../../shared/periods';
import { comparisonBasis } from '../../../shared/registry/lineage';
import { validDuring, validOn, type Unit } from '../../../shared/registry/units';
import { sumDecimal } from '../../../shared/numbers/decimal';
import { storedReport } from './stored';
import { idempotencyKeyStatement, type IdempotencyRecord } from './submissions';
import { toUnit, UNIT_COLUMNS, type UnitRow } from './units';
import { lockStatement, type LockRow } from './closing';

export interface IntakeContext extends Comparison {
  /** The unit's record for the period: in force at its end, or else the last one in force during it. */
  unit: Unit | null;
  /** Whether the code exists at all, to tell "unknown" from "not in force then". */
  unitExists: boolean;
  /** The units it took over from during the period: a filing may include their part. */
  predecessors: string[];
  /** Every record of the unit, oldest first: who it is on another day than the period's (a filing after the period). */
  records: Unit[];
  /** The latest revision of this unit, template and period, to tell a filing that changes nothing. */
  latest: { hash: string; revision: number; receivedAt: string } | null;
  idempotency: IdempotencyRecord | null;
  /** The period's lock, when it is closed or being closed. */
  lock: LockRow | null;
}

const PREVIOUS_REPORTS = (n: number) =>
  `SELECT s.unit_code AS unit, r.report FROM submissions s JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
   WHERE s.template = ?1 AND s.period = ?2 AND s.unit_code IN (${Array.from({ length: n }, (_, i) => `?${i + 3}`).join(', ')})`;

/** Summed numeric figures of several units' reports, cell by cell. */
function summed(reports: readonly Record<string, number | string>[]): Record<string, number> {
  const out: Record<string, number> = {};
  const refs = new Set(reports.flatMap((r) => Object.keys(r)));
  for (const ref of refs) {
    const values = reports.map((r) => r[ref]);
    if (values.every((v) => typeof v === 'number')) out[ref] = sumDecimal(values as number[]);
  }
  return out;
}

/** The previous period's figures a unit's report is compared with, or why there are none. */
export interface Comparison {
  /** The figures (its own, or its predecessors' summed) and whose they are. */
  previous: { values: Record<string, number | string>; units: string[] } | null;
  /** The units a comparison would need when it cannot be made (a predecessor that did not file, a split). */
  incomparable: string[] | null;
  /** Why they cannot be compared. */
  reason?: 'split' | 'structural_break' | 'partly_filed';
}

/**
 * What the previous period of `unit` is compared with: its own latest report, or the sum of the units
 * it took over from. `registry` holds the unit's records and those naming it as successor.
 */
async function compareWith(db: D1Database, q: { unit: string; template: string; period: Period; previous: Period }, registry: readonly Unit[], ownReport: string | undefined): Promise<Comparison> {
  const basis = comparisonBasis(q.unit, registry, q.previous.start, q.previous.end, q.period.end);
  if (basis.units.length === 1 && basis.units[0] === q.unit) {
    return { previous: ownReport ? { values: storedReport(ownReport).values, units: [q.unit] } : null, incomparable: null };
  }
  if (basis.units.length === 0) return { previous: null, incomparable: null };
  if (!basis.comparable) return { previous: null, incomparable: basis.units, ...(basis.reason ? { reason: basis.reason } : {}) };
  const { results } = await db.prepare(PREVIOUS_REPORTS(basis.units.length)).bind(q.template, q.previous.code, ...basis.units).all<{ unit: string; report: string }>();
  if (results.length === basis.units.length) return { previous: { values: summed(results.map((r) => storedReport(r.report).values)), units: basis.units }, incomparable: null };
  // Some of them filed: a sum of part of them would be a false comparison.
  return results.length > 0 ? { previous: null, incomparable: basis.units, reason: 'partly_filed' } : { previous: null, incomparable: null };
}

/**
 * The unit's records and those naming it among their successors, each through an index (migration
 * 0015): its own by code, one successor by equality, several (a split) among the few records that
 * name several. UNION keeps each record once.
 */
export const LINEAGE = `SELECT ${UNIT_COLUMNS} FROM units WHERE code = ?1
  UNION SELECT ${UNIT_COLUMNS} FROM units WHERE successors = ?1
  UNION SELECT ${UNIT_COLUMNS} FROM units WHERE instr(successors, ' ') > 0 AND (' ' || successors || ' ') LIKE ('% ' || ?1 || ' %')
  ORDER BY valid_from, code`;
const LATEST_HASH = 'SELECT r.hash, r.revision, r.received_at AS receivedAt FROM submissions s JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision WHERE s.unit_code = ?1 AND s.template = ?2 AND s.period = ?3';

/** The comparison alone, for the pane's Kiểm tra: the same figures the filing will be compared with. */
export async function loadComparison(db: D1Database, q: { unit: string; template: string; period: Period; previous: Period }): Promise<Comparison & { unitExists: boolean }> {
  const [records, own] = await db.batch([db.prepare(LINEAGE).bind(q.unit), db.prepare(PREVIOUS_REPORTS(1)).bind(q.template, q.previous.code, q.unit)]);
  const registry = (records!.results as UnitRow[]).map(toUnit);
  const comparison = await compareWith(db, q, registry, (own!.results[0] as { report: string } | undefined)?.report);
  return { ...comparison, unitExists: registry.some((u) => u.code === q.unit) };
}

/**
 * `run` runs the batch (the route's, which may sign its caller in within it); `keyOwner` is the
 * caller's token id, or its bearer's hash while that sign-in is pending.
 */
export async function loadIntake(
  db: D1Database,
  q: { unit: string; template: string; period: Period; previous: Period; keyOwner: Parameters<typeof idempotencyKeyStatement>[1]; key?: string },
  run: (statements: D1PreparedStatement[]) => Promise<D1Result[]> = (statements) => db.batch(statements),
): Promise<IntakeContext> {
  // An earlier use of the key is looked up only when the request carries one.
  const [records, own, latest, lock, key] = await run([
    db.prepare(LINEAGE).bind(q.unit),
    db.prepare(PREVIOUS_REPORTS(1)).bind(q.template, q.previous.code, q.unit),
    db.prepare(LATEST_HASH).bind(q.unit, q.template, q.period.code),
    lockStatement(db, q.period.code),
    ...(q.key ? [idempotencyKeyStatement(db, q.keyOwner, q.key)] : []),
  ]);
  const registry = (records!.results as UnitRow[]).map(toUnit);
  const mine = registry.filter((u) => u.code === q.unit);
  const unit = mine.find((u) => validOn(u, q.period.end)) ?? mine.filter((u) => validDuring(u, q.period.start, q.period.end)).pop() ?? null;
  const comparison = await compareWith(db, q, registry, (own!.results[0] as { report: string } | undefined)?.report);
  const predecessors = registry.filter((u) => u.code !== q.unit && u.successors.includes(q.unit) && validDuring(u, q.period.start, q.period.end)).map((u) => u.code);
  return {
    unit,
    unitExists: mine.length > 0,
    predecessors: [...new Set(predecessors)],
    records: mine,
    ...comparison,
    latest: (latest!.results[0] as IntakeContext['latest'] | undefined) ?? null,
    idempotency: key ? ((key.results[0] as IdempotencyRecord | undefined) ?? null) : null,
    lock: (lock!.results[0] as LockRow | undefined) ?? null,
  };
}

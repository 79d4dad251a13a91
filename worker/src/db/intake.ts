/**
 * Everything a filing needs to read: the unit's records and those it succeeded, the previous
 * period's figures (its own, or its predecessors' summed), an earlier request with the same key.
 * One round trip, and a second only for a unit that took over from others.
 */
import type { Period } from '../../../shared/periods';
import { comparisonBasis } from '../../../shared/registry/lineage';
import { validDuring, validOn, type Unit } from '../../../shared/registry/units';
import { sumDecimal } from '../../../shared/numbers/decimal';
import { storedReport } from './stored';
import { idempotencyKeyStatement, type IdempotencyRecord } from './submissions';
import { toUnit, UNIT_COLUMNS, type UnitRow } from './units';

export interface IntakeContext {
  /** The unit's record for the period: in force at its end, or else the last one in force during it. */
  unit: Unit | null;
  /** Whether the code exists at all, to tell "unknown" from "not in force then". */
  unitExists: boolean;
  /** The previous period's figures the jump check compares with, and whose they are. */
  previous: { values: Record<string, number | string>; units: string[] } | null;
  /** The units a comparison would need when it cannot be made (a predecessor that did not file, a split). */
  incomparable: string[] | null;
  idempotency: IdempotencyRecord | null;
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

export async function loadIntake(
  db: D1Database,
  q: { unit: string; template: string; period: Period; previous: Period; tokenId: string; key?: string },
): Promise<IntakeContext> {
  const [records, own, key] = await db.batch([
    db.prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE code = ?1 OR (' ' || successors || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY valid_from`).bind(q.unit),
    db.prepare(PREVIOUS_REPORTS(1)).bind(q.template, q.previous.code, q.unit),
    idempotencyKeyStatement(db, q.tokenId, q.key ?? ''),
  ]);
  const registry = (records!.results as UnitRow[]).map(toUnit);
  const mine = registry.filter((u) => u.code === q.unit);
  const unit = mine.find((u) => validOn(u, q.period.end)) ?? mine.filter((u) => validDuring(u, q.period.start, q.period.end)).pop() ?? null;

  const basis = comparisonBasis(q.unit, registry, q.previous.start, q.previous.end);
  let previous: IntakeContext['previous'] = null;
  let incomparable: string[] | null = null;
  const ownReport = (own!.results[0] as { report: string } | undefined)?.report;
  if (basis.units.length === 1 && basis.units[0] === q.unit) {
    if (ownReport) previous = { values: storedReport(ownReport).values, units: [q.unit] };
  } else if (basis.units.length > 0) {
    if (!basis.comparable) incomparable = basis.units;
    else {
      const { results } = await db.prepare(PREVIOUS_REPORTS(basis.units.length)).bind(q.template, q.previous.code, ...basis.units).all<{ unit: string; report: string }>();
      if (results.length === basis.units.length) previous = { values: summed(results.map((r) => storedReport(r.report).values)), units: basis.units };
      // Some of them filed: a sum of part of them would be a false comparison.
      else if (results.length > 0) incomparable = basis.units;
    }
  }
  return {
    unit,
    unitExists: mine.length > 0,
    previous,
    incomparable,
    idempotency: q.key ? ((key!.results[0] as IdempotencyRecord | undefined) ?? null) : null,
  };
}

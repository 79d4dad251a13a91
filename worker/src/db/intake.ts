/** Everything a filing needs to read, in one round trip: the unit's records, last period's figures, an earlier request with the same key. */
import type { Unit } from '../../../shared/registry/units';
import { storedReport } from './stored';
import { idempotencyKeyStatement, type IdempotencyRecord } from './submissions';
import { toUnit, unitOnDayStatement, type UnitRow } from './units';

export interface IntakeContext {
  /** The unit's record in force at the period's end. */
  unit: Unit | null;
  /** Whether the code exists at all, to tell "unknown" from "not in force then". */
  unitExists: boolean;
  previous: Record<string, number | string> | null;
  idempotency: IdempotencyRecord | null;
}

export async function loadIntake(
  db: D1Database,
  q: { unit: string; template: string; periodEnd: string; previousPeriod: string; tokenId: string; key?: string },
): Promise<IntakeContext> {
  const [unit, any, previous, key] = await db.batch([
    unitOnDayStatement(db, q.unit, q.periodEnd),
    db.prepare('SELECT 1 AS found FROM units WHERE code = ?1 LIMIT 1').bind(q.unit),
    db
      .prepare(
        `SELECT r.report FROM submissions s JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
         WHERE s.unit_code = ?1 AND s.template = ?2 AND s.period = ?3`,
      )
      .bind(q.unit, q.template, q.previousPeriod),
    idempotencyKeyStatement(db, q.tokenId, q.key ?? ''),
  ]);
  const unitRow = unit!.results[0] as UnitRow | undefined;
  const report = (previous!.results[0] as { report: string } | undefined)?.report;
  return {
    unit: unitRow ? toUnit(unitRow) : null,
    unitExists: any!.results.length > 0,
    previous: report ? storedReport(report).values : null,
    idempotency: q.key ? ((key!.results[0] as IdempotencyRecord | undefined) ?? null) : null,
  };
}

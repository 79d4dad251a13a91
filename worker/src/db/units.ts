/** The unit registry in D1: versioned records, so each period sees the hierarchy valid then. */
import { auditActionOf, type FiledPeriod, type RecordChange } from '../../../shared/registry/history';
import type { Unit } from '../../../shared/registry/units';
import type { Coordinator } from '../../../shared/registry/coordinator';
import type { Principal } from '../env';
import { auditStatement } from './audit';

export interface UnitRow {
  code: string;
  name: string;
  kind: Unit['kind'];
  parent: string | null;
  coordinator: number;
  valid_from: string;
  valid_to: string | null;
  successors: string;
  change: Unit['change'];
}

export const toUnit = (r: UnitRow): Unit => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  parent: r.parent,
  coordinator: r.coordinator === 1,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  successors: r.successors ? r.successors.split(' ') : [],
  change: r.change,
});

export const UNIT_COLUMNS = 'code, name, kind, parent, coordinator, valid_from, valid_to, successors, change';

export async function listUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db.prepare(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY rowid`).all<UnitRow>();
  return results.map(toUnit);
}

/** Records in force at some time between `start` and `end` (ISO dates). */
export async function unitsDuring(db: D1Database, start: string, end: string): Promise<Unit[]> {
  const { results } = await db
    .prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?1) ORDER BY rowid`)
    .bind(start, end)
    .all<UnitRow>();
  return results.map(toUnit);
}

/** The record of `code` in force on `day`, or the latest one when `day` is not given. */
export async function findUnit(db: D1Database, code: string, day?: string): Promise<Unit | null> {
  const row = day
    ? await unitOnDayStatement(db, code, day).first<UnitRow>()
    : await db.prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE code = ?1 ORDER BY valid_from DESC LIMIT 1`).bind(code).first<UnitRow>();
  return row ? toUnit(row) : null;
}

/** The coordinating department on `day`, as the registry has it. */
export async function findCoordinator(db: D1Database, day: string): Promise<Coordinator | null> {
  return db
    .prepare('SELECT code, name FROM units WHERE coordinator = 1 AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1) ORDER BY valid_from DESC LIMIT 1')
    .bind(day)
    .first<Coordinator>();
}

/** The query for the record of `code` in force on `day`, to run alone or in a batch. */
export function unitOnDayStatement(db: D1Database, code: string, day: string): D1PreparedStatement {
  return db
    .prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE code = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY valid_from DESC LIMIT 1`)
    .bind(code, day);
}

/** Every unit and period that has a filing: what the registry's history must not rewrite. */
export async function filedPeriods(db: D1Database): Promise<FiledPeriod[]> {
  const { results } = await db.prepare('SELECT DISTINCT unit_code AS unit, period FROM submissions').all<FiledPeriod>();
  return results;
}

/** The statement that writes one record, creating it or replacing the one with its code and start. */
export function upsertUnitStatement(db: D1Database, u: Unit, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO units (code, valid_from, valid_to, name, kind, parent, coordinator, successors, change, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
       ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, kind = excluded.kind,
         parent = excluded.parent, coordinator = excluded.coordinator, successors = excluded.successors, change = excluded.change, updated_at = excluded.updated_at`,
    )
    .bind(u.code, u.validFrom, u.validTo, u.name, u.kind, u.parent, u.coordinator ? 1 : 0, u.successors.join(' '), u.change, now);
}

/**
 * Writes the records an import plan creates and updates, in one batch: each with its audit entry,
 * which keeps the record before and after.
 */
export async function applyImport(db: D1Database, changes: readonly RecordChange[], actor: Principal, now: string): Promise<void> {
  if (changes.length === 0) return;
  const statements = changes.flatMap((change) => [
    upsertUnitStatement(db, change.after, now),
    auditStatement(db, actor, auditActionOf(change), `${change.after.code}@${change.after.validFrom}`, { before: change.before, after: change.after }, now),
  ]);
  // D1 caps a batch at a generous size; a province's registry (a few hundred rows) fits one batch.
  await db.batch(statements);
}

/** Removes a record made by mistake, with its audit entry; the caller has checked nothing was filed under it. */
export async function retractRecord(db: D1Database, record: Unit, actor: Principal, now: string): Promise<void> {
  await db.batch([
    db.prepare('DELETE FROM units WHERE code = ?1 AND valid_from = ?2').bind(record.code, record.validFrom),
    auditStatement(db, actor, 'units.retract', `${record.code}@${record.validFrom}`, { before: record, after: null }, now),
  ]);
}

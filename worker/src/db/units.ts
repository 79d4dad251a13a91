/** The unit registry in D1: versioned records, so each period sees the hierarchy valid then. */
import type { Unit } from '../../../shared/registry/units';
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
}

export const toUnit = (r: UnitRow): Unit => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  parent: r.parent,
  coordinator: r.coordinator === 1,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

const COLUMNS = 'code, name, kind, parent, coordinator, valid_from, valid_to';

export async function listUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM units ORDER BY rowid`).all<UnitRow>();
  return results.map(toUnit);
}

/** Records in force at some time between `start` and `end` (ISO dates). */
export async function unitsDuring(db: D1Database, start: string, end: string): Promise<Unit[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM units WHERE valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?1) ORDER BY rowid`)
    .bind(start, end)
    .all<UnitRow>();
  return results.map(toUnit);
}

/** The record of `code` in force on `day`, or the latest one when `day` is not given. */
export async function findUnit(db: D1Database, code: string, day?: string): Promise<Unit | null> {
  const row = day
    ? await unitOnDayStatement(db, code, day).first<UnitRow>()
    : await db.prepare(`SELECT ${COLUMNS} FROM units WHERE code = ?1 ORDER BY valid_from DESC LIMIT 1`).bind(code).first<UnitRow>();
  return row ? toUnit(row) : null;
}

/** The query for the record of `code` in force on `day`, to run alone or in a batch. */
export function unitOnDayStatement(db: D1Database, code: string, day: string): D1PreparedStatement {
  return db
    .prepare(`SELECT ${COLUMNS} FROM units WHERE code = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY valid_from DESC LIMIT 1`)
    .bind(code, day);
}

/** Adds or updates records (keyed by code and valid_from) in one batch with its audit entry. */
export async function importUnits(db: D1Database, units: readonly Unit[], actor: Principal): Promise<{ created: number; updated: number; unchanged: number }> {
  const existing = new Map((await listUnits(db)).map((u) => [`${u.code}|${u.validFrom}`, u]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const now = new Date().toISOString();
  const statements: D1PreparedStatement[] = [];
  for (const u of units) {
    const before = existing.get(`${u.code}|${u.validFrom}`);
    if (before && JSON.stringify(before) === JSON.stringify(u)) {
      unchanged++;
      continue;
    }
    if (before) updated++;
    else created++;
    statements.push(
      db
        .prepare(
          `INSERT INTO units (code, valid_from, valid_to, name, kind, parent, coordinator, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
           ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, kind = excluded.kind,
             parent = excluded.parent, coordinator = excluded.coordinator, updated_at = excluded.updated_at`,
        )
        .bind(u.code, u.validFrom, u.validTo, u.name, u.kind, u.parent, u.coordinator ? 1 : 0, now),
    );
  }
  if (statements.length > 0) {
    statements.push(auditStatement(db, actor, 'units.import', 'units', { created, updated, unchanged }, now));
    // D1 caps a batch at a generous size; a province's registry (a few hundred rows) fits one batch.
    await db.batch(statements);
  }
  return { created, updated, unchanged };
}

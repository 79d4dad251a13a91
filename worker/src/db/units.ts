/** The unit registry in D1: versioned records, so each period sees the hierarchy valid then. */
import { auditActionOf, type FiledEnd, type FiledPeriod, type RecordChange } from '../../../shared/registry/history';
import { canonicalUnit, type Unit } from '../../../shared/registry/units';
import type { Period } from '../../../shared/periods';
import type { Coordinator } from '../../../shared/registry/coordinator';
import type { Principal } from '../env';
import { auditStatement } from './audit';
import { guard } from './guards';

export { isWriteConflict } from './guards';

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
  province: string | null;
  catalogue: number;
  contact: string | null;
}

export const toUnit = (r: UnitRow): Unit =>
  canonicalUnit({
    code: r.code,
    name: r.name,
    kind: r.kind,
    parent: r.parent,
    coordinator: r.coordinator === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successors: r.successors ? r.successors.split(' ') : [],
    change: r.change,
    ...(r.province ? { province: r.province } : {}),
    ...(r.catalogue === 1 ? { catalogue: true as const } : {}),
    ...(r.contact ? { contact: r.contact } : {}),
  });

export const UNIT_COLUMNS = 'code, name, kind, parent, coordinator, valid_from, valid_to, successors, change, province, catalogue, contact';

export async function listUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db.prepare(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY rowid`).all<UnitRow>();
  return results.map(toUnit);
}

/**
 * This province's records in force at some time between `start` and `end` (ISO dates): what a
 * period expects, shows and sums. Records of units while they belonged to another province are
 * left out (their lineage is read with all records, for comparisons).
 */
export async function unitsDuring(db: D1Database, start: string, end: string): Promise<Unit[]> {
  const { results } = await db
    .prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?1) AND province IS NULL ORDER BY rowid`)
    .bind(start, end)
    .all<UnitRow>();
  return results.map(toUnit);
}

/**
 * This province's coordinator records in force on `day`, in the registry's order: what `unitsDuring(day, day)`
 * holds of them, read through their own index (migration 0015) rather than the whole registry.
 */
export async function coordinatorRecordsOn(db: D1Database, day: string): Promise<Unit[]> {
  const { results } = await db
    .prepare(`SELECT rowid AS position, ${UNIT_COLUMNS} FROM units WHERE coordinator = 1 AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1) AND province IS NULL`)
    .bind(day)
    .all<UnitRow & { position: number }>();
  return results.sort((a, b) => a.position - b.position).map(toUnit);
}

/** The registry with everything its history rules need, read in one transaction, and its version. */
export interface RegistrySnapshot {
  version: number;
  units: Unit[];
  filings: FiledPeriod[];
  filedEnds: FiledEnd[];
  /** Per unit code, the sum of its series' latest revision numbers: it grows with every filing. */
  filingCounts: Map<string, number>;
}

export async function readRegistry(db: D1Database): Promise<RegistrySnapshot> {
  const [version, units, filings, ends] = await db.batch([
    db.prepare('SELECT version FROM registry_version WHERE id = 1'),
    db.prepare(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY rowid`),
    db.prepare('SELECT unit_code AS unit, period, sum(latest_revision) AS revisions FROM submissions GROUP BY unit_code, period'),
    db.prepare('SELECT code, valid_from AS validFrom, valid_to AS validTo FROM filed_record_ends'),
  ]);
  const filed = filings!.results as (FiledPeriod & { revisions: number })[];
  const filingCounts = new Map<string, number>();
  for (const f of filed) filingCounts.set(f.unit, (filingCounts.get(f.unit) ?? 0) + f.revisions);
  return {
    version: (version!.results[0] as { version: number }).version,
    units: (units!.results as UnitRow[]).map(toUnit),
    filings: filed.map(({ unit, period }) => ({ unit, period })),
    filedEnds: ends!.results as FiledEnd[],
    filingCounts,
  };
}

/**
 * Guards of a registry write planned on `snapshot`: the registry is still that version, and the
 * units it touches have filed nothing since.
 */
function registryGuards(db: D1Database, snapshot: RegistrySnapshot, codes: readonly string[]): D1PreparedStatement[] {
  const unique = [...new Set(codes)];
  const filed = unique.reduce((sum, code) => sum + (snapshot.filingCounts.get(code) ?? 0), 0);
  return [
    guard(db, 'registry', '(SELECT version FROM registry_version WHERE id = 1) = ?2', snapshot.version),
    guard(db, 'filings', '(SELECT total(latest_revision) FROM submissions WHERE unit_code IN (SELECT value FROM json_each(?2))) = ?3', JSON.stringify(unique), filed),
  ];
}

/** The earlier of the end kept and the end filed under (NULL: open, the later of all). */
const EARLIEST_END = 'CASE WHEN valid_to IS NULL THEN excluded.valid_to WHEN excluded.valid_to IS NULL THEN valid_to ELSE min(valid_to, excluded.valid_to) END';

/**
 * The statements a filing adds to its batch: the unit's record is still the one it was checked
 * against (not retracted, ended or edited meanwhile), and the end that record had is kept as the
 * end it was filed under.
 */
export function filingRecordStatements(db: D1Database, unit: Unit, period: Pick<Period, 'start' | 'end'>): D1PreparedStatement[] {
  return [
    guard(
      db,
      'unit record',
      `EXISTS (SELECT 1 FROM units WHERE code = ?2 AND valid_from = ?3 AND valid_to IS ?4 AND kind = ?5 AND parent IS ?6 AND name = ?7 AND province IS NULL
         AND valid_from <= ?9 AND coalesce(valid_to, '9999-12-31') >= ?8)`,
      unit.code,
      unit.validFrom,
      unit.validTo,
      unit.kind,
      unit.parent,
      unit.name,
      period.start,
      period.end,
    ),
    // Written only when the end changes: a filing under an end already kept writes no row (D1 bills rows written).
    db
      .prepare(
        `INSERT INTO filed_record_ends (code, valid_from, valid_to) VALUES (?1, ?2, ?3)
         ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = ${EARLIEST_END}
         WHERE valid_to IS NOT ${EARLIEST_END}`,
      )
      .bind(unit.code, unit.validFrom, unit.validTo),
  ];
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
    .prepare('SELECT code, name FROM units WHERE coordinator = 1 AND province IS NULL AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1) ORDER BY valid_from DESC LIMIT 1')
    .bind(day)
    .first<Coordinator>();
}

/** The query for the record of `code` in force on `day`, to run alone or in a batch. */
export function unitOnDayStatement(db: D1Database, code: string, day: string): D1PreparedStatement {
  return db
    .prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE code = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY valid_from DESC LIMIT 1`)
    .bind(code, day);
}

/** The statement that writes one record, creating it or replacing the one with its code and start. */
export function upsertUnitStatement(db: D1Database, u: Unit, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO units (code, valid_from, valid_to, name, kind, parent, coordinator, successors, change, province, catalogue, contact, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
       ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, kind = excluded.kind,
         parent = excluded.parent, coordinator = excluded.coordinator, successors = excluded.successors, change = excluded.change,
         province = excluded.province, catalogue = excluded.catalogue, contact = excluded.contact, updated_at = excluded.updated_at`,
    )
    .bind(u.code, u.validFrom, u.validTo, u.name, u.kind, u.parent, u.coordinator ? 1 : 0, u.successors.join(' '), u.change, u.province ?? null, u.catalogue ? 1 : 0, u.contact ?? null, now);
}

/**
 * Writes the records an import plan creates and updates, in one batch: each with its audit entry,
 * which keeps the record before and after.
 */
export async function applyImport(db: D1Database, snapshot: RegistrySnapshot, changes: readonly RecordChange[], actor: Principal, now: string): Promise<void> {
  if (changes.length === 0) return;
  const statements = registryGuards(db, snapshot, changes.map((change) => change.after.code));
  statements.push(...changes.flatMap((change) => [
    upsertUnitStatement(db, change.after, now),
    auditStatement(db, actor, auditActionOf(change), `${change.after.code}@${change.after.validFrom}`, { before: change.before, after: change.after }, now),
  ]));
  // D1 caps a batch at a generous size; a province's registry (a few hundred rows) fits one batch.
  await db.batch(statements);
}

/** Removes a record made by mistake, with its audit entry; the caller has checked nothing was filed under it. */
export async function retractRecord(db: D1Database, snapshot: RegistrySnapshot, record: Unit, actor: Principal, now: string): Promise<void> {
  await db.batch([
    ...registryGuards(db, snapshot, [record.code]),
    db.prepare('DELETE FROM units WHERE code = ?1 AND valid_from = ?2').bind(record.code, record.validFrom),
    auditStatement(db, actor, 'units.retract', `${record.code}@${record.validFrom}`, { before: record, after: null }, now),
  ]);
}

/** Registry records as SQL, for seeding a local D1 and for `npm run admin -- units import`. */
import type { Unit } from '../../shared/registry/units';
import { sql } from './d1';

/** Every column a record is stored in, and its values in the same order: one list for both statements. */
const COLUMNS = 'code, valid_from, valid_to, name, kind, parent, coordinator, successors, change, province, catalogue, contact, updated_at';
const valuesOf = (u: Unit, now: string) =>
  [sql(u.code), sql(u.validFrom), sql(u.validTo), sql(u.name), sql(u.kind), sql(u.parent), u.coordinator ? 1 : 0, sql(u.successors.join(' ')), sql(u.change), sql(u.province ?? null), u.catalogue ? 1 : 0, sql(u.contact ?? null), sql(now)].join(', ');

export function unitsInsertSql(units: readonly Unit[]): string {
  const now = new Date().toISOString();
  return units
    .map(
      (u) =>
        `INSERT INTO units (${COLUMNS}) VALUES (${valuesOf(u, now)}) ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, kind = excluded.kind, parent = excluded.parent, coordinator = excluded.coordinator, successors = excluded.successors, change = excluded.change, province = excluded.province, catalogue = excluded.catalogue, contact = excluded.contact, updated_at = excluded.updated_at;`,
    )
    .join('\n');
}

/**
 * The records as SQL that writes them only into an empty registry: a table holding any row this very
 * run did not write (told by its `updated_at`) is left as it is, so a registry DIC edited survives.
 */
export function unitsSeedSql(units: readonly Unit[], now = new Date().toISOString()): string {
  return units.map((u) => `INSERT INTO units (${COLUMNS}) SELECT ${valuesOf(u, now)} WHERE NOT EXISTS (SELECT 1 FROM units WHERE updated_at <> ${sql(now)});`).join('\n');
}

/** SQL that adds or updates registry records, for wrangler d1 execute. */
import type { Unit } from '../../shared/registry/units';
import { sql } from './d1';

export function unitsInsertSql(units: readonly Unit[]): string {
  const now = new Date().toISOString();
  return units
    .map(
      (u) =>
        `INSERT INTO units (code, valid_from, valid_to, name, kind, parent, coordinator, updated_at) VALUES (${sql(u.code)}, ${sql(u.validFrom)}, ${sql(u.validTo)}, ${sql(u.name)}, ${sql(u.kind)}, ${sql(u.parent)}, ${u.coordinator ? 1 : 0}, ${sql(now)}) ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, kind = excluded.kind, parent = excluded.parent, coordinator = excluded.coordinator, updated_at = excluded.updated_at;`,
    )
    .join('\n');
}

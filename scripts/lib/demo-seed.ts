/**
 * The local database of `npm start`: migrated, the demo registry written into an empty one, and the
 * demo tokens kept from the last run while they are valid (new ones made otherwise). Two wrangler runs
 * in all: the migrations, then one file whose statements decide for themselves what to write.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { coordinatorOn } from '../../shared/registry';
import { sha256Hex } from '../../worker/src/lib/crypto';
import { d1FileRows, migrate, sql, type LocalState } from './d1';
import { newTokenSql, type Role } from './tokens';
import { unitsSeedSql } from './units-sql';

export interface DemoToken {
  name: string;
  role: Role;
  unit: string | null;
  label: string;
}

/** The demo's tokens: DIC as the registry names it on `today`, the auditor, and units of both structures. */
export function demoTokens(today: string): DemoToken[] {
  const coordinator = coordinatorOn(DEMO_REGISTRY, today);
  return [
    { name: 'dic', role: 'dic', unit: coordinator?.code ?? null, label: `${coordinator?.name ?? 'Cơ quan thường trực'} (demo)` },
    { name: 'auditor', role: 'auditor', unit: null, label: 'Thanh tra (demo)' },
    { name: 'phuocan', role: 'unit', unit: 'PHUOCAN', label: 'UBND xã Phước An (demo)' },
    { name: 'buonmathuot', role: 'unit', unit: 'BUONMATHUOT', label: 'UBND phường Buôn Ma Thuột (demo)' },
    { name: 'syt', role: 'unit', unit: 'SYT', label: 'Sở Y tế (demo)' },
    { name: 'kpa', role: 'unit', unit: 'KPA', label: 'UBND huyện Krông Pắc, đến 30/6/2025 (demo)' },
  ];
}

export interface DemoDatabase {
  /** Registry records in the database, and how many this run wrote (all of them into an empty one, else none). */
  units: number;
  seededUnits: number;
  /** Reports already filed: the demo files its own into an empty database only. */
  reports: number;
  /** The secret of each demo token: the saved one while valid, else a new one. */
  tokens: Record<string, string>;
  newTokens: number;
}

export async function prepareDemoDatabase(today: string, saved: Readonly<Record<string, string>>, state: LocalState = {}): Promise<DemoDatabase> {
  await migrate('local', state);
  const now = new Date().toISOString();
  const statements = [unitsSeedSql(DEMO_REGISTRY, now)];
  const candidates: { name: string; token: string; hash: string; saved?: string }[] = [];
  for (const t of demoTokens(today)) {
    const kept = saved[t.name];
    const valid = kept ? `SELECT 1 FROM tokens WHERE hash = ${sql(await sha256Hex(kept))} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at >= ${sql(today)})` : null;
    const created = await newTokenSql(t.role, t.unit, t.label, undefined, valid ? `NOT EXISTS (${valid})` : '1');
    statements.push(created.sql);
    candidates.push({ name: t.name, token: created.token, hash: created.hash, ...(kept ? { saved: kept } : {}) });
  }
  statements.push(
    `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM units WHERE updated_at = ${sql(now)}) AS seeded,
            (SELECT count(*) FROM submissions) AS reports,
            (SELECT json_group_array(hash) FROM tokens WHERE hash IN (${candidates.map((c) => sql(c.hash)).join(', ')})) AS created;`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'chitieu-seed-'));
  try {
    const file = join(dir, 'seed.sql');
    await writeFile(file, statements.join('\n'));
    const [row] = (await d1FileRows('local', file, state)) as [{ units: number; seeded: number; reports: number; created: string }];
    const created = new Set(JSON.parse(row.created) as string[]);
    const tokens: Record<string, string> = {};
    for (const c of candidates) tokens[c.name] = created.has(c.hash) ? c.token : c.saved!;
    return { units: row.units, seededUnits: row.seeded, reports: row.reports, tokens, newTokens: created.size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

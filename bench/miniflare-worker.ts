/**
 * The product's worker in workerd with a local D1, started through Miniflare directly: the same
 * runtime and database as `npm start`, without the development proxy of `wrangler dev`, so the
 * figures describe the worker and D1 rather than the tooling around them.
 */
import { readD1Migrations } from '@cloudflare/vitest-plugin';
import { build } from 'esbuild';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Unit } from '../shared/registry/units';
import { ROOT } from '../scripts/lib/d1';
import { newToken, randomId, sha256Hex } from '../worker/src/lib/crypto';
import { withNewWorkerd } from './workerd-cpu';

export type BenchDatabase = Awaited<ReturnType<Miniflare['getD1Database']>>;

export interface BenchWorker {
  origin: string;
  dicToken: string;
  /** The worker's database, for filling history straight in and for reading query plans. */
  db: BenchDatabase;
  /** The workerd processes running the worker and its D1 (bench/workerd-cpu.ts). */
  pids: number[];
  stop: () => Promise<void>;
}

/**
 * `root`: the checkout whose worker and migrations run (another worktree, to measure a change side by
 * side); `inspectorPort` opens the worker to a CPU profiler (Chrome DevTools Protocol).
 */
export async function startBenchWorker(units: readonly Unit[], options: { root?: string; inspectorPort?: number } = {}): Promise<BenchWorker> {
  const root = options.root ?? ROOT;
  const bundle = await build({
    entryPoints: [join(root, 'worker/src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
  });
  const persist = await mkdtemp(join(tmpdir(), 'chitieu-bench-'));
  const miniflareOptions = convertV4MiniflareOptions({
    modules: true,
    script: bundle.outputFiles[0]!.text,
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'chitieu' },
    d1Persist: persist,
    // The meter answers only requests that ask for it (worker/src/lib/d1-meter.ts): the load runs as in production.
    bindings: { PROVINCE_NAME: 'Đắk Lắk', D1_METER: 'on' },
    host: '127.0.0.1',
    port: 0,
    ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
  });
  const { started: mf, pids } = await withNewWorkerd(async () => {
    const started = new Miniflare(miniflareOptions);
    await started.ready;
    return started;
  });
  const url = await mf.ready;
  const db = await mf.getD1Database('DB');
  for (const migration of await readD1Migrations(join(root, 'worker/migrations'))) {
    await db.batch(migration.queries.map((q) => db.prepare(q)));
  }
  const now = new Date().toISOString();
  await db.batch(
    units.map((u) =>
      db
        .prepare('INSERT INTO units (code, valid_from, valid_to, name, kind, parent, coordinator, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
        .bind(u.code, u.validFrom, u.validTo, u.name, u.kind, u.parent, u.coordinator ? 1 : 0, now),
    ),
  );
  const dicToken = newToken();
  await db
    .prepare("INSERT INTO tokens (id, hash, role, unit_code, label, created_at) VALUES (?1, ?2, 'dic', 'STTTT', 'bench', ?3)")
    .bind(randomId('tok', 10), await sha256Hex(dicToken), now)
    .run();
  return {
    origin: url.origin,
    dicToken,
    db,
    pids,
    stop: async () => {
      await mf.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}

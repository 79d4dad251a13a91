/**
 * The floor of a write: a worker that does nothing but insert the request's body into one table of
 * a local D1, persisted on disk like the product's. A filing cannot cost less than this on the same
 * machine (it must sign its caller in, read what it is checked against, and write its revision and
 * audit entry in one transaction); printed beside the filing, it shows how much of a filing's cost is
 * the product's own and how much is any write's.
 */
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withNewWorkerd } from './workerd-cpu';

export interface WriteFloor {
  /** `POST` the body to be written here. */
  url: string;
  /** The workerd processes running it (bench/workerd-cpu.ts). */
  pids: number[];
  stop: () => Promise<void>;
}

const SCRIPT = `export default {
  async fetch(request, env) {
    await env.DB.prepare('INSERT INTO writes (at, body) VALUES (?1, ?2)').bind(new Date().toISOString(), await request.text()).run();
    return new Response(null, { status: 201 });
  },
};`;

export async function startWriteFloor(): Promise<WriteFloor> {
  const persist = await mkdtemp(join(tmpdir(), 'chitieu-bench-floor-'));
  const { started: mf, pids } = await withNewWorkerd(async () => {
    const mf = new Miniflare(
      convertV4MiniflareOptions({ modules: true, script: SCRIPT, compatibilityDate: '2026-04-01', d1Databases: { DB: 'floor' }, d1Persist: persist, host: '127.0.0.1', port: 0 }),
    );
    await mf.ready;
    return mf;
  });
  const db = await mf.getD1Database('DB');
  await db.exec('CREATE TABLE writes (id INTEGER PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL)');
  return {
    url: (await mf.ready).origin,
    pids,
    stop: async () => {
      await mf.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}

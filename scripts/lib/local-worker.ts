/**
 * A worker on a fresh local D1 of its own, for benches and end-to-end tests: migrated, with a
 * registry and tokens, served by `wrangler dev` on loopback.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Unit } from '../../shared/registry/units';
import { ROOT, WRANGLER_ENV, d1File, migrate, wranglerBin } from './d1';
import { createTokenIn, type Role } from './tokens';
import { unitsInsertSql } from './units-sql';

export interface LocalWorker {
  origin: string;
  tokens: Record<string, string>;
  persistTo: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalWorker(options: {
  units: readonly Unit[];
  tokens: Record<string, { role: Role; unit: string | null }>;
  port?: number;
  /** Bindings set on the command line (`--var`), as `npm start` sets `TRAINING_CLOCK`. */
  vars?: Record<string, string>;
}): Promise<LocalWorker> {
  const persistTo = await mkdtemp(join(tmpdir(), 'chitieu-d1-'));
  const state = { persistTo };
  await migrate('local', state);
  const seed = join(persistTo, 'seed.sql');
  await writeFile(seed, unitsInsertSql(options.units));
  await d1File('local', seed, state);
  const tokens: Record<string, string> = {};
  for (const [name, t] of Object.entries(options.tokens)) tokens[name] = (await createTokenIn('local', t.role, t.unit, name, state)).token;

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(wranglerBin(), ['dev', '--ip', '127.0.0.1', '--port', String(port), '--local', '--persist-to', persistTo, '--show-interactive-dev-session=false', '--log-level', 'warn', ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`])], {
    cwd: ROOT,
    env: WRANGLER_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev stopped:\n${output.slice(-2000)}`);
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`wrangler dev did not answer on ${origin}:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    origin,
    tokens,
    persistTo,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}

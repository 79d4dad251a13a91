/** Runs SQL against the D1 database through wrangler, locally or on Cloudflare. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Target = 'local' | 'remote';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

export function run(command: string, args: string[], options: { quiet?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: WRANGLER_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (!options.quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (!options.quiet) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export function wranglerBin(): string {
  return `${ROOT}node_modules/.bin/wrangler`;
}

/** Where local state lives; a bench or a test run keeps its own. */
export interface LocalState {
  persistTo?: string;
}

function targetArgs(target: Target, state: LocalState): string[] {
  return [`--${target}`, ...(target === 'local' && state.persistTo ? ['--persist-to', state.persistTo] : [])];
}

/** Executes SQL and returns the rows of the last statement. */
export async function d1(target: Target, sql: string, state: LocalState = {}): Promise<Record<string, unknown>[]> {
  const r = await run(wranglerBin(), ['d1', 'execute', 'DB', ...targetArgs(target, state), '--json', '--command', sql], { quiet: true });
  if (r.code !== 0) throw new Error(`wrangler d1 execute không chạy được; những dòng cuối nó in ra:\n${lastLines(r.stderr || r.stdout)}`);
  const parsed = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { results: Record<string, unknown>[] }[];
  return parsed[parsed.length - 1]?.results ?? [];
}

export async function d1File(target: Target, file: string, state: LocalState = {}): Promise<void> {
  const r = await run(wranglerBin(), ['d1', 'execute', 'DB', ...targetArgs(target, state), '--file', file, '--yes'], { quiet: true });
  if (r.code !== 0) throw new Error(`wrangler d1 execute --file không chạy được; những dòng cuối nó in ra:\n${lastLines(r.stderr || r.stdout)}`);
}

/** Executes a file of SQL and returns the rows of its last statement. */
export async function d1FileRows(target: Target, file: string, state: LocalState = {}): Promise<Record<string, unknown>[]> {
  const r = await run(wranglerBin(), ['d1', 'execute', 'DB', ...targetArgs(target, state), '--file', file, '--yes', '--json'], { quiet: true });
  if (r.code !== 0) throw new Error(`wrangler d1 execute --file không chạy được; những dòng cuối nó in ra:\n${lastLines(r.stderr || r.stdout)}`);
  const parsed = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { results: Record<string, unknown>[] }[];
  return parsed[parsed.length - 1]?.results ?? [];
}

export async function migrate(target: Target, state: LocalState = {}): Promise<void> {
  const r = await run(wranglerBin(), ['d1', 'migrations', 'apply', 'DB', ...targetArgs(target, state)], { quiet: true });
  if (r.code !== 0) throw new Error(`wrangler d1 migrations apply không chạy được; những dòng cuối nó in ra:\n${lastLines(r.stderr || r.stdout)}`);
}

/** A SQL string literal. */
export function sql(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

function lastLines(text: string, n = 15): string {
  return text.trim().split('\n').slice(-n).join('\n');
}

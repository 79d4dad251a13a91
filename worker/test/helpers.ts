/** Talking to the worker as a client would, and preparing a database for a test. */
import { env, SELF } from 'cloudflare:test';
import type { z } from 'zod';
import { ProblemSchema, type Problem } from '../../shared/api/schemas';
import type { Unit } from '../../shared/registry/units';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { randomId, sha256Hex, newToken } from '../src/lib/crypto';
import { upsertUnitStatement } from '../src/db/units';
import { createApp } from '../src/app';

export const BASE = 'http://chitieu.test/api/v1';

export interface Call {
  method?: string;
  token?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

function request(path: string, call: Call): Request {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body = call.body;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`${BASE}${path}`, { method: call.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body !== undefined ? { body } : {}) });
}

export async function api(path: string, call: Call = {}): Promise<Response> {
  return SELF.fetch(request(path, call));
}

const CONTEXT = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;

/** A call answered as on `now` (the worker's FIXED_NOW): deadlines, the current period and generation times follow it. */
export async function apiAt(now: string, path: string, call: Call = {}): Promise<Response> {
  return createApp().fetch(request(path, call), { ...env, FIXED_NOW: now }, CONTEXT);
}

/** A response's JSON, untyped: for asserting on shapes the test spells out itself. */
export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A response's JSON read through the API's own schema: typed, and failing the test if the worker breaks its contract. */
export async function read<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  return schema.parse(await response.json());
}

/** A problem answer, read through the problem schema. */
export function problem(response: Response): Promise<Problem> {
  return read(response, ProblemSchema);
}

export async function seedUnits(units: readonly Unit[] = DEMO_REGISTRY): Promise<void> {
  const now = new Date().toISOString();
  await env.DB.batch(units.map((u) => upsertUnitStatement(env.DB, u, now)));
}

export async function makeToken(role: 'unit' | 'dic' | 'auditor', unit: string | null = null): Promise<string> {
  const token = newToken();
  await env.DB
    .prepare('INSERT INTO tokens (id, hash, role, unit_code, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(randomId('tok', 10), await sha256Hex(token), role, unit, `test ${role}`, new Date().toISOString())
    .run();
  return token;
}

export async function count(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}

/**
 * Signs a registered person in as the provider's callback would (a one-time code for their first
 * membership), then trades the code as the pane does: a real session of the worker.
 */
export async function signInAs(login: string): Promise<{ token: string; personId: string }> {
  const person = await env.DB.prepare('SELECT p.id, m.id AS membership FROM people p JOIN memberships m ON m.person_id = p.id WHERE p.login = ?1 ORDER BY m.id LIMIT 1')
    .bind(login)
    .first<{ id: string; membership: number }>();
  if (!person) throw new Error(`signInAs: nobody registered as ${login}`);
  const code = newToken('cth');
  await env.DB.prepare('INSERT INTO hand_backs (code_hash, person_id, membership_id, expires_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(await sha256Hex(code), person.id, person.membership, new Date(Date.now() + 60_000).toISOString())
    .run();
  const r = await api('/auth/exchange', { json: { code } });
  if (r.status !== 200) throw new Error(`signInAs ${login}: ${r.status} ${await r.text()}`);
  return { token: ((await r.json()) as { token: string }).token, personId: person.id };
}

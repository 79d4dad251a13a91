/**
 * What a filing runs against D1, seen through the bench's meter in one isolate: only what the request
 * needs (a key is looked up when one is sent, a series created when it is new), and as many rows read
 * whatever the size of the registry.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../index';
import { demoRecord } from '../../../shared/demo/registry';
import { versionOf } from '../../../shared/templates';
import { D1_METER_HEADER, D1_ROWS_READ_HEADER, D1_STATEMENTS_HEADER } from '../lib/d1-meter';
import { upsertUnitStatement } from '../db/units';
import { BASE, makeToken, seedUnits } from '../../test/helpers';

const CONTEXT = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
type Incoming = Parameters<typeof worker.fetch>[0];
let clerk: string;

beforeAll(async () => {
  await seedUnits();
  clerk = await makeToken('unit', 'PHUOCAN');
});

async function file(hs01: number, key?: string) {
  const request = new Request(`${BASE}/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', [D1_METER_HEADER]: 'on', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period: '2026-Q4', values: { 'HS01.KQ': hs01, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 } }),
  }) as Incoming;
  const response = await worker.fetch(request, { ...env, D1_METER: 'on' }, CONTEXT);
  const costs = JSON.parse(response.headers.get(D1_STATEMENTS_HEADER)!) as [number, number, string][];
  const statements = costs.map(([, , sql]) => sql);
  /** Rows the statement starting so wrote. */
  const wrote = (start: string) => costs.find(([, , sql]) => sql.startsWith(start))?.[1];
  return { status: response.status, receipt: (await response.json()) as { id: string; revision: number }, statements, wrote, read: Number(response.headers.get(D1_ROWS_READ_HEADER)) };
}

const runs = (statements: string[], start: string) => statements.some((sql) => sql.startsWith(start));

describe("a filing's statements", () => {
  it('create the series only when it is new, and look up a key only when one is sent', async () => {
    const first = await file(1000);
    expect(first.status).toBe(201);
    expect(first.receipt.revision).toBe(1);
    expect(runs(first.statements, 'INSERT INTO submissions')).toBe(true);
    expect(first.statements.some((sql) => sql.includes('FROM idempotency_keys'))).toBe(false);

    const second = await file(1001);
    expect(second.status).toBe(201);
    expect(second.receipt).toMatchObject({ id: first.receipt.id, revision: 2 });
    expect(runs(second.statements, 'INSERT INTO submissions')).toBe(false);
    // The end the unit's record was filed under is kept once: a second filing under it writes no row.
    expect(first.wrote('INSERT INTO filed_record_ends')).toBeGreaterThan(0);
    expect(second.wrote('INSERT INTO filed_record_ends')).toBe(0);
    const kept = await env.DB.prepare("SELECT valid_from, valid_to FROM filed_record_ends WHERE code = 'PHUOCAN'").all();
    expect(kept.results).toHaveLength(1);

    const keyed = await file(1002, 'lan-nop-3');
    expect(keyed.status).toBe(201);
    expect(keyed.receipt).toMatchObject({ id: first.receipt.id, revision: 3 });
    expect(keyed.statements.some((sql) => sql.includes('FROM idempotency_keys'))).toBe(true);
    expect(runs(keyed.statements, 'INSERT INTO idempotency_keys')).toBe(true);
    // Sent again with its key, it is answered as filed, and nothing is stored.
    const replay = await file(1002, 'lan-nop-3');
    expect(replay.status).toBe(200);
    expect(replay.receipt).toMatchObject({ id: first.receipt.id, revision: 3 });
    expect(runs(replay.statements, 'INSERT INTO revisions')).toBe(false);
    // The same key with another body is refused (idempotency_key_reused).
    expect((await file(1003, 'lan-nop-3')).status).toBe(409);
  });

  it('read as many rows when the registry holds 300 more records', async () => {
    const before = await file(2000);
    const now = new Date().toISOString();
    await env.DB.batch(
      Array.from({ length: 300 }, (_, i) => upsertUnitStatement(env.DB, demoRecord({ code: `XA${String(i).padStart(4, '0')}`, name: `Xã ${i}`, kind: 'commune', parent: null }), now)),
    );
    const after = await file(2001);
    expect(after.status).toBe(201);
    expect(after.read).toBe(before.read);
  });

  it('read as many rows when years of other periods are closed', async () => {
    const before = await file(3000);
    const closes = [2019, 2020, 2021, 2022, 2023].flatMap((year) => ['', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4'].map((part) => `${year}${part}`));
    await env.DB.batch(
      closes.map((period) =>
        env.DB.prepare("INSERT INTO period_locks (period, first_day, last_day, state, holder, since) VALUES (?1, ?2, ?3, 'closed', 'test', ?4)").bind(period, `${period.slice(0, 4)}-01-01`, `${period.slice(0, 4)}-12-31`, new Date().toISOString()),
      ),
    );
    const after = await file(3001);
    expect(after.status).toBe(201);
    expect(after.read).toBe(before.read);
  });
});

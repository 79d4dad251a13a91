import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../index';
import { D1_METER_HEADER, D1_ROWS_READ_HEADER, D1_ROWS_WRITTEN_HEADER, D1_STATEMENTS_HEADER } from './d1-meter';
import { BASE, makeToken, seedUnits } from '../../test/helpers';
import { versionOf } from '../../../shared/templates';

const CONTEXT = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
const METERED = { ...env, D1_METER: 'on' };
let clerk: string;
/** A request as the runtime hands it to the worker. */
type Incoming = Parameters<typeof worker.fetch>[0];

beforeAll(async () => {
  await seedUnits();
  clerk = await makeToken('unit', 'PHUOCAN');
});

const filing = (asked: boolean) =>
  new Request(`${BASE}/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', ...(asked ? { [D1_METER_HEADER]: 'on' } : {}) },
    body: JSON.stringify({ template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period: '2026-Q4', values: { 'HS01.KQ': 1000, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 } }),
  }) as Incoming;
const health = (asked: boolean) => new Request(`${BASE}/health`, { headers: asked ? { [D1_METER_HEADER]: 'on' } : {} }) as Incoming;

describe('the D1 meter of the bench', () => {
  it('answers each asking request with its own rows, in a sequence of requests in one isolate', async () => {
    const filed = await worker.fetch(filing(true), METERED, CONTEXT);
    expect(filed.status).toBe(201);
    const written = Number(filed.headers.get(D1_ROWS_WRITTEN_HEADER));
    // A series, its revision and the audit entry at least.
    expect(written).toBeGreaterThanOrEqual(3);
    const statements = JSON.parse(filed.headers.get(D1_STATEMENTS_HEADER)!) as [number, number, string][];
    expect(statements.some(([, , sql]) => sql.startsWith('INSERT INTO revisions'))).toBe(true);
    expect(statements.reduce((sum, [read]) => sum + read, 0)).toBe(Number(filed.headers.get(D1_ROWS_READ_HEADER)));

    const checked = await worker.fetch(health(true), METERED, CONTEXT);
    expect(checked.status).toBe(200);
    // Nothing of the filing before it is counted: the health check writes nothing.
    expect(checked.headers.get(D1_ROWS_WRITTEN_HEADER)).toBe('0');
    expect((JSON.parse(checked.headers.get(D1_STATEMENTS_HEADER)!) as unknown[]).length).toBe(1);

    const again = await worker.fetch(filing(true), METERED, CONTEXT);
    expect(again.status).toBe(201);
    expect(Number(again.headers.get(D1_ROWS_WRITTEN_HEADER))).toBeLessThan(2 * written);
  });

  it('says nothing where the deployment has not turned it on, or the request did not ask', async () => {
    const off = await worker.fetch(health(true), env, CONTEXT);
    expect(off.status).toBe(200);
    expect(off.headers.get(D1_ROWS_READ_HEADER)).toBeNull();
    const unasked = await worker.fetch(filing(false), METERED, CONTEXT);
    expect(unasked.status).toBe(201);
    expect(unasked.headers.get(D1_ROWS_READ_HEADER)).toBeNull();
  });
});

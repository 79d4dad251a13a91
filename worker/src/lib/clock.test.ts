/**
 * The training clock in workerd against the real local D1: followed only where the deployment turns
 * it on, one request at a time (nothing carries over to the next request of the same isolate).
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_CLOCK_HEADER } from '../../../shared/api/training-clock';
import { vietnamDay } from '../../../shared/periods';
import { versionOf } from '../../../shared/templates';
import { createApp } from '../app';
import { api, count, json, makeToken, seedUnits, type Call } from '../../test/helpers';

let clerk: string;
beforeAll(async () => {
  await seedUnits();
  clerk = await makeToken('unit', 'PHUOCAN');
});

const CONTEXT = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
const app = createApp();
const trainingEnv = { ...env, TRAINING_CLOCK: 'on' };

/** One request to a worker whose deployment turns the training clock on. */
async function training(path: string, call: Call & { day?: string }): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${call.token}`, ...call.headers };
  if (call.day !== undefined) headers[TRAINING_CLOCK_HEADER] = call.day;
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  return app.fetch(new Request(`http://chitieu.test/api/v1${path}`, { method: call.json ? 'POST' : 'GET', headers, ...(call.json ? { body: JSON.stringify(call.json) } : {}) }), trainingEnv, CONTEXT);
}

const bm03 = (period: string, hs01: number) => ({ template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period, values: { 'HS01.KQ': hs01, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 } });

describe('the training clock, turned on', () => {
  it('files as of the day the header names: on time, late, or before the period began', async () => {
    const onTime = await training('/submissions', { token: clerk, day: '2025-09-10', json: bm03('2025-Q3', 1000) });
    expect(onTime.status).toBe(201);
    const receipt = await json(onTime);
    expect(vietnamDay(receipt.receivedAt)).toBe('2025-09-10');
    expect(onTime.headers.get(TRAINING_CLOCK_HEADER)).toBe('2025-09-10');
    expect(receipt).toMatchObject({ late: false, daysLate: 0 });

    const late = await training('/submissions', { token: clerk, day: '2025-10-02T09:30:00+07:00', json: bm03('2025-Q3', 1001) });
    expect(late.status).toBe(201);
    expect(await json(late)).toMatchObject({ receivedAt: '2025-10-02T02:30:00.000Z', late: true, daysLate: 8 });

    const early = await training('/submissions', { token: clerk, day: '2025-06-10', json: bm03('2025-Q3', 1002) });
    expect(early.status).toBe(422);
    expect((await json(early)).issues.map((i: { code: string }) => i.code)).toEqual(['period_not_begun']);
  });

  it('refuses a header that is not a calendar date with a 422 naming it, in either language, and stores nothing', async () => {
    const before = await count('revisions');
    for (const [day, lang] of [['2025-02-30', 'vi'], ['ngày mai', 'en']] as const) {
      const r = await training(`/submissions?lang=${lang}`, { token: clerk, day, json: bm03('2025-Q3', 1003) });
      expect(r.status).toBe(422);
      const problem = await json(r);
      expect(problem.code).toBe('training_clock_invalid');
      expect(problem.detail).toContain(TRAINING_CLOCK_HEADER);
      expect(problem.detail).toContain(`“${day}”`);
      expect(problem.detail).toMatch(lang === 'vi' ? /không phải một ngày/ : /is not a calendar date/);
    }
    expect(await count('revisions')).toBe(before);
  });

  it('leaves the next request of the same isolate on the real clock', async () => {
    expect((await training('/me', { token: clerk, day: '2024-03-01' })).status).toBe(200);
    const r = await training('/submissions', { token: clerk, json: bm03('2025-Q4', 1004) });
    expect(r.status).toBe(201);
    expect(vietnamDay((await json(r)).receivedAt)).toBe(vietnamDay(new Date()));
  });
});

describe('the training clock, off (any deployment that does not set TRAINING_CLOCK)', () => {
  it('is off in wrangler.toml', () => {
    expect((env as { TRAINING_CLOCK?: string }).TRAINING_CLOCK).toBeUndefined();
  });

  it('ignores the header, valid or not: the filing is dated now', async () => {
    for (const day of ['2025-09-10', 'ngày mai']) {
      const r = await api('/submissions', { token: clerk, json: bm03('2025-Q3', 1010 + day.length), headers: { [TRAINING_CLOCK_HEADER]: day } });
      expect(r.status, JSON.stringify(await r.clone().json())).toBe(201);
      expect(vietnamDay((await json(r)).receivedAt)).toBe(vietnamDay(new Date()));
      expect(r.headers.get(TRAINING_CLOCK_HEADER)).toBeNull();
    }
  });
});

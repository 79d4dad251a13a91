/**
 * Requests that race each other in one isolate: a registry change and a filing, two retractions, a
 * district retracted while a commune is added under it, two rotations of a token, a rotation and a
 * revoke. Each rule holds where the write happens, so one wins and the other is told to try again
 * (409 with Retry-After) or finds the new state, and nothing inconsistent is left behind.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../../../shared/templates';
import { registryProblems } from '../../../shared/registry/history';
import { listUnits } from '../db/units';
import { api, count, json, makeToken, problem, seedUnits } from '../../test/helpers';

let dic: string;
const HEADER = 'code,name,kind,parent,coordinator,valid_from,valid_to,successors,change';
const OK = { 'HS01.KQ': 1000, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 };
const put = (...lines: string[]) => api('/units', { method: 'PUT', token: dic, body: [HEADER, ...lines].join('\n'), headers: { 'content-type': 'text/csv' } });
const retract = (code: string, from: string) => api(`/units/${code}/${from}`, { method: 'DELETE', token: dic });
const file = (unit: string) => api('/submissions', { token: dic, json: { template: 'BM03', version: versionOf('BM03'), unit, period: '2026-Q3', values: OK } });

/** A loser is told why: the new state (409/422 naming it) or a retry hint. */
async function lost(r: Response) {
  expect([409, 422]).toContain(r.status);
  const body = await problem(r);
  if (body.code === 'write_conflict') expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  return body.code;
}

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
});

describe('a registry change racing a filing', () => {
  it('never leaves a stored filing whose unit has no record', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const code = `SRACE${i}`;
      expect((await put(`${code},Sở Thử ${i},department,,0,2026-07-01,,,`)).status).toBe(200);
      const [retracted, filed] = await Promise.all([retract(code, '2026-07-01'), file(code)]);
      const records = await env.DB.prepare('SELECT count(*) AS n FROM units WHERE code = ?1').bind(code).first<{ n: number }>();
      const filings = await env.DB.prepare('SELECT count(*) AS n FROM submissions WHERE unit_code = ?1').bind(code).first<{ n: number }>();
      // Exactly one of them happened.
      expect([retracted.status === 204, filed.status === 201].filter(Boolean)).toHaveLength(1);
      if (retracted.status === 204) {
        outcomes.add(`retracted, filing ${await lost(filed)}`);
        expect([records!.n, filings!.n]).toEqual([0, 0]);
      } else {
        outcomes.add(`filed, retraction ${await lost(retracted)}`);
        expect([records!.n, filings!.n]).toEqual([1, 1]);
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('never lets an import end a record before a filing that came in meanwhile', async () => {
    for (let i = 0; i < 8; i++) {
      const code = `SEND${i}`;
      expect((await put(`${code},Sở Kết thúc ${i},department,,0,2026-07-01,,,`)).status).toBe(200);
      // Ending on 2026-07-01 leaves the record in 2026-Q3; ending it before would strand the filing.
      const [ended, filed] = await Promise.all([put(`${code},Sở Kết thúc ${i},department,,0,2026-07-01,2026-07-01,,`), file(code)]);
      const unit = (await listUnits(env.DB)).find((u) => u.code === code)!;
      if (filed.status === 201) {
        // The filing was checked against the record as it stood: the end it was filed under is kept.
        if (ended.status === 200) {
          expect(unit.validTo).toBe('2026-07-01');
          const stored = await env.DB.prepare('SELECT valid_to FROM filed_record_ends WHERE code = ?1').bind(code).first<{ valid_to: string | null }>();
          expect(stored!.valid_to).toBe('2026-07-01');
        } else await lost(ended);
      } else {
        await lost(filed);
        expect(ended.status).toBe(200);
      }
    }
  });
});

describe('registry changes racing each other', () => {
  it('retracts a record once when two retractions race', async () => {
    for (let i = 0; i < 8; i++) {
      const code = `STWICE${i}`;
      expect((await put(`${code},Sở Hai lần ${i},department,,0,2026-07-01,,,`)).status).toBe(200);
      const audit = await count('audit_log');
      const answers = await Promise.all([retract(code, '2026-07-01'), retract(code, '2026-07-01')]);
      expect(answers.filter((r) => r.status === 204)).toHaveLength(1);
      const loser = answers.find((r) => r.status !== 204)!;
      expect([404, 409]).toContain(loser.status);
      expect(await count('audit_log')).toBe(audit + 1);
    }
  });

  it('never leaves a commune under a district retracted at the same moment', async () => {
    for (let i = 0; i < 20; i++) {
      const district = `HRACE${i}`;
      expect((await put(`${district},UBND huyện Thử ${i},district,,0,2020-01-01,2025-06-30,,`)).status).toBe(200);
      const [retracted, added] = await Promise.all([retract(district, '2020-01-01'), put(`X${district},UBND xã Thử ${i},commune,${district},0,2024-01-01,2025-06-30,,`)]);
      expect([retracted.status === 204, added.status === 200].filter(Boolean)).toHaveLength(1);
      await lost(retracted.status === 204 ? added : retracted);
      const orphans = registryProblems(await listUnits(env.DB)).filter((p) => p.problem === 'csv_parent_unknown' || p.problem === 'registry_parent_ends_first');
      expect(orphans).toEqual([]);
    }
  });
});

describe('token changes racing each other', () => {
  async function newUnitToken(): Promise<{ id: string; token: string }> {
    const r = await api('/tokens', { token: dic, json: { role: 'unit', unit: 'KPA', label: 'Văn phòng' } });
    expect(r.status).toBe(201);
    return json(r);
  }
  const works = async (token: string) => (await api('/me', { token })).status === 200;

  it('leaves one working secret when two rotations race', async () => {
    for (let i = 0; i < 8; i++) {
      const old = await newUnitToken();
      const answers = await Promise.all([1, 2].map(() => api(`/tokens/${old.id}/rotate`, { method: 'POST', token: dic })));
      const rotated = answers.filter((r) => r.status === 201);
      expect(rotated).toHaveLength(1);
      await lost(answers.find((r) => r.status !== 201)!);
      const secrets = [old.token, (await json(rotated[0]!)).token as string];
      expect(await Promise.all(secrets.map(works))).toEqual([false, true]);
    }
  });

  it('never answers a revoke with 204 while a rotated secret keeps working', async () => {
    for (let i = 0; i < 10; i++) {
      const old = await newUnitToken();
      const [rotated, revoked] = await Promise.all([api(`/tokens/${old.id}/rotate`, { method: 'POST', token: dic }), api(`/tokens/${old.id}`, { method: 'DELETE', token: dic })]);
      expect(await works(old.token)).toBe(false);
      if (rotated.status === 201) {
        expect(await lost(revoked)).toMatch(/write_conflict|token_replaced/);
        expect(await works((await json(rotated)).token)).toBe(true);
      } else {
        expect(revoked.status).toBe(204);
        await lost(rotated);
      }
    }
  });

  it('says a rotated token was replaced, naming the token to revoke', async () => {
    const old = await newUnitToken();
    const rotated = await json(await api(`/tokens/${old.id}/rotate`, { method: 'POST', token: dic }));
    const r = await api(`/tokens/${old.id}`, { method: 'DELETE', token: dic });
    expect(r.status).toBe(409);
    expect(await problem(r)).toMatchObject({ code: 'token_replaced' });
    expect((await problem(await api(`/tokens/${old.id}`, { method: 'DELETE', token: dic, headers: { 'accept-language': 'en' } }))).detail).toContain(rotated.id);
  });
});

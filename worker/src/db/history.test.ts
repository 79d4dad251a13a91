/**
 * The database itself keeps history as filed: a series only gains its next revision, reviews and the
 * audit log are never changed or removed. A filing that loses a race is a 409 to retry, never a 500.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, count, json, makeToken, seedUnits } from '../../test/helpers';
import { versionOf } from '../../../shared/templates';

let dic: string;
let id: string;
const OK = { 'HS01.KQ': 1000, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 };
const bm03 = (unit: string, values: Record<string, unknown> = OK) => ({ template: 'BM03', version: versionOf('BM03'), unit, period: '2026-Q3', values });

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
  const receipt = await json(await api('/submissions', { token: dic, json: bm03('PHUOCAN') }));
  id = receipt.id;
  await api(`/submissions/${id}/review`, { token: dic, json: { decision: 'return', comment: 'Kiểm tra lại HS04' } });
});

const refused = (sql: string) => expect(env.DB.prepare(sql).run()).rejects.toThrow();

describe('stored history cannot be bent', () => {
  it('refuses any change of a series but its next revision, and any removal', async () => {
    await refused(`UPDATE submissions SET latest_revision = 5 WHERE id = '${id}'`);
    await refused(`UPDATE submissions SET unit_code = 'TANAN' WHERE id = '${id}'`);
    await refused(`DELETE FROM submissions WHERE id = '${id}'`);
    await refused(`INSERT INTO revisions (submission_id, revision, template_version, engine_version, received_at, days_late, hash, source, body, report, warnings, submitted_by)
                   VALUES ('${id}', 7, '${versionOf('BM03')}', '1.0.0', '2026-09-01T00:00:00Z', 0, 'h', 'json', '{}', '{}', 0, 'tok')`);
    // The next filing still gets the next number.
    expect(await json(await api('/submissions', { token: dic, json: bm03('PHUOCAN') }))).toMatchObject({ id, revision: 2 });
  });

  it('refuses any change to a review or removal of one, and any removal from the audit log', async () => {
    await refused(`UPDATE reviews SET decision = 'accepted'`);
    await refused(`DELETE FROM reviews`);
    await refused(`DELETE FROM audit_log`);
    expect(await count('reviews')).toBe(1);
  });

  it('answers a filing that lost a race with 409 and a retry hint, storing nothing', async () => {
    // The database refuses this unit's next revision as it would the loser of two simultaneous filings.
    await env.DB.prepare(
      `CREATE TRIGGER simulate_lost_race BEFORE INSERT ON revisions WHEN (SELECT unit_code FROM submissions WHERE id = NEW.submission_id) = 'TANAN'
       BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: revisions.submission_id, revisions.revision'); END`,
    ).run();
    const before = await count('revisions');
    const r = await api('/submissions', { token: dic, json: bm03('TANAN') });
    expect(r.status).toBe(409);
    expect(r.headers.get('retry-after')).toBe('1');
    expect((await json(r)).detail).toContain('Hãy nộp lại');
    expect(await count('revisions')).toBe(before);
    await env.DB.prepare('DROP TRIGGER simulate_lost_race').run();
    expect((await api('/submissions', { token: dic, json: bm03('TANAN') })).status).toBe(201);
  });

  it('lists at most 200 issues of a refused report, and says how many there are', async () => {
    const rows = Array.from({ length: 260 }, (_, i) => ({ MA: `NV-${i}`, ND: 'Nhiệm vụ', TT: 'không rõ' }));
    const r = await api('/submissions', { token: dic, json: { template: 'BM02', version: versionOf('BM02'), unit: 'PHUOCAN', period: '2026-Q3', rows } });
    expect(r.status).toBe(422);
    const problem = await json(r);
    expect(problem.issues).toHaveLength(200);
    expect(problem.issueCount).toBe(260);
    expect(problem.report.errors).toHaveLength(200);
    expect(problem.detail).toContain('Hiện 200 vấn đề đầu tiên');
  });
});

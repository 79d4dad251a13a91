import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import { BM03_2024_H1, BM07_2023 } from '../../../shared/demo/seed-figures';
import { writeTemplateFile } from '../../../xlsx/template-file';
import { getTemplate } from '../../../shared/templates';
import { api, count, json, makeToken, seedUnits } from '../../test/helpers';
import { demoRecord } from '../../../shared/demo/registry';
import { versionOf } from '../../../shared/templates';

let dic: string;
let kpa: string;
/** A commune straight under the province: the local level for periods since 1 July 2025. */
const CLERK = 'PHUOCAN';
let clerk: string;
let auditor: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  kpa = await makeToken('unit', 'KPA');
  clerk = await makeToken('unit', CLERK);
  auditor = await makeToken('auditor');
});

/** A BM03 filing in the version of its period (2024.1 before the reform, 2025.1 from 2025-Q3). */
const bm03 = (unit: string, values: Record<string, number | string>, extra: Record<string, unknown> = {}) => {
  const period = typeof extra.period === 'string' ? extra.period : '2026-Q4';
  return { template: 'BM03', version: versionOf('BM03', period), unit, period, values, ...extra };
};
const OK = { 'HS01.KQ': 1000, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 };

describe('filing a submission', () => {
  it('stores a valid report and returns a receipt', async () => {
    const r = await api('/submissions', { token: clerk, json: bm03(CLERK, OK) });
    expect(r.status).toBe(201);
    const receipt = await json(r);
    expect(receipt).toMatchObject({ revision: 1, status: 'received', late: false, daysLate: 0 });
    expect(receipt.id).toMatch(/^sub_/);
    expect(receipt.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.report).toMatchObject({ valid: true, engineVersion: '1.0.0', templateVersion: versionOf('BM03'), values: { 'HS01.KQ': 1000 } });
  });

  it('marks a report filed after the deadline as late, by how many days', async () => {
    const r = await api('/submissions', { token: dic, json: { ...BM03_2024_H1, unit: 'STTTT', values: { ...BM03_2024_H1.values, 'HS01.KQ': 400_000, 'HS02.KQ': 100_000 } } });
    expect(r.status).toBe(201);
    const receipt = await json(r);
    expect(receipt.late).toBe(true);
    expect(receipt.daysLate).toBeGreaterThan(800);
  });

  it('fills the unit from a unit token', async () => {
    const r = await api('/submissions', { token: clerk, json: { ...bm03(CLERK, OK), unit: undefined, period: '2026-Q3' } });
    expect(r.status).toBe(201);
    expect((await json(r)).report.unit).toBe(CLERK);
  });

  it('refuses a report with errors, listing every issue, and stores nothing', async () => {
    const before = await count('revisions');
    const r = await api('/submissions', { token: kpa, json: bm03('KPA', { ...OK, 'HS02.KQ': 1200, 'TT01.KQ': 10, 'TT02.KQ': 4, 'TT03.KQ': 3, 'TT04.KQ': 2 }, { period: '2022-Q2' }) });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await json(r);
    expect(problem).toMatchObject({ status: 422, type: 'urn:chitieu:problem:validation' });
    expect(problem.issues.map((i: { code: string }) => i.code)).toEqual(['sum_mismatch', 'part_exceeds_whole']);
    expect(problem.detail).toContain('2 lỗi');
    expect(await count('revisions')).toBe(before);
  });

  it('refuses unexplained warnings, and accepts them explained', async () => {
    const budget = { ...BM07_2023, unit: 'STTTT', period: '2025' };
    const refused = await api('/submissions', { token: dic, json: budget });
    expect(refused.status).toBe(422);
    expect((await json(refused)).issues).toMatchObject([{ code: 'share_below_min', explained: false }]);
    const accepted = await api('/submissions', { token: dic, json: { ...budget, notes: { KP09: 'Dự án SOC chuyển sang năm sau' } } });
    expect(accepted.status).toBe(201);
    expect((await json(accepted)).report.warnings).toMatchObject([{ code: 'share_below_min', explained: true }]);
  });

  it('answers in English on request', async () => {
    const r = await api('/submissions', { token: clerk, json: bm03(CLERK, { ...OK, 'HS01.KQ': 5, 'HS02.KQ': 6 }), headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const problem = await json(r);
    expect(problem.title).toBe('The report does not pass validation');
    expect(problem.issues[0].message).toContain('a part cannot exceed its whole');
  });

  it('accepts the filled .xlsx itself, with issues pointing at sheet cells', async () => {
    const template = getTemplate('BM03')!;
    const blank = await writeTemplateFile(template, { unit: { code: CLERK, kind: 'commune' }, period: '2026-Q2' });
    const refused = await api('/submissions', {
      token: clerk,
      body: blank,
      headers: { 'content-type': XLSX_MEDIA_TYPE },
    });
    expect(refused.status).toBe(422);
    expect((await json(refused)).issues[0].code).toBe('empty_submission');
  });
});

describe('revisions', () => {
  it('numbers each filing of a unit, template and period without gaps and keeps them all', async () => {
    const first = await json(await api('/submissions', { token: clerk, json: bm03(CLERK, OK, { period: '2026-Q1' }) }));
    const second = await json(await api('/submissions', { token: clerk, json: bm03(CLERK, { ...OK, 'HS01.KQ': 1001 }, { period: '2026-Q1' }) }));
    const third = await json(await api('/submissions', { token: clerk, json: bm03(CLERK, { ...OK, 'HS01.KQ': 1002 }, { period: '2026-Q1' }) }));
    expect([first.revision, second.revision, third.revision]).toEqual([1, 2, 3]);
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);

    const detail = await json(await api(`/submissions/${first.id}`, { token: clerk }));
    expect(detail).toMatchObject({ revision: 3, status: 'received', unit: CLERK });
    expect(detail.revisions.map((r: { revision: number; hash: string }) => [r.revision, r.hash])).toEqual([
      [1, first.hash],
      [2, second.hash],
      [3, third.hash],
    ]);
    const original = await json(await api(`/submissions/${first.id}/revisions/1`, { token: clerk }));
    expect(original.submission.values['HS01.KQ']).toBe(1000);
    expect(original.report.values['HS01.KQ']).toBe(1000);
  });

  it('50 concurrent filings each get their own revision, numbered 1 to 50', async () => {
    const filings = Array.from({ length: 50 }, (_, i) =>
      api('/submissions', { token: clerk, json: bm03(CLERK, { ...OK, 'HS01.KQ': 1000 + i }, { period: '2025-Q4' }) }),
    );
    const receipts = await Promise.all(filings.map(async (f) => json(await f)));
    expect(receipts.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(receipts.map((r) => r.id)).size).toBe(1);
    const stored = await env.DB.prepare('SELECT count(*) AS n, max(revision) AS top FROM revisions WHERE submission_id = ?1').bind(receipts[0].id).first();
    expect(stored).toEqual({ n: 50, top: 50 });
  });

  it('a stored revision cannot be changed or deleted, even from inside', async () => {
    const receipt = await json(await api('/submissions', { token: clerk, json: bm03(CLERK, OK, { period: '2025-Q3' }) }));
    await expect(env.DB.prepare("UPDATE revisions SET body = '{}' WHERE submission_id = ?1").bind(receipt.id).run()).rejects.toThrow(/immutable/);
    await expect(env.DB.prepare('DELETE FROM revisions WHERE submission_id = ?1').bind(receipt.id).run()).rejects.toThrow(/kept/);
  });

  it('warns when a figure jumps far from the previous period', async () => {
    await api('/submissions', { token: kpa, json: bm03('KPA', OK, { period: '2025-Q1' }) });
    const jump = await api('/submissions', { token: kpa, json: bm03('KPA', { ...OK, 'HS01.KQ': 10_000, 'HS02.KQ': 3000, 'HS03.KQ': 9000, 'HS04.KQ': 8900 }, { period: '2025-Q2' }) });
    expect(jump.status).toBe(422);
    expect((await json(jump)).issues.map((i: { code: string }) => i.code)).toContain('jump');
  });
});

describe('idempotency', () => {
  it('a retry with the same key returns the same revision', async () => {
    const body = bm03('KPA', OK, { period: '2024-Q4' });
    const first = await api('/submissions', { token: kpa, json: body, headers: { 'idempotency-key': 'kpa-2024-q4-a' } });
    const retry = await api('/submissions', { token: kpa, json: body, headers: { 'idempotency-key': 'kpa-2024-q4-a' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    const [a, b] = [await json(first), await json(retry)];
    expect(b).toMatchObject({ id: a.id, revision: a.revision, hash: a.hash, receivedAt: a.receivedAt });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM revisions WHERE submission_id = ?1').bind(a.id).first('n')).toBe(1);
  });

  it('the same key with another body is a conflict', async () => {
    await api('/submissions', { token: kpa, json: bm03('KPA', OK, { period: '2024-Q3' }), headers: { 'idempotency-key': 'k-1' } });
    const other = await api('/submissions', { token: kpa, json: bm03('KPA', { ...OK, 'HS01.KQ': 999 }, { period: '2024-Q3' }), headers: { 'idempotency-key': 'k-1' } });
    expect(other.status).toBe(409);
    expect((await json(other)).detail).toContain('Idempotency-Key');
  });

  it('concurrent retries with one key store one revision', async () => {
    const body = bm03('KPA', OK, { period: '2024-Q2' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api('/submissions', { token: kpa, json: body, headers: { 'idempotency-key': 'race' } })),
    );
    const receipts = await Promise.all(responses.map((r) => json(r)));
    expect(new Set(receipts.map((r) => `${r.id}#${r.revision}`)).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('malformed JSON is 400', async () => {
    const r = await api('/submissions', { token: kpa, body: '{"template": "BM03",', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(await json(r)).toMatchObject({ type: 'urn:chitieu:problem:malformed-json' });
  });

  it('a body over 1 MB is 413', async () => {
    const r = await api('/submissions', { token: kpa, json: bm03('KPA', OK, { notes: { HS01: 'x'.repeat(1_100_000) } }) });
    expect(r.status).toBe(413);
    expect(await json(r)).toMatchObject({ status: 413 });
  });

  it('another content type is 415', async () => {
    const r = await api('/submissions', { token: kpa, body: 'HS01;1000', headers: { 'content-type': 'text/csv' } });
    expect(r.status).toBe(415);
  });

  it('a body that is not a submission is 422, naming the field', async () => {
    const r = await api('/submissions', { token: kpa, json: { template: 'BM03', values: { 'HS01.KQ': [1] } } });
    expect(r.status).toBe(422);
    const problem = await json(r);
    expect(problem.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['version', 'period', 'values.HS01.KQ']));
  });

  it.each([
    [{ template: 'BM99' }, 'template', 'Không có mẫu báo cáo BM99.'],
    [{ period: '2026-Q5' }, 'period', 'Kỳ báo cáo "2026-Q5" không hợp lệ'],
    [{ template: 'BM07', period: '2026-Q4' }, 'period', 'Mẫu BM07 không báo cáo cho kỳ 2026-Q4.'],
    [{ unit: 'NOPE' }, 'unit', 'Không có đơn vị mã NOPE.'],
    [{ unit: 'SYT', template: 'BM06' }, 'unit', 'Mẫu BM06 không do sở, ban, ngành lập'],
    [{ unit: 'SYT', template: 'BM08', period: '2026' }, 'unit', 'cơ quan thường trực'],
  ])('an unknown or wrong reference %o is 422 naming %s', async (change, field, message) => {
    const r = await api('/submissions', { token: dic, json: { ...bm03('KPA', OK), ...change } });
    expect(r.status).toBe(422);
    const problem = await json(r);
    expect(problem.field).toBe(field);
    expect(problem.detail).toContain(message);
  });

  it('a unit in force on no day of the period is 422; one in force on some day files its part', async () => {
    await seedUnits([demoRecord({ code: 'OLD', name: 'UBND xã cũ', kind: 'commune', parent: 'KPA' }, { validTo: '2023-12-31' })]);
    const r = await api('/submissions', { token: dic, json: bm03('OLD', OK) });
    expect(await json(r)).toMatchObject({ status: 422, field: 'unit', detail: 'Đơn vị OLD không có hiệu lực ngày nào trong kỳ 2026-Q4.' });
    const part = await api('/submissions', { token: dic, json: bm03('OLD', OK, { period: '2023' }) });
    expect(part.status).toBe(201);
  });

  it('a unit token cannot file for another unit; an auditor cannot file at all', async () => {
    expect((await api('/submissions', { token: kpa, json: bm03('BMT', OK) })).status).toBe(403);
    expect((await api('/submissions', { token: auditor, json: bm03('KPA', OK) })).status).toBe(403);
  });
});

describe('review', () => {
  it('DIC returns a report with a comment the clerk sees; a new revision goes back to received; accepting is final', async () => {
    const receipt = await json(await api('/submissions', { token: kpa, json: bm03('KPA', OK, { period: '2023-Q4' }) }));
    const noComment = await api(`/submissions/${receipt.id}/review`, { token: dic, json: { decision: 'return' } });
    expect(noComment.status).toBe(422);
    expect((await json(noComment)).problems[0].field).toBe('comment');

    const returned = await api(`/submissions/${receipt.id}/review`, { token: dic, json: { decision: 'return', comment: 'HS04 chưa khớp số liệu iGate' } });
    expect(returned.status).toBe(201);
    expect(await json(returned)).toMatchObject({ decision: 'returned', revision: 1, comment: 'HS04 chưa khớp số liệu iGate' });

    const mine = await json(await api('/submissions?period=2023-Q4', { token: kpa }));
    expect(mine).toMatchObject([{ id: receipt.id, status: 'returned', review: { comment: 'HS04 chưa khớp số liệu iGate' } }]);

    const fixed = await json(await api('/submissions', { token: kpa, json: bm03('KPA', { ...OK, 'HS04.KQ': 880 }, { period: '2023-Q4' }) }));
    expect(fixed.revision).toBe(2);
    expect((await json(await api(`/submissions/${receipt.id}`, { token: kpa }))).status).toBe('received');

    const stale = await api(`/submissions/${receipt.id}/review`, { token: dic, json: { decision: 'accept', revision: 1 } });
    expect(stale.status).toBe(409);
    const accepted = await api(`/submissions/${receipt.id}/review`, { token: dic, json: { decision: 'accept' } });
    expect(await json(accepted)).toMatchObject({ decision: 'accepted', revision: 2 });
    const detail = await json(await api(`/submissions/${receipt.id}`, { token: auditor }));
    expect(detail.status).toBe('accepted');
    expect(detail.revisions[0].reviews).toMatchObject([{ decision: 'returned' }]);
  });

  it('only DIC reviews', async () => {
    const receipt = await json(await api('/submissions', { token: kpa, json: bm03('KPA', OK, { period: '2023-Q3' }) }));
    expect((await api(`/submissions/${receipt.id}/review`, { token: kpa, json: { decision: 'accept' } })).status).toBe(403);
    expect((await api(`/submissions/${receipt.id}/review`, { token: auditor, json: { decision: 'accept' } })).status).toBe(403);
    expect((await api('/submissions/sub_nope/review', { token: dic, json: { decision: 'accept' } })).status).toBe(404);
  });
});

describe('reading submissions', () => {
  it('a unit reads only its own; DIC and auditors read all', async () => {
    const bmt = await makeToken('unit', 'BMT');
    const theirs = await json(await api('/submissions', { token: kpa, json: bm03('KPA', OK, { period: '2023-Q2' }) }));
    expect((await api(`/submissions/${theirs.id}`, { token: bmt })).status).toBe(403);
    expect((await api('/submissions?unit=KPA', { token: bmt })).status).toBe(403);
    expect(await json(await api('/submissions', { token: bmt }))).toEqual([]);
    expect((await json(await api('/submissions?unit=KPA&period=2023-Q2', { token: auditor }))).map((s: { id: string }) => s.id)).toEqual([theirs.id]);
    expect((await api('/submissions/sub_unknown', { token: dic })).status).toBe(404);
    expect((await api(`/submissions/${theirs.id}/revisions/7`, { token: dic })).status).toBe(404);
  });
});

/**
 * Closing a period in workerd on a real D1: what was closed is served byte for byte, whatever is filed
 * or changed in the registry later; writes that would alter it are refused with a 409 naming it; a
 * reopen needs a reason; every close is kept and two are compared cell by cell.
 */
import { env } from 'cloudflare:test';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditEntrySchema, PeriodChangesSchema, PeriodClosedSchema, PeriodConsolidationSchema, PeriodStateSchema, type PeriodClosed } from '../../../shared/api/schemas';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY, DEPARTMENTS } from '../../../shared/demo/registry';
import { unitsToCsv } from '../../../shared/registry/units-csv';
import { api, apiAt, count, json, makeToken, problem, read, seedUnits } from '../../test/helpers';
import { sha256Hex } from '../lib/crypto';
import { closedFile } from '../db/closing';
import { upsertUnitStatement } from '../db/units';
import { addReview, storeRevision } from '../db/submissions';
import type { Principal } from '../env';
import { z } from 'zod';

let dic: string;
let auditor: string;
let closed: PeriodClosed;
let live: { xlsx: Uint8Array; docx: Uint8Array; json: string };

const T1 = '2026-11-29T03:00:00.000Z';
const T2 = '2026-11-30T03:00:00.000Z';
const department = (code: string) => DEPARTMENTS.find((d) => d.code === code)!;
const record = (code: string) => DEMO_REGISTRY.filter((u) => u.code === code).at(-1)!;
const bytesOf = async (r: Response) => new Uint8Array(await r.arrayBuffer());
const file = (code: string, period = '2024-H1', salt = '') => api('/submissions', { token: dic, json: demoSubmission('BM03', department(code), period, salt) });
const put = (csv: string, query = '') => api(`/units${query}`, { method: 'PUT', token: dic, body: csv, headers: { 'content-type': 'text/csv' } });

async function served() {
  const [xlsx, docx, json] = await Promise.all([
    api('/consolidations/2024-H1.xlsx', { token: auditor }),
    api('/reports/2024-H1.docx', { token: dic }),
    api('/consolidations/2024-H1', { token: dic }),
  ]);
  return { xlsx, docx, json };
}

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
  auditor = await makeToken('auditor');
  for (const code of ['STC', 'SYT']) expect((await file(code)).status).toBe(201);
  const snv = await api('/submissions', { token: dic, json: demoSubmission('BM03', department('SNV'), '2024-H1'), headers: { 'idempotency-key': 'snv-2024-h1' } });
  expect(snv.status).toBe(201);
});

describe('closing a period', () => {
  it('keeps the files as they were at the close, with their hashes, and says who closed it and when', async () => {
    live = {
      xlsx: await bytesOf(await apiAt(T1, '/consolidations/2024-H1.xlsx', { token: dic })),
      docx: await bytesOf(await apiAt(T1, '/reports/2024-H1.docx', { token: dic })),
      json: await (await apiAt(T1, '/consolidations/2024-H1', { token: dic })).text(),
    };
    const r = await apiAt(T1, '/periods/2024-H1/close', { token: dic, json: { note: 'Gửi UBND tỉnh, Bộ KH&CN' } });
    expect(r.status).toBe(201);
    closed = await read(r, PeriodClosedSchema);
    expect(closed).toMatchObject({ period: '2024-H1', version: 1, closedAt: T1 });
    // The closed workbook and report are, byte for byte, what the live ones were at that moment.
    expect(closed.files.xlsx).toEqual({ sha256: await sha256Hex(live.xlsx), bytes: live.xlsx.length });
    // The report's text too (its package properties carry the wall clock's time, which only storing keeps).
    const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
    const closedDocx = await bytesOf(await api('/reports/2024-H1.docx', { token: dic }));
    expect(documentXml(closedDocx)).toBe(documentXml(live.docx));

    const now = await served();
    for (const kind of ['xlsx', 'docx', 'json'] as const) {
      const response = now[kind];
      expect(response.status).toBe(200);
      expect(response.headers.get('chitieu-closed-version')).toBe('1');
      expect(response.headers.get('etag')).toBe(`"${closed.files[kind].sha256}"`);
      expect(await sha256Hex(await bytesOf(response))).toBe(closed.files[kind].sha256);
    }
    const stored = PeriodConsolidationSchema.parse(await json(await api('/consolidations/2024-H1', { token: auditor })));
    expect(stored.closed).toEqual({ version: 1, closedAt: T1, closedBy: closed.closedBy });
    expect(stored.consolidations).toEqual(PeriodConsolidationSchema.parse(JSON.parse(live.json)).consolidations);

    const state = await read(await api('/periods/2024-H1', { token: auditor }), PeriodStateSchema);
    expect(state).toMatchObject({ closed: true, closing: false, current: { version: 1, closedAt: T1, note: 'Gửi UBND tỉnh, Bộ KH&CN', reopened: null } });
    expect(state.versions).toHaveLength(1);
    expect((await read(await api('/periods/2024-H2', { token: auditor }), PeriodStateSchema)).closed).toBe(false);
  });

  it('answers a retried filing stored before the close with its receipt, not a refusal', async () => {
    const again = await api('/submissions', { token: dic, json: demoSubmission('BM03', department('SNV'), '2024-H1'), headers: { 'idempotency-key': 'snv-2024-h1' } });
    expect(again.status).toBe(200);
    expect((await json(again)).revision).toBe(1);
  });

  it('serves the Vietnamese closed files to an English request, and answers 304 to a matching ETag', async () => {
    const en = await api('/consolidations/2024-H1.xlsx?lang=en', { token: dic });
    expect(en.headers.get('content-language')).toBe('vi');
    expect(await sha256Hex(await bytesOf(en))).toBe(closed.files.xlsx.sha256);
    const again = await api('/reports/2024-H1.docx', { token: dic, headers: { 'if-none-match': `"${closed.files.docx.sha256}"` } });
    expect(again.status).toBe(304);
  });

  it('refuses a filing, a review and a registry change that would alter it, naming the period in Vietnamese and English', async () => {
    const revisions = await count('revisions');
    const late = await file('SGDDT');
    expect(late.status).toBe(409);
    expect(await problem(late)).toMatchObject({ code: 'period_closed', detail: expect.stringContaining('Kỳ 2024-H1 đã chốt số liệu (lần 1)') });
    const lateEn = await api('/submissions?lang=en', { token: dic, json: demoSubmission('BM03', department('SGDDT'), '2024-H1') });
    expect((await problem(lateEn)).detail).toContain('Period 2024-H1 is closed (version 1)');
    expect(await count('revisions')).toBe(revisions);
    // Another period, even one within it, is not closed.
    expect((await file('SGDDT', '2024-Q2')).status).toBe(201);

    const [snv] = await json(await api('/submissions?unit=SNV&period=2024-H1', { token: dic }));
    const review = await api(`/submissions/${snv.id}/review`, { token: dic, json: { decision: 'accept' } });
    expect(await problem(review)).toMatchObject({ status: 409, code: 'period_closed' });

    // Renaming a department that filed nothing would still change the closed list of who was missing.
    const renamed = unitsToCsv([{ ...record('SCT'), name: 'Sở Công Thương tỉnh' }]);
    for (const query of ['?dryRun=true', '']) {
      const r = await put(renamed, query);
      expect(await problem(r)).toMatchObject({ status: 409, code: 'period_closed', detail: expect.stringContaining('2024-H1') });
    }
    // Retracting a record in force during the period would drop a unit from it.
    const retract = await api(`/units/LAK/${record('LAK').validFrom}`, { method: 'DELETE', token: dic });
    expect(await problem(retract)).toMatchObject({ status: 409, code: 'period_closed', detail: expect.stringContaining('2024-H1') });
    // A record that begins after the period does not touch it, nor does retracting it.
    const later = { ...record('SCT'), code: 'SMOI', name: 'Sở Mới', validFrom: '2027-01-01', validTo: null, coordinator: false };
    expect((await put(unitsToCsv([later]))).status).toBe(200);
    expect((await api('/units/SMOI/2027-01-01', { method: 'DELETE', token: dic })).status).toBe(204);

    // Moving an end among days after the period leaves it as closed: taken, and undone by its inverse.
    const lak = record('LAK');
    expect((await put(unitsToCsv([{ ...lak, validTo: '2025-12-31' }]))).status).toBe(200);
    expect((await put(unitsToCsv([lak]))).status).toBe(200);

    const now = await served();
    expect(await sha256Hex(await bytesOf(now.xlsx))).toBe(closed.files.xlsx.sha256);
  });

  it('is enforced by the database itself: the triggers refuse what would alter the closed period', async () => {
    // A filing and a review written past the API are refused where they are written.
    const actor: Principal = { tokenId: 'tok_test', role: 'dic', unit: 'SKHCN', label: null, personId: null, membershipId: null };
    const series = await env.DB.prepare(`SELECT id, latest_revision AS revision FROM submissions WHERE period = '2024-H1' AND unit_code = 'SNV'`).first<{ id: string; revision: number }>();
    const filing = { submissionId: 'sub_x', unit: 'SNV', template: 'BM03', period: '2024-H1', templateVersion: '1', engineVersion: '1', receivedAt: T1, daysLate: 0, hash: 'x', source: 'json' as const, body: '{}', report: '{}', warnings: 0, asFiled: { name: 'Sở Nội vụ', kind: 'department', parent: null } };
    await expect(storeRevision(env.DB, filing, actor)).rejects.toThrow(/period_closed/);
    await expect(storeRevision(env.DB, { ...filing, unit: 'SXD' }, actor)).rejects.toThrow(/period_closed/);
    expect(await env.DB.prepare(`SELECT count(*) AS n FROM submissions WHERE unit_code = 'SXD'`).first('n')).toBe(0);
    await expect(addReview(env.DB, { submissionId: series!.id, revision: series!.revision, decision: 'accepted', comment: null }, actor, T1)).rejects.toThrow(/period_closed/);
    await expect(env.DB.prepare(`UPDATE units SET name = name || ' (sửa)' WHERE code = 'SCT'`).run()).rejects.toThrow(/period_closed/);
    await expect(env.DB.prepare(`DELETE FROM units WHERE code = 'SCT'`).run()).rejects.toThrow(/period_closed/);
    await expect(
      env.DB.prepare(`INSERT INTO units (code, valid_from, valid_to, name, kind, coordinator, updated_at) VALUES ('SX', '2024-03-01', NULL, 'Sở X', 'department', 0, '')`).run(),
    ).rejects.toThrow(/period_closed/);
    // The registry's own write, an upsert, is judged as the update it is.
    await expect(upsertUnitStatement(env.DB, { ...record('SCT'), name: 'Sở Công Thương (sửa)' }, '').run()).rejects.toThrow(/period_closed/);
    await expect(
      env.DB.prepare(`INSERT OR REPLACE INTO units (code, valid_from, valid_to, name, kind, coordinator, updated_at) VALUES ('SCT', ?1, NULL, 'Sở Công Thương (thay)', 'department', 0, '')`).bind(record('SCT').validFrom).run(),
    ).rejects.toThrow(/period_closed/);
    await upsertUnitStatement(env.DB, { ...record('LAK'), validTo: '2026-06-30' }, '').run();
    await upsertUnitStatement(env.DB, record('LAK'), '').run();
    // An end moved among days after the period leaves the period as it was: allowed, and put back.
    const lak = record('LAK');
    expect(lak.validTo).toBe('2025-06-30');
    await env.DB.prepare(`UPDATE units SET valid_to = '2025-12-31' WHERE code = 'LAK' AND valid_from = ?1`).bind(lak.validFrom).run();
    await env.DB.prepare(`UPDATE units SET valid_to = ?2 WHERE code = 'LAK' AND valid_from = ?1`).bind(lak.validFrom, lak.validTo).run();
    await expect(env.DB.prepare(`UPDATE units SET valid_to = '2024-05-31' WHERE code = 'LAK'`).run()).rejects.toThrow(/period_closed/);
    // What was closed is append-only.
    for (const sql of [
      `UPDATE period_closes SET note = 'x'`,
      `DELETE FROM period_closes`,
      `UPDATE period_close_files SET sha256 = 'x'`,
      `DELETE FROM period_close_files`,
      `UPDATE period_close_chunks SET content = x'00'`,
      `DELETE FROM period_close_chunks`,
      `INSERT INTO period_closes (period, version, closed_at, closed_by) VALUES ('2024-H1', 5, '', '')`,
    ]) {
      await expect(env.DB.prepare(sql).run(), sql).rejects.toThrow();
    }
  });

  it('refuses a second close of a closed period, and a reopen without a reason', async () => {
    expect(await problem(await api('/periods/2024-H1/close', { token: dic, json: {} }))).toMatchObject({ status: 409, code: 'period_closed' });
    expect((await api('/periods/2024-H1/reopen', { token: dic, json: {} })).status).toBe(422);
    const blank = await problem(await api('/periods/2024-H1/reopen', { token: dic, json: { reason: '   ' } }));
    expect(blank).toMatchObject({ status: 422, detail: expect.stringContaining('lý do') });
    expect((await api('/periods/2024-H1/close', { token: auditor, json: {} })).status).toBe(403);
    expect((await api('/periods/2024-H9/close', { token: dic, json: {} })).status).toBe(404);
  });

  it('reopens with a reason, takes corrections, closes again as version 2 and shows what changed, cell by cell', async () => {
    const reason = 'Sở Giáo dục và Đào tạo nộp muộn, UBND tỉnh đồng ý bổ sung';
    const r = await apiAt(T2, '/periods/2024-H1/reopen', { token: dic, json: { reason } });
    expect(r.status).toBe(201);
    expect(await json(r)).toMatchObject({ period: '2024-H1', version: 1, reason });
    expect(await problem(await api('/periods/2024-H1/reopen', { token: dic, json: { reason } }))).toMatchObject({ status: 409, code: 'period_not_closed' });
    const reopened = await read(await api('/periods/2024-H1', { token: dic }), PeriodStateSchema);
    expect(reopened).toMatchObject({ closed: false, current: null, versions: [{ version: 1, reopened: { reason } }] });
    expect((await served()).xlsx.headers.get('chitieu-closed-version')).toBeNull();

    const filed = await json(await file('SGDDT'));
    expect(filed.revision).toBe(1);
    const second = await read(await apiAt(T2, '/periods/2024-H1/close', { token: dic, json: {} }), PeriodClosedSchema);
    expect(second.version).toBe(2);

    const state = await read(await api('/periods/2024-H1', { token: auditor }), PeriodStateSchema);
    expect(state.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(state.current).toMatchObject({ version: 2, closedAt: T2, reopened: null });
    // The first version is kept as it was.
    const first = await closedFile(env.DB, '2024-H1', 'xlsx', 1);
    expect(await sha256Hex(first!.bytes)).toBe(closed.files.xlsx.sha256);
    expect(state.versions[0]!.files).toEqual(closed.files);

    const changes = await read(await api('/periods/2024-H1/changes?from=1&to=2', { token: auditor }), PeriodChangesSchema);
    const bm03 = changes.templates.find((t) => t.template === 'BM03')!;
    expect(bm03.missing.removed).toEqual(['SGDDT']);
    const sgddt = bm03.units.find((u) => u.unit === 'SGDDT')!;
    // Every figure it filed is new, from blank; a count it filed moves the total by as much.
    expect(sgddt.cells.length).toBeGreaterThan(0);
    expect(sgddt.cells.every((c) => c.before === null && c.after !== null)).toBe(true);
    const cell = sgddt.cells.find((c) => c.ref === 'HS01.KQ')!;
    const after = cell.after as number;
    const total = bm03.total.find((c) => c.ref === 'HS01.KQ')!;
    expect((total.after as number) - (total.before as number)).toBe(after);
    // A template nobody touched has nothing to show.
    expect(changes.templates.find((t) => t.template === 'BM05')).toMatchObject({ total: [], units: [] });
    expect(await problem(await api('/periods/2024-H1/changes?from=1&to=3', { token: dic }))).toMatchObject({ status: 404, code: 'close_version_not_found' });
  });

  it('audits every close and reopen: who, when, why', async () => {
    const entries = z.array(AuditEntrySchema).parse(await json(await api('/audit?limit=1000', { token: auditor })));
    const ours = entries.filter((e) => e.action.startsWith('periods.')).reverse();
    expect(ours.map((e) => [e.action, e.target, e.at])).toEqual([
      ['periods.close', '2024-H1', T1],
      ['periods.reopen', '2024-H1', T2],
      ['periods.close', '2024-H1', T2],
    ]);
    expect(ours[0]!.detail).toMatchObject({ version: 1, note: 'Gửi UBND tỉnh, Bộ KH&CN', files: { xlsx: closed.files.xlsx } });
    expect(ours[1]!.detail).toMatchObject({ version: 1, reason: expect.stringContaining('nộp muộn') });
    expect(new Set(ours.map((e) => e.role))).toEqual(new Set(['dic']));
  });

  it('still shows the live figures of a closed period on request, marked as live', async () => {
    await file('SGDDT', '2024-Q3');
    const r = await api('/consolidations/2024-H1?live=true', { token: auditor });
    expect(r.headers.get('chitieu-live')).toBe('true');
    expect(r.headers.get('chitieu-closed-version')).toBeNull();
    expect((await json(r)).live).toBe(true);
    const perTemplate = await api('/consolidations/BM03/2024-H1', { token: auditor });
    expect(perTemplate.headers.get('chitieu-closed-version')).toBe('2');
    expect(await json(perTemplate)).toMatchObject({ closed: { version: 2 }, generatedAt: T2 });
    const liveSheet = await api('/consolidations/2024-H1.xlsx?live=true', { token: auditor });
    expect(liveSheet.headers.get('chitieu-live')).toBe('true');
    // Open periods are live without a label.
    expect((await api('/consolidations/2024-H2?live=true', { token: auditor })).headers.get('chitieu-live')).toBeNull();
  });

  it('a close under way already refuses writes; one whose worker died is taken over after ten minutes', async () => {
    const since = '2026-11-29T03:00:00.000Z';
    await env.DB.prepare(`INSERT INTO period_locks (period, first_day, last_day, state, holder, since) VALUES ('2024-H2', '2024-07-01', '2024-12-31', 'closing', 'close_dead', ?1)`).bind(since).run();
    const filing = await file('SNV', '2024-H2');
    expect(filing.status).toBe(409);
    expect(filing.headers.get('retry-after')).toBe('5');
    expect(await problem(filing)).toMatchObject({ code: 'period_closing', detail: expect.stringContaining('2024-H2') });
    expect((await read(await api('/periods/2024-H2', { token: dic }), PeriodStateSchema)).closing).toBe(true);
    expect(await problem(await apiAt('2026-11-29T03:09:00Z', '/periods/2024-H2/close', { token: dic, json: {} }))).toMatchObject({ status: 409, code: 'period_closing' });
    const takenOver = await apiAt('2026-11-29T03:11:00Z', '/periods/2024-H2/close', { token: dic, json: {} });
    expect(takenOver.status).toBe(201);
    expect((await read(await api('/periods/2024-H2', { token: dic }), PeriodStateSchema)).current?.version).toBe(1);
  });

  it('refuses a shorter filing the closed period reads (a unit that ended during it), and takes the others', async () => {
    expect((await api('/periods/2025/close', { token: dic, json: {} })).status).toBe(201);
    // The districts ended on 30 June 2025: the year 2025 covers their part with their 2025-Q2 filings.
    const district = DEMO_REGISTRY.find((u) => u.code === 'LAK')!;
    const ended = await api('/submissions', { token: dic, json: demoSubmission('BM03', district, '2025-Q2') });
    expect(await problem(ended)).toMatchObject({ status: 409, code: 'period_closed', detail: expect.stringContaining('Kỳ 2025 đã chốt số liệu (lần 1)') });
    // A department that goes on files its quarters: the year does not read them.
    expect((await file('SNV', '2025-Q3')).status).toBe(201);
  });
});

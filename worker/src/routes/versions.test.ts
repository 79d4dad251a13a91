/**
 * Dated template versions as DIC lives them: the DTI of 2024 filed in March 2025 by the Sở KH&CN under
 * 405/QĐ-BKHCN, the DTI of 2021 still under the 2022 scheme, a filing of an earlier period keeping its
 * version, and every output of a period in the version of that period.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsolidationSchema, ProblemSchema, ReceiptSchema } from '../../../shared/api/schemas';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { BM08_2021 } from '../../../shared/demo/seed-figures';
import type { Submission } from '../../../shared/submission';
import { templateFor } from '../../../shared/templates';
import { validate } from '../../../shared/validation';
import { EVERY_SHEET, readWorkbook } from '../../../xlsx/read';
import { readTemplateFile } from '../../../xlsx/template-file';
import { api, apiAt, json, makeToken, read, seedUnits } from '../../test/helpers';

let skhcn: string;
let sttt: string;
let dic: string;

/** The published DTI 2024 as 405/QĐ-BKHCN writes it: values from 0 to 1, ranks among 34 provinces. */
const DTI_2024: Submission = {
  template: 'BM08',
  version: '2025.1',
  unit: 'SKHCN',
  period: '2024',
  values: {
    'DT.KQ': '0,6961',
    'DT.XH': 17,
    'D1.KQ': '0,8123',
    'D1.XH': 9,
    'D2.KQ': '0,7010',
    'D3.KQ': '0,6650',
    'D4.KQ': '0,5402',
    'D5.KQ': '0,7311',
    'D6.KQ': '0,7020',
    'D7.KQ': '0,6105',
    'D8.KQ': '0,6630',
    'D8.XH': 30,
  },
};

const fileAt = async (now: string, token: string, body: unknown) => {
  const r = await apiAt(now, '/submissions', { token, json: body });
  return r.status === 201 ? { status: 201, receipt: await read(r, ReceiptSchema) } : { status: r.status, problem: await read(r, ProblemSchema) };
};

beforeAll(async () => {
  await seedUnits();
  skhcn = await makeToken('unit', 'SKHCN');
  sttt = await makeToken('unit', 'STTTT');
  dic = await makeToken('dic', 'SKHCN');
});

describe('the DTI of a year, filed the year after', () => {
  it('DTI 2024 files under 405/QĐ-BKHCN in March 2025 by the Sở KH&CN, on time, with no sum of pillars', async () => {
    const r = await fileAt('2025-03-20T03:00:00Z', skhcn, DTI_2024);
    expect(r.status).toBe(201);
    expect(r.receipt).toMatchObject({ late: false, daysLate: 0, report: { valid: true, templateVersion: '2025.1' } });
    expect(r.receipt!.report.values['DT.KQ']).toBe(0.6961);
    const c = await read(await apiAt('2025-04-10T03:00:00Z', '/consolidations/BM08/2024', { token: dic }), ConsolidationSchema);
    expect(c.template.version).toBe('2025.1');
    expect(c.completeness).toMatchObject({ expected: 1, submitted: 1, onTime: 1, missing: [], unexpected: [] });
    expect(c.units.find((u) => u.code === 'SKHCN')).toMatchObject({ expected: true, submission: { daysLate: 0 } });
    expect(c.total.values['DT.KQ']).toBe(0.6961);
  });

  it('the dissolved Sở TT&TT no longer files it; a rank beyond 34 or a value above 1 is refused', async () => {
    const dissolved = await fileAt('2025-03-20T03:00:00Z', sttt, { ...DTI_2024, unit: 'STTTT' });
    expect(dissolved).toMatchObject({ status: 422, problem: { code: 'coordinator_files', field: 'unit' } });
    const wrong = await fileAt('2025-03-21T03:00:00Z', skhcn, { ...DTI_2024, values: { ...DTI_2024.values, 'D1.XH': 40, 'D2.KQ': '1,2' } });
    expect(wrong.status).toBe(422);
    const issues = (wrong.problem as { issues?: { code: string; message: string }[] }).issues!;
    expect(issues.map((i) => i.code).sort()).toEqual(['above_max', 'rank_range']);
    expect(issues.find((i) => i.code === 'rank_range')!.message).toContain('34');
  });

  it('is late only after its own deadline (31 March of the year after), and cannot be filed before its year is over', async () => {
    const late = await fileAt('2025-04-03T03:00:00Z', skhcn, DTI_2024);
    expect(late.receipt).toMatchObject({ late: true, daysLate: 3 });
    const early = await fileAt('2025-12-10T03:00:00Z', skhcn, { ...DTI_2024, period: '2025' });
    expect(early.status).toBe(422);
    const issue = (early.problem as { issues?: { code: string; message: string }[] }).issues![0]!;
    expect(issue.code).toBe('period_not_begun');
    expect(issue.message).toContain('01/01/2026');
  });

  it('a 2024 DTI in the 2022 scheme’s version is refused, naming the version in force for 2024', async () => {
    const r = await fileAt('2025-03-22T03:00:00Z', skhcn, { ...DTI_2024, version: '2024.1' });
    const issues = (r.problem as { issues?: { code: string; message: string }[] }).issues!;
    expect(issues.map((i) => i.code)).toEqual(['version_mismatch']);
    expect(issues[0]!.message).toContain('phiên bản áp dụng cho kỳ 2024 là 2025.1');
  });

  it('DTI 2021 still files and validates under the 2022 scheme (922/QĐ-BTTTT, 1000 points, among 63)', async () => {
    const r = await fileAt('2022-03-10T03:00:00Z', sttt, { ...BM08_2021, unit: 'STTTT' });
    expect(r.status).toBe(201);
    expect(r.receipt).toMatchObject({ late: false, report: { templateVersion: '2024.1' } });
    expect(r.receipt!.report.values['DT.KQ']).toBe(398.49);
  });
});

describe('the version in force for a period', () => {
  it('GET /templates/BM08?period= answers the 2022 scheme for 2021 and the 405 scheme for 2024; without a period the current one', async () => {
    const y2021 = await json(await api('/templates/BM08?period=2021'));
    const y2024 = await json(await api('/templates/BM08?period=2024'));
    const current = await json(await api('/templates/BM08'));
    expect([y2021.version, y2024.version, current.version]).toEqual(['2024.1', '2025.1', '2025.1']);
    expect(y2021.rows.find((r: { code: string }) => r.code === 'DT').max).toBe(1000);
    expect(y2024.rows.find((r: { code: string }) => r.code === 'DT').max).toBe(1);
    expect(y2021.rules.length).toBe(1);
    expect(y2024.rules).toEqual([]);
    const bad = await api('/templates/BM08?period=2024-13');
    expect(bad.status).toBe(422);
    expect((await json(bad)).field).toBe('period');
    const list = await json(await api('/templates'));
    expect(list.find((t: { id: string }) => t.id === 'BM01').versions).toEqual([
      { version: '2024.1', from: '2000-01-01' },
      { version: '2025.1', from: '2025-07-01' },
    ]);
  });

  it('a blank workbook of a period carries its version: BM01 keeps the district row for 2025-H1, not for 2025-H2', async () => {
    const names = async (period: string) => {
      const bytes = new Uint8Array(await (await api(`/templates/BM01.xlsx?period=${period}`)).arrayBuffer());
      const [sheet] = readTemplateFile(bytes);
      return { version: sheet!.metadata.version, names: readWorkbook(bytes, EVERY_SHEET).names.map((n) => n.name) };
    };
    const before = await names('2025-H1');
    const after = await names('2025-H2');
    expect(before.version).toBe('2024.1');
    expect(before.names).toContain('BM01_CT05B_KQ');
    expect(after.version).toBe('2025.1');
    expect(after.names).not.toContain('BM01_CT05B_KQ');
    expect(after.names).toContain('BM01_CT05C_KQ');
  });

  it('a filing of an earlier period keeps its version when a later period has a new one, and is never version_mismatch', async () => {
    const syt = DEMO_REGISTRY.find((u) => u.code === 'SYT')!;
    const h1 = demoSubmission('BM04', syt, '2025-H1');
    expect(h1.version).toBe('2024.1');
    expect((await fileAt('2025-06-20T03:00:00Z', dic, h1)).status).toBe(201);
    const h2 = demoSubmission('BM04', syt, '2025-H2');
    expect(h2.version).toBe('2025.1');
    expect((await fileAt('2025-12-20T03:00:00Z', dic, h2)).status).toBe(201);
    // Filed again after the new version came into force, the first half-year is still checked against its own.
    const again = await fileAt('2026-01-05T03:00:00Z', dic, { ...h1, notes: { VB01: 'Bổ sung' } });
    expect(again.status).toBe(201);
    expect(again.receipt!.report).toMatchObject({ valid: true, templateVersion: '2024.1' });
    const c1 = await read(await api('/consolidations/BM04/2025-H1', { token: dic }), ConsolidationSchema);
    const c2 = await read(await api('/consolidations/BM04/2025-H2', { token: dic }), ConsolidationSchema);
    expect([c1.template.version, c2.template.version]).toEqual(['2024.1', '2025.1']);
    // The old version's figures for the new half-year are refused, naming the version in force.
    const wrong = await fileAt('2025-12-21T03:00:00Z', dic, { ...h1, period: '2025-H2' });
    expect((wrong.problem as { issues?: { code: string }[] }).issues!.map((i) => i.code)).toEqual(['version_mismatch']);
  });

  it('the consolidated workbook of 2024 lays out BM08 with the 405 rows', async () => {
    const bytes = new Uint8Array(await (await apiAt('2025-04-10T03:00:00Z', '/consolidations/2024.xlsx', { token: dic })).arrayBuffer());
    const contents = readWorkbook(bytes, EVERY_SHEET);
    const sheet = contents.sheets.find((s) => s.sheet === 'TH_BM08')!;
    const values = sheet.values.flat();
    const texts = values.map((v) => String(v ?? ''));
    expect(texts.some((t) => t.includes('BM08 phiên bản 2025.1'))).toBe(true);
    expect(texts).toContain('DT: Chỉ số DTI');
    expect(texts.some((t) => t.includes('Tổng điểm DTI'))).toBe(false);
    expect(values).toContain(0.6961);
  });

  it('a DTI 2024 stored under the 2022 scheme before versions were dated stays as filed, marked, and is not consolidated', async () => {
    const old = { template: 'BM08', version: '2024.1', unit: 'STTTT', period: '2024', values: { 'DT.KQ': '398,49', 'D1.KQ': 74 } };
    const report = validate(templateFor('BM08', '2023')!, old);
    await env.DB.batch([
      env.DB.prepare("INSERT INTO submissions (id, unit_code, template, period, latest_revision, created_at) VALUES ('sub_old_dti', 'STTTT', 'BM08', '2024', 1, '2025-02-10T03:00:00Z')"),
      env.DB
        .prepare("INSERT INTO revisions (submission_id, revision, template_version, engine_version, received_at, days_late, hash, source, body, report, warnings, submitted_by) VALUES ('sub_old_dti', 1, '2024.1', ?1, '2025-02-10T03:00:00Z', 0, 'h', 'json', ?2, ?3, 0, 'tok_test')")
        .bind(report.engineVersion, JSON.stringify(old), JSON.stringify(report)),
    ]);
    const c = await read(await apiAt('2025-04-10T03:00:00Z', '/consolidations/BM08/2024', { token: dic }), ConsolidationSchema);
    expect(c.units.find((u) => u.code === 'STTTT')).toMatchObject({ submission: { otherVersion: '2024.1' }, values: {} });
    expect(c.total.values['DT.KQ']).toBe(0.6961);
    const bytes = new Uint8Array(await (await apiAt('2025-04-10T03:00:00Z', '/consolidations/2024.xlsx', { token: dic })).arrayBuffer());
    const sheet = readWorkbook(bytes, EVERY_SHEET).sheets.find((x) => x.sheet === 'TH_BM08')!;
    expect(sheet.values.flat().some((v) => String(v ?? '').includes('lập theo phiên bản 2024.1'))).toBe(true);
  });
});

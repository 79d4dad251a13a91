/**
 * The province's workbook for a seeded province: every unit and template, some missing, some late,
 * one returned, one with an explained warning. The .xlsx read back equals the JSON consolidation
 * cell for cell, its provincial sheets pass the auditor's check, and the seed figures reproduce.
 */
import { env } from 'cloudflare:test';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../shared/submission';
import type { Consolidation } from '../../../shared/consolidation';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { recordsOn } from '../../../shared/registry';
import { BM07_2023, plan30Tasks } from '../../../shared/demo/seed-figures';
import { shiftDecimal } from '../../../shared/numbers/decimal';
import { TEMPLATES, expectedFilerDay, filesTemplate, templateCells, templateFor, templatesFor, type IndicatorTemplate } from '../../../shared/templates';
import { parsePeriod } from '../../../shared/periods';
import { validate, validateSubmission } from '../../../shared/validation';
import { BY_DISTRICT_SHEET, BY_TEMPLATE_SHEET, COMPLETENESS_SHEET, DISTRICT_CHECKS_SHEET, FIGURES_SHEET, WARNINGS_SHEET, readRecords, readTemplateGrid, type SheetGrid } from '../../../shared/workbook';
import { EVERY_SHEET, readWorkbook, type WorkbookContents } from '../../../xlsx/read';
import { checkGrid } from '../../../addin/src/check';
import { api, apiAt, json, makeToken, seedUnits } from '../../test/helpers';
import { coordinatorOn } from '../../../shared/registry/coordinator';
import { vietnamDay } from '../../../shared/periods';
import { HEADER_ROWS } from '../../../shared/workbook/consolidated/common';
import { strFromU8, unzipSync } from 'fflate';
import { writeFigure } from '../../../shared/report/draft';

const PERIOD = '2024';
let dic: string;
let auditor: string;
let period: { consolidations: Consolidation[]; province: string; engineVersion: string };
let contents: WorkbookContents;
let bytes: Uint8Array;
const skipped = new Set<string>();
let returned = '';

/** A report filed before the deadline, written straight to the database (the API would date it today). */
async function fileOnTime(submission: Submission, receivedAt: string): Promise<void> {
  const template = templateFor(submission.template, PERIOD)!;
  const unit = DEMO_REGISTRY.find((u) => u.code === submission.unit)!;
  const report = validateSubmission(submission, { unitKind: unit.kind });
  const id = `sub_ontime_${submission.unit}_${submission.template}`;
  await env.DB.batch([
    env.DB.prepare('INSERT INTO submissions (id, unit_code, template, period, latest_revision, created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)').bind(id, submission.unit, template.id, PERIOD, receivedAt),
    env.DB
      .prepare("INSERT INTO revisions (submission_id, revision, template_version, engine_version, received_at, days_late, hash, source, body, report, warnings, submitted_by) VALUES (?1, 1, ?2, ?3, ?4, 0, 'h', 'json', ?5, ?6, ?7, 'tok_test')")
      .bind(id, template.version, report.engineVersion, receivedAt, JSON.stringify(submission), JSON.stringify(report), report.warnings.length),
  ]);
}

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  auditor = await makeToken('auditor');
  let i = 0;
  for (const template of templatesFor(parsePeriod(PERIOD)!)) {
    // The DTI of 2024 is filed in 2025 by the coordinating department of that day (the Sở KH&CN).
    const day = expectedFilerDay(template, parsePeriod(PERIOD)!);
    for (const unit of recordsOn(DEMO_REGISTRY, day).filter((u) => filesTemplate(template, u, day))) {
      i++;
      if (i % 9 === 4) {
        skipped.add(`${template.id}/${unit.code}`);
        continue;
      }
      let submission = demoSubmission(template.id, unit, PERIOD);
      // Plan 30 as at 6/2024; for the year, its tasks still in progress carry their explanation.
      if (template.id === 'BM02' && unit.code === 'STTTT') {
        submission = { ...submission, rows: plan30Tasks().map((row) => (row.TT === 'Đang thực hiện' ? { ...row, KQ: 'Chuyển tiếp sang năm 2025' } : row)) };
      }
      if (template.id === 'BM07' && unit.code === 'SYT') submission = { ...BM07_2023, unit: 'SYT', period: PERIOD, notes: { KP09: 'Dự án SOC chuyển sang năm sau' } };
      if (i % 7 === 2) {
        await fileOnTime(submission, '2024-12-10T03:00:00Z');
        continue;
      }
      const r = await api('/submissions', { token: dic, json: submission });
      if (r.status !== 201) throw new Error(`${template.id} ${unit.code}: ${r.status} ${(await r.text()).slice(0, 500)}`);
      if (template.id === 'BM03' && !returned) {
        const receipt = await json(r);
        await api(`/submissions/${receipt.id}/review`, { token: dic, json: { decision: 'return', comment: 'Kiểm tra lại HS04' } });
        returned = unit.code;
      }
    }
  }
  period = await json(await api(`/consolidations/${PERIOD}`, { token: auditor }));
  const r = await api(`/consolidations/${PERIOD}.xlsx`, { token: auditor });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-disposition')).toContain(`tong-hop-${PERIOD}.xlsx`);
  bytes = new Uint8Array(await r.arrayBuffer());
  contents = readWorkbook(bytes, EVERY_SHEET);
}, 120_000);

const sheet = (name: string): SheetGrid => contents.sheets.find((s) => s.sheet === name)!;

describe('GET /consolidations/:period.xlsx', () => {
  it('holds the summary, one sheet per template, filing status and warnings', () => {
    expect(contents.sheets.map((s) => s.sheet)).toEqual([
      'Tổng hợp',
      FIGURES_SHEET.vi,
      ...TEMPLATES.map((t) => `TH_${t.id}`),
      COMPLETENESS_SHEET.vi,
      BY_TEMPLATE_SHEET.vi,
      BY_DISTRICT_SHEET.vi,
      WARNINGS_SHEET.vi,
      DISTRICT_CHECKS_SHEET.vi,
    ]);
    const header = sheet('TH_BM03').values.slice(0, 4).map((r) => String(r[0]));
    expect(header[0]).toBe('TỔNG HỢP BIỂU MẪU BM03. THỦ TỤC HÀNH CHÍNH VÀ DỊCH VỤ CÔNG TRỰC TUYẾN');
    // The annex of the report drafted the same day, by the coordinator of that day.
    const issuer = coordinatorOn(DEMO_REGISTRY, vietnamDay(new Date()))!;
    expect(header[1]).toMatch(new RegExp(`^\\(Phụ lục kèm theo Báo cáo số +/BC-${issuer.code} ngày +tháng +năm \\d{4} của ${issuer.name}\\)$`));
    expect(header[2]).toBe('Tỉnh Đắk Lắk · Kỳ báo cáo: Năm 2024 (2024) · Cơ quan tổng hợp: Sở Thông tin và Truyền thông');
    expect(header[3]).toMatch(/^Số liệu tổng hợp lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · mẫu BM03 phiên bản 2024\.1/);
  });

  it('equals the JSON consolidation cell for cell: every unit, and the provincial total', () => {
    for (const c of period.consolidations.filter((x) => x.template.kind === 'indicator')) {
      const template = templateFor(c.template.id, PERIOD) as IndicatorTemplate;
      const records = new Map(readRecords(template, sheet(`TH_${c.template.id}`)).map((r) => [r.label, r.submission.values]));
      const figures = [...templateCells(template).values()].filter((info) => !info.column.derived && info.column.key !== 'GC').map((info) => info.ref);
      const expectLine = (label: string, values: Record<string, unknown>) => {
        const read = records.get(label) ?? {};
        for (const ref of figures) {
          const v = values[ref];
          expect(read[ref] ?? null, `${c.template.id} ${label} ${ref}`).toEqual(v === undefined ? null : v);
        }
      };
      expectLine('TỈNH', c.total.values);
      for (const line of c.units.filter((u) => u.submission)) expectLine(line.code, line.values);
      expect(records.size).toBe(c.units.filter((u) => u.submission).length + 1);
    }
  });

  it('counts tasks by status: plan 30 reproduces 18/66 = 27,27%', () => {
    const rows = sheet('TH_BM02').values;
    const keyRow = rows.findIndex((r) => r.includes('HT'));
    const col = (key: string) => rows[keyRow]!.indexOf(key);
    const line = rows.find((r) => r[1] === 'STTTT')!;
    expect([line[col('TONG')], line[col('HT')], line[col('TX')], line[col('DTH')]]).toEqual([66, 18, 13, 35]);
    expect(shiftDecimal(line[col('TL_HT')] as number, 2)).toBe(27.27);
    const bm02 = period.consolidations.find((c) => c.template.id === 'BM02')!;
    const total = rows.find((r) => r[1] === 'TỈNH')!;
    expect(total[col('TONG')]).toBe(bm02.total.statusCounts!.total);
  });

  it('lists every expected unit: filed or missing, when, how late, reviewed or returned', () => {
    const rows = sheet(COMPLETENESS_SHEET.vi).values;
    const expected = period.consolidations.reduce((n, c) => n + c.units.filter((u) => u.expected || u.submission).length, 0);
    const lines = rows.filter((r) => typeof r[0] === 'number');
    expect(lines).toHaveLength(expected);
    const find = (template: string, unit: string) => lines.find((r) => r[5] === template && r[1] === unit)!;
    const [missing] = [...skipped][0]!.split('/') as [string];
    const missingUnit = [...skipped][0]!.split('/')[1]!;
    expect(find(missing, missingUnit)[6]).toBe('Chưa nộp');
    expect(find('BM03', returned)[6]).toBe('Trả lại');
    const late = lines.filter((r) => typeof r[8] === 'number' && (r[8] as number) > 0);
    const onTime = lines.filter((r) => r[8] === 0);
    expect(late.length).toBeGreaterThan(0);
    expect(onTime.length).toBeGreaterThan(0);
  });

  it('lists every open warning with the clerk’s note, and districts that differ from their communes', () => {
    const rows = sheet(WARNINGS_SHEET.vi).values;
    const syt = rows.find((r) => r[1] === 'BM07' && r[2] === 'SYT')!;
    expect(String(syt[5])).toContain('thấp hơn mức tối thiểu 10%');
    expect(syt[6]).toBe('Dự án SOC chuyển sang năm sau');
    const checks = sheet(DISTRICT_CHECKS_SHEET.vi).values.filter((r) => typeof r[0] === 'number');
    expect(checks).toHaveLength(period.consolidations.reduce((n, c) => n + c.districtChecks.length, 0));
  });

  it('passes the auditor’s check: every row of every provincial sheet, and the totals found by name', () => {
    for (const template of templatesFor(parsePeriod(PERIOD)!).filter((t) => t.kind === 'indicator')) {
      const checks = checkGrid(sheet(`TH_${template.id}`), template.id, { period: PERIOD });
      expect(checks.length).toBeGreaterThan(1);
      for (const check of checks) {
        expect(check.report.errors, `${template.id} ${check.label}`).toEqual([]);
        expect(check.report.warnings.filter((w) => !['share_below_min', 'implausible'].includes(w.code)), `${template.id} ${check.label}`).toEqual([]);
      }
      const totals = readTemplateGrid(template, sheet(`TH_${template.id}`), { names: contents.names });
      expect(Object.keys(totals.submission.values).length, template.id).toBeGreaterThan(0);
      expect(validate(template, totals.submission).errors, template.id).toEqual([]);
      expect(totals.locate(`${template.rows[0]!.code}.KQ`)).toMatch(new RegExp(`^TH_${template.id}!`));
    }
  });

  it('is laid out for print: A4 landscape, frozen headers, Vietnamese number formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    for (const ws of wb.worksheets.filter((w) => w.state !== 'veryHidden')) {
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.views[0]?.state, ws.name).toBe('frozen');
    }
    const th = wb.getWorksheet('TH_BM03')!;
    // Under the heading lines, the column headers and their keys (1-based rows).
    const total = th.getRow(HEADER_ROWS + 3);
    expect(total.getCell(2).value).toBe('TỈNH');
    const formats = new Set<string>();
    total.eachCell((c) => c.numFmt && formats.add(c.numFmt));
    expect(formats).toContain('#,##0');
    expect(formats).toContain('0.00%');
  });

  it('answers only DIC and auditors, and names a bad period', async () => {
    const kpa = await makeToken('unit', 'KPA');
    expect((await api(`/consolidations/${PERIOD}.xlsx`, { token: kpa })).status).toBe(403);
    expect(await json(await api('/consolidations/2024-H7.xlsx', { token: dic }))).toMatchObject({ status: 404 });
  });
});

describe('GET /reports/:period.docx', () => {
  it('drafts the periodic report from the same figures: each named with its consolidated cell', async () => {
    const r = await api(`/reports/${PERIOD}.docx`, { token: dic });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toContain(`bao-cao-${PERIOD}.docx`);
    const xml = strFromU8(unzipSync(new Uint8Array(await r.arrayBuffer()))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện chuyển đổi số năm 2024');
    const bm03 = period.consolidations.find((c) => c.template.id === 'BM03')!;
    expect(text).toContain(`là ${writeFigure(bm03.total.values['TT01.KQ']!, 'count', 'vi')} thủ tục`);
    expect(text).toContain('TH_BM03 · BM03_TT01_KQ');
    expect((await api(`/reports/${PERIOD}.docx?lang=en`, { token: auditor })).status).toBe(200);
  });

  it('drafts a period nobody has filed yet: every section says there are no figures, nothing invented', async () => {
    const r = await api('/reports/2023-Q2.docx', { token: dic });
    expect(r.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await r.arrayBuffer()))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('Chưa có số liệu: chưa đơn vị nào nộp biểu “Thủ tục hành chính và dịch vụ công trực tuyến” trong kỳ');
    expect(text).not.toContain('thủ tục, trong đó');
    // The first year the API takes compares with one it does not: still a report, not a 500.
    expect((await api('/reports/2000-H1.docx', { token: dic })).status).toBe(200);
  });

  it('is issued by the coordinator of the drafting day, naming the period’s where it differs', async () => {
    const textOn = async (day: string) => {
      const r = await apiAt(day, `/reports/${PERIOD}.docx`, { token: dic });
      expect(r.status).toBe(200);
      const xml = strFromU8(unzipSync(new Uint8Array(await r.arrayBuffer()))['word/document.xml']!);
      return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    };
    const later = coordinatorOn(DEMO_REGISTRY, '2026-11-30')!;
    expect(later.code).not.toBe('STTTT');
    const drafted2026 = await textOn('2026-11-30T03:00:00Z');
    expect(drafted2026).toContain(`/BC-${later.code}`);
    expect(drafted2026).toContain(later.name.toLocaleUpperCase('vi'));
    expect(drafted2026).toContain('cơ quan tổng hợp trong kỳ báo cáo là Sở Thông tin và Truyền thông');
    const drafted2025 = await textOn('2025-01-10T03:00:00Z');
    expect(drafted2025).toContain('/BC-STTTT');
    expect(drafted2025).not.toContain('cơ quan tổng hợp trong kỳ báo cáo');
  });

  it('answers only DIC and auditors, and names a bad period; again and again in one isolate', async () => {
    const kpa = await makeToken('unit', 'KPA');
    expect((await api(`/reports/${PERIOD}.docx`, { token: kpa })).status).toBe(403);
    expect(await json(await api('/reports/2024-H7.docx', { token: dic }))).toMatchObject({ status: 404 });
    for (let i = 0; i < 5; i++) {
      const r = await api(`/reports/${PERIOD}.docx`, { token: dic });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
  });
});


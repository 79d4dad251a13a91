/**
 * A golden province, checked by hand: a quarter, a half-year and the 2025 annual across the reform,
 * with a department merged mid-period, districts abolished, communes merged and split, and a commune
 * of another province joining; the catalogue by level from 1 July 2025 (tỉnh and xã, from the keeper
 * alone), and digitised records without a district part. Filed through the API; the JSON, the workbook's cells and the report's
 * figures must equal the figures worked out below, line by line.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsolidationSchema, ProblemSchema } from '../shared/api/schemas';
import { demoRecord } from '../shared/demo/registry';
import type { Unit } from '../shared/registry/units';
import { versionOf } from '../shared/templates';
import { EVERY_SHEET, readWorkbook } from '../xlsx/read';
import { apiAt, makeToken, read, seedUnits } from '../worker/test/helpers';

const unit = (code: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => demoRecord({ code, name: `Đơn vị ${code}`, kind }, extra);
const END = '2025-06-30';

const GOLDEN: Unit[] = [
  unit('G-VP', 'department', { catalogue: true }),
  unit('G-TT', 'department', { coordinator: true, validTo: '2025-02-28', successors: ['G-KH'], change: 'merge' }),
  unit('G-KH', 'department', { validTo: '2025-02-28' }),
  unit('G-KH', 'department', { coordinator: true, validFrom: '2025-03-01' }),
  unit('G-D1', 'district', { validTo: END }),
  unit('G-D1A', 'commune', { parent: 'G-D1', validTo: END, successors: ['G-XA'], change: 'merge' }),
  unit('G-D1B', 'commune', { parent: 'G-D1', validTo: END, successors: ['G-XA'], change: 'merge' }),
  unit('G-D2', 'district', { validTo: END }),
  unit('G-D2A', 'commune', { parent: 'G-D2', validTo: END, successors: ['G-XB', 'G-XC'], change: 'split' }),
  unit('G-PYA', 'commune', { province: 'Phú Yên', validTo: END, successors: ['G-XC'], change: 'merge' }),
  unit('G-XA', 'commune', { validFrom: '2025-07-01' }),
  unit('G-XB', 'commune', { validFrom: '2025-07-01' }),
  unit('G-XC', 'commune', { validFrom: '2025-07-01' }),
];

let dic: string;
/** Filed by DIC on behalf of the unit, on a day before the deadline. */
async function file(template: string, code: string, period: string, on: string, values: Record<string, number>, coversPredecessors = false) {
  const body = { template, version: versionOf(template, period), unit: code, period, values, ...(coversPredecessors ? { coversPredecessors } : {}) };
  return apiAt(`${on}T03:00:00Z`, '/submissions', { token: dic, json: body });
}
const records = (hs01: number) => ({ 'HS01.KQ': hs01, 'HS02.KQ': hs01 / 4, 'HS03.KQ': hs01, 'HS04.KQ': Math.floor(hs01 * 0.99) });
const catalogue = (tt01: number, tt02: number) => ({ 'TT01.KQ': tt01, 'TT02.KQ': tt02, 'TT03.KQ': 750, 'TT04.KQ': tt01 - tt02 - 750 });
/** The catalogue by level, from the periods after the reform: tỉnh and xã (BM03 2025.1). */
const byLevel = (tinh: number, xa: number) => ({ 'TT01A.KQ': tinh, 'TT01C.KQ': xa });
const digitised = (tinh: number, xa: number, huyen?: number) => ({ 'HS05.KQ': tinh + xa + (huyen ?? 0), 'HS05A.KQ': tinh, 'HS05C.KQ': xa, ...(huyen === undefined ? {} : { 'HS05B.KQ': huyen }) });

async function consolidation(template: string, period: string) {
  return read(await apiAt('2026-01-10T03:00:00Z', `/consolidations/${template}/${period}`, { token: dic }), ConsolidationSchema);
}

beforeAll(async () => {
  await seedUnits(GOLDEN);
  dic = await makeToken('dic', 'G-KH');
  const filings: [string, string, string, string, Record<string, number>, boolean?][] = [
    // 2025-H1, before the reform.
    ['BM03', 'G-VP', '2025-H1', '2025-06-20', { ...catalogue(1680, 680), ...records(100_000), ...digitised(10_000, 0, 0) }],
    ['BM03', 'G-TT', '2025-H1', '2025-02-25', records(3_000)],
    ['BM03', 'G-KH', '2025-H1', '2025-06-20', records(189_000), true],
    // The district digitised 3.000 records at its own level: a part the versions after the reform no longer have.
    ['BM03', 'G-D1', '2025-H1', '2025-06-20', { ...records(40_000), ...digitised(1_000, 2_000, 3_000) }],
    ['BM03', 'G-D1A', '2025-H1', '2025-06-20', records(6_000)],
    ['BM03', 'G-D2', '2025-H1', '2025-06-20', records(30_000)],
    ['BM03', 'G-D2A', '2025-H1', '2025-06-20', records(5_000)],
    ['BM06', 'G-D1', '2025-H1', '2025-06-20', { 'XH06.KQ': 20_000, 'NL01.KQ': 10, 'NL02.KQ': 300, 'XH01.KQ': 40, 'XH02.KQ': 200 }],
    ['BM06', 'G-D1A', '2025-H1', '2025-06-20', { 'XH06.KQ': 5_000, 'NL01.KQ': 2 }],
    ['BM06', 'G-D2', '2025-H1', '2025-06-20', { 'XH06.KQ': 15_000, 'NL01.KQ': 8, 'NL02.KQ': 240, 'XH01.KQ': 30, 'XH02.KQ': 150 }],
    // 2025-Q3, the first quarter after the reform.
    ['BM03', 'G-VP', '2025-Q3', '2025-09-20', { ...catalogue(1700, 700), ...byLevel(1520, 180), ...records(50_000) }],
    ['BM03', 'G-KH', '2025-Q3', '2025-09-20', records(30_000)],
    // A commune that also typed the commune list it offers (103): the keeper's 180 stands, never a sum.
    ['BM03', 'G-XA', '2025-Q3', '2025-09-20', { ...records(4_000), 'TT01C.KQ': 103, ...digitised(200, 800) }],
    ['BM03', 'G-XB', '2025-Q3', '2025-09-20', records(2_500)],
    ['BM03', 'G-XC', '2025-Q3', '2025-09-20', records(1_500)],
    // 2025, the year across the reform.
    ['BM03', 'G-VP', '2025', '2025-12-15', { ...catalogue(1690, 690), ...byLevel(1510, 180), ...records(210_000), ...digitised(20_000, 0) }],
    ['BM03', 'G-KH', '2025', '2025-12-15', records(380_000), true],
    ['BM03', 'G-XA', '2025', '2025-12-15', { ...records(9_000), ...digitised(500, 1_500) }],
    ['BM03', 'G-XB', '2025', '2025-12-15', records(5_000)],
    ['BM03', 'G-XC', '2025', '2025-12-15', records(3_000)],
    ['BM06', 'G-XA', '2025', '2025-12-15', { 'XH06.KQ': 3_500, 'NL01.KQ': 5, 'NL02.KQ': 100, 'XH01.KQ': 10, 'XH02.KQ': 50 }],
    ['BM06', 'G-XB', '2025', '2025-12-15', { 'XH06.KQ': 2_200, 'NL01.KQ': 3, 'NL02.KQ': 60, 'XH01.KQ': 6, 'XH02.KQ': 30 }],
    ['BM06', 'G-XC', '2025', '2025-12-15', { 'XH06.KQ': 1_300, 'NL01.KQ': 2, 'NL02.KQ': 40, 'XH01.KQ': 4, 'XH02.KQ': 20 }],
  ];
  for (const [template, code, period, on, values, covers] of filings) {
    const r = await file(template, code, period, on, values, covers);
    // A sharp change of a new unit has one explanation; nothing else may stand in the way.
    if (r.status !== 201) throw new Error(`${template} ${code} ${period}: ${r.status} ${await r.text()}`);
  }
});

describe('the golden province', () => {
  it('2025-H1: the catalogue once (1.680), the merged department’s months once, inside its successor’s filing (359.000)', async () => {
    const c = await consolidation('BM03', '2025-H1');
    // 100.000 (VP) + 189.000 (KH, including TT's 3.000) + 40.000 (D1, including D1A) + 30.000 (D2, including D2A).
    expect(c.total.values['HS01.KQ']).toBe(359_000);
    expect(c.total.values['TT01.KQ']).toBe(1680);
    // Before the reform the catalogue is a total (2024.1): no level rows, nothing by level to say.
    expect(c.catalogue).toMatchObject({ keeper: { code: 'G-VP' }, filed: true, levels: [] });
    // Digitised: 10.000 (VP, all at province level) + 6.000 (D1: 1.000 + 3.000 district + 2.000 commune).
    expect([c.total.values['HS05.KQ'], c.total.values['HS05A.KQ'], c.total.values['HS05B.KQ'], c.total.values['HS05C.KQ']]).toEqual([16_000, 11_000, 3_000, 2_000]);
    expect(c.overlaps).toEqual([{ unit: 'G-TT', successor: 'G-KH', cells: ['HS01.KQ', 'HS02.KQ', 'HS03.KQ', 'HS04.KQ'] }]);
    expect(c.completeness.missing).toEqual(['G-D1B']);
    expect(c.units.map((u) => u.code)).not.toContain('G-PYA');
  });

  it('2025-H1: balances of the districts in force on 30 June (35.000 accounts), flows of every unit (18 classes)', async () => {
    const c = await consolidation('BM06', '2025-H1');
    expect(c.total.values['XH06.KQ']).toBe(35_000);
    expect(c.total.values['NL01.KQ']).toBe(18);
  });

  it('refuses a filing of the joining province’s commune for a period before it joined', async () => {
    const r = await file('BM03', 'G-PYA', '2025-H1', '2025-06-20', records(7_000));
    expect(r.status).toBe(422);
    expect((await read(r, ProblemSchema)).code).toBe('unit_not_member');
  });

  it('2025-Q3: the new communes and the departments, nothing of the abolished districts (88.000)', async () => {
    const c = await consolidation('BM03', '2025-Q3');
    expect(c.total.values['HS01.KQ']).toBe(88_000);
    expect(c.total.values['TT01.KQ']).toBe(1700);
    // By level, the keeper's alone: 1.520 tỉnh + 180 xã = 1.700; G-XA's 103 is not added.
    expect([c.total.values['TT01A.KQ'], c.total.values['TT01C.KQ']]).toEqual([1520, 180]);
    expect(c.catalogue).toEqual({ keeper: { code: 'G-VP', name: 'Đơn vị G-VP' }, filed: true, levels: [{ level: 'province', row: 'TT01A', value: 1520 }, { level: 'commune', row: 'TT01C', value: 180 }] });
    // Digitised by the two levels left: 200 + 800 = 1.000 (G-XA alone filed them).
    expect([c.total.values['HS05.KQ'], c.total.values['HS05A.KQ'], c.total.values['HS05C.KQ']]).toEqual([1_000, 200, 800]);
    expect(c.total.values).not.toHaveProperty('HS05B.KQ');
    expect(c.completeness).toMatchObject({ expected: 5, submitted: 5, missing: [], missingParts: [] });
  });

  it('2025: the districts’ January–June from their half-year, the merged department inside its successor, one commune missing its part (677.000)', async () => {
    const c = await consolidation('BM03', '2025');
    // 210.000 + 380.000 + 9.000 + 5.000 + 3.000 (in force at the end) + 40.000 (D1's H1) + 30.000 (D2's H1).
    expect(c.total.values['HS01.KQ']).toBe(677_000);
    expect(c.total.values['TT01.KQ']).toBe(1690);
    expect(c.catalogue!.levels.map((l) => [l.row, l.value])).toEqual([['TT01A', 1510], ['TT01C', 180]]);
    // Digitised: 20.000 (VP) + 2.000 (G-XA) + 6.000 (D1's H1). D1's split had a district part the year's
    // version has not, so the province's parts are left blank and D1 named, rather than 22.000 of 28.000.
    expect(c.total.values['HS05.KQ']).toBe(28_000);
    expect([c.total.values['HS05A.KQ'], c.total.values['HS05C.KQ']]).toEqual([null, null]);
    expect(c.breakdowns).toEqual([{ total: 'HS05.KQ', parts: ['HS05A.KQ', 'HS05C.KQ'], units: ['G-D1'] }]);
    expect(c.units.find((u) => u.code === 'G-D1')).toMatchObject({ source: { kind: 'shorter_periods', periods: ['2025-H1'] }, values: { 'HS01.KQ': 40_000 } });
    expect(c.units.find((u) => u.code === 'G-TT')).toMatchObject({ source: { kind: 'successor', successor: 'G-KH' } });
    expect(c.completeness.missingParts).toEqual([{ unit: 'G-D1B', from: '2025-01-01', to: END }]);
    expect(c.completeness.coveredParts.map((p) => p.unit)).toEqual(['G-D1', 'G-D1A', 'G-D2', 'G-D2A']);
  });

  it('2025: accounts held on 31 December by the new communes alone (7.000), classes of the whole year (28)', async () => {
    const c = await consolidation('BM06', '2025');
    expect(c.total.values['XH06.KQ']).toBe(7_000);
    // 5 + 3 + 2 (new communes) + 10 (D1's H1, including D1A) + 8 (D2's H1).
    expect(c.total.values['NL01.KQ']).toBe(28);
  });

  it('the workbook’s provincial cells and the report’s figures are the same figures', async () => {
    const book = readWorkbook(new Uint8Array(await (await apiAt('2026-01-10T03:00:00Z', '/consolidations/2025.xlsx', { token: dic })).arrayBuffer()), EVERY_SHEET);
    const cell = (name: string) => {
      const at = book.names.find((n) => n.name === name)!;
      return book.sheets.find((s) => s.sheet === at.sheet)!.values[at.row]![at.col];
    };
    expect(cell('BM03_HS01_KQ')).toBe(677_000);
    expect(cell('BM03_TT01_KQ')).toBe(1690);
    expect([cell('BM03_TT01A_KQ'), cell('BM03_TT01C_KQ')]).toEqual([1510, 180]);
    expect(cell('BM03_HS05_KQ')).toBe(28_000);
    expect(book.names.some((n) => n.name === 'BM03_HS05B_KQ')).toBe(false);
    expect(cell('BM06_XH06_KQ')).toBe(7_000);
    const docx = unzipSync(new Uint8Array(await (await apiAt('2026-01-10T03:00:00Z', '/reports/2025.docx', { token: dic })).arrayBuffer()));
    const text = [...strFromU8(docx['word/document.xml']!).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('677.000 hồ sơ');
    expect(text).toContain('1.690 thủ tục');
    expect(text).not.toContain('1.680 thủ tục');
    expect(text).toContain('Theo cấp, danh mục thủ tục hành chính của tỉnh gồm 1.510 thủ tục cấp tỉnh và 180 thủ tục cấp xã.');
    // The report and the sheet say whose part is counted from a shorter filing, and whose is missing.
    expect(text).toContain('Thiếu số liệu phần kỳ biểu “Thủ tục hành chính và dịch vụ công trực tuyến” (đơn vị đã kết thúc hoạt động trong kỳ, không có báo cáo bù): Đơn vị G-D1B.');
    expect(text).toContain('được tính từ báo cáo các kỳ ngắn hơn đã nộp: Đơn vị G-D1, Đơn vị G-D1A, Đơn vị G-D2, Đơn vị G-D2A.');
    const sheet = book.sheets.find((s) => s.sheet === 'TH_BM03')!.values.map((row) => row.map(String).join(' | '));
    expect(sheet.find((row) => row.includes('G-D1B'))).toContain('thiếu số liệu phần kỳ');
    expect(sheet.find((row) => row.includes('| G-D1 |'))).toContain('số liệu lưu lượng từ báo cáo kỳ 2025-H1');
    expect(sheet.find((row) => row.includes('G-TT'))).toContain('đã gồm trong báo cáo của G-KH');
    expect(sheet.find((row) => row.includes('danh mục TTHC'))).toContain('danh mục TTHC (theo cấp) lấy một lần từ Đơn vị G-VP, không cộng theo đơn vị');
  });
});

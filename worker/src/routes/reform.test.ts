/**
 * The province through the 2025 reform, as DIC lives it: units that ended mid-year file their part,
 * communes straight under the province file what districts filed, a merged commune is compared with
 * the communes it merged from, and every output of a period follows the structure of that period.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ComparisonSchema, ConsolidationSchema, PeriodConsolidationSchema, ProblemSchema, ReceiptSchema } from '../../../shared/api/schemas';
import { versionOf } from '../../../shared/templates';
import { BY_DISTRICT_SHEET, COMPLETENESS_SHEET } from '../../../shared/workbook';
import { EVERY_SHEET, readWorkbook } from '../../../xlsx/read';
import { api, makeToken, read, seedUnits } from '../../test/helpers';

let dic: string;
const bm03 = (unit: string, period: string, hs01: number) => ({
  template: 'BM03',
  version: versionOf('BM03'),
  unit,
  period,
  values: { 'HS01.KQ': hs01, 'HS02.KQ': Math.round(hs01 / 4), 'HS03.KQ': Math.round(hs01 * 0.9), 'HS04.KQ': Math.round(hs01 * 0.85) },
});
const file = async (body: unknown) => {
  const r = await api('/submissions', { token: dic, json: body });
  return r.status === 201 ? { status: 201, receipt: await read(r, ReceiptSchema) } : { status: r.status, problem: await read(r, ProblemSchema) };
};

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
});

describe('units in force for part of a period', () => {
  it('a district that ended on 30 June 2025 files its part of the year, and is shown as such, never missing', async () => {
    expect((await file(bm03('KPA', '2025', 40_000))).status).toBe(201);
    expect((await file(bm03('PHUOCAN', '2025', 9_000))).status).toBe(201);
    const c = await read(await api('/consolidations/BM03/2025', { token: dic }), ConsolidationSchema);
    const kpa = c.units.find((u) => u.code === 'KPA')!;
    expect(kpa).toMatchObject({ expected: false, partOfPeriod: { from: '2025-01-01', to: '2025-06-30' }, name: 'UBND huyện Krông Pắc' });
    expect(c.units.find((u) => u.code === 'PHUOCAN')).toMatchObject({ expected: true, parent: null });
    expect(c.completeness.unexpected).toEqual([]);
    expect(c.completeness.missing).not.toContain('KPA');
    expect(c.completeness.missing).toContain('TANAN');
    // Each filing counted once: the district's half and the commune's half.
    expect(c.total.values['HS01.KQ']).toBe(49_000);
    expect(c.structure).toEqual({ districts: true, coordinator: { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' } });
  });

  it('the department that merged away in February files its two months, its successor the year', async () => {
    expect((await file(bm03('STTTT', '2025', 3_000))).status).toBe(201);
    const c = await read(await api('/consolidations/BM03/2025', { token: dic }), ConsolidationSchema);
    expect(c.units.find((u) => u.code === 'STTTT')).toMatchObject({ partOfPeriod: { from: '2025-01-01', to: '2025-02-28' } });
  });

  it('a unit in force on no day of the period cannot file for it', async () => {
    const r = await file(bm03('KPA', '2025-H2', 1_000));
    expect(r).toMatchObject({ status: 422, problem: { code: 'unit_not_in_force', field: 'unit' } });
  });
});

describe('filing rules with dates', () => {
  it('communes file key indicators, security and budget from July 2025; old periods keep the old rules', async () => {
    const bm05 = (unit: string, period: string) => ({ template: 'BM05', version: versionOf('BM05'), unit, period, values: { 'AT01.KQ': 2, 'AT02.KQ': 1, 'AT03.KQ': 0, 'AT04.KQ': 0, 'AT05.KQ': 30, 'AT06.KQ': 1, 'AT07.KQ': 1, 'AT08.KQ': 2, 'AT09.KQ': 1 } });
    expect((await file(bm05('PHUOCAN', '2026-H1'))).status).toBe(201);
    const old = await file(bm05('KPA-EAKLY', '2024-H1'));
    expect(old).toMatchObject({ status: 422, problem: { code: 'unit_kind_not_filer' } });
  });

  it('lists each template’s rules with their dates', async () => {
    const templates = await (await api('/templates', { token: dic })).json();
    const bm01 = (templates as { id: string; filedBy: unknown }[]).find((t) => t.id === 'BM01')!;
    expect(bm01.filedBy).toEqual([
      { from: '2000-01-01', kinds: ['department', 'district'] },
      { from: '2025-07-01', kinds: ['department', 'commune'], standsFor: { commune: 'district' } },
    ]);
  });
});

describe('comparing with the previous period across a merger', () => {
  it('compares a department formed by a merger with the sum of the departments it merged from, naming both in the warning', async () => {
    expect((await file(bm03('SNNPTNT', '2024-H2', 2_000))).status).toBe(201);
    expect((await file(bm03('STNMT', '2024-H2', 3_000))).status).toBe(201);
    const fair = await file(bm03('SNNMT', '2025-H1', 5_500));
    expect(fair.status).toBe(201);
    expect(fair.receipt!.comparedWith).toEqual({ period: '2024-H2', units: ['SNNPTNT', 'STNMT'], compared: true });
    // Set against one of them alone, 20.000 would not jump; against their sum of 5.000 it does.
    const jump = await file(bm03('SNNMT', '2025-H1', 20_000));
    expect(jump.status).toBe(422);
    const warning = jump.problem!.issues!.find((i) => i.code === 'jump' && i.cells[0] === 'HS01.KQ')!;
    expect(warning.message).toContain('kỳ 2024-H2 (số liệu của SNNPTNT, STNMT)');
  });

  it('says it cannot compare when only some of the merged departments filed', async () => {
    expect((await file(bm03('SGTVT', '2024-H2', 2_000))).status).toBe(201);
    const r = await file(bm03('SXD', '2025-H1', 60_000));
    expect(r.status).toBe(201);
    expect(r.receipt!.comparedWith).toEqual({ period: '2024-H2', units: ['SXD', 'SGTVT'], compared: false, reason: 'partly_filed' });
  });

  it('declares the first period after the 2025 reform a structural break for a commune formed in it: no jump check, and says so', async () => {
    expect((await file(bm03('KPA-EAKLY', '2025-H1', 2_000))).status).toBe(201);
    expect((await file(bm03('KPA-EAPHE', '2025-H1', 3_000))).status).toBe(201);
    const r = await file(bm03('EAKLY', '2025-H2', 20_000));
    expect(r.status).toBe(201);
    expect(r.receipt!.comparedWith).toEqual({ period: '2025-H1', units: ['KPA-EAKLY', 'KPA-EAPHE'], compared: false, reason: 'structural_break' });
  });
});

describe('outputs follow the structure of their period', () => {
  it('a period without districts has no by-district counts in JSON, and no district heading or table in the workbook', async () => {
    const json = await read(await api('/consolidations/2026-H1', { token: dic }), PeriodConsolidationSchema);
    for (const c of json.consolidations) {
      expect(c.structure.districts).toBe(false);
      expect(c.completeness.byDistrict).toEqual([]);
      expect(c.units.every((u) => u.kind !== 'district')).toBe(true);
    }
    const book = readWorkbook(new Uint8Array(await (await api('/consolidations/2026-H1.xlsx', { token: dic })).arrayBuffer()), EVERY_SHEET);
    const text = (sheet: string) => book.sheets.find((s) => s.sheet === sheet)!.values.flat().map(String).join('\n');
    expect(text('TH_BM05')).toContain('II. CẤP XÃ');
    expect(text('TH_BM05')).not.toContain('CẤP HUYỆN');
    expect(text('TH_BM05')).toContain('Cơ quan tổng hợp: Sở Khoa học và Công nghệ');
    expect(book.sheets.map((s) => s.sheet)).not.toContain(BY_DISTRICT_SHEET.vi);
    expect(text(COMPLETENESS_SHEET.vi)).not.toContain('Cấp huyện');
  });

  it('a period with districts keeps them, in JSON and in the workbook alike', async () => {
    const json = await read(await api('/consolidations/2025-H1', { token: dic }), PeriodConsolidationSchema);
    const bm03 = json.consolidations.find((c) => c.template.id === 'BM03')!;
    expect(bm03.structure.districts).toBe(true);
    expect(bm03.completeness.byDistrict.length).toBeGreaterThan(0);
    const book = readWorkbook(new Uint8Array(await (await api('/consolidations/2025-H1.xlsx', { token: dic })).arrayBuffer()), EVERY_SHEET);
    const text = (sheet: string) => book.sheets.find((s) => s.sheet === sheet)!.values.flat().map(String).join('\n');
    expect(text('TH_BM03')).toContain('II. CẤP HUYỆN VÀ CẤP XÃ');
    expect(text('TH_BM03')).toContain('Cơ quan tổng hợp: Sở Khoa học và Công nghệ');
    expect(text(BY_DISTRICT_SHEET.vi)).toContain('THEO ĐƠN VỊ CẤP HUYỆN');
  });
});

describe('who coordinates', () => {
  it('is read from the registry by date, in the signed-in identity too', async () => {
    const me = await read(await api('/me', { token: dic }), z.object({ role: z.string(), unit: z.object({ code: z.string(), name: z.string() }).nullable() }).passthrough());
    expect(me).toMatchObject({ role: 'dic', unit: { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' } });
  });
});

describe('GET /comparisons/:template/:period', () => {
  it('gives the pane the figures the filing will be compared with: predecessors summed, or why not', async () => {
    const merged = await read(await api('/comparisons/BM03/2025-H1?unit=SNNMT', { token: dic }), ComparisonSchema);
    expect(merged).toMatchObject({ period: '2024-H2', units: ['SNNPTNT', 'STNMT'], compared: true });
    expect(merged.values!['HS01.KQ']).toBe(5_000);
    const partial = await read(await api('/comparisons/BM03/2025-H1?unit=SXD', { token: dic }), ComparisonSchema);
    expect(partial).toEqual({ period: '2024-H2', units: ['SXD', 'SGTVT'], compared: false, reason: 'partly_filed', values: null });
    const reformed = await read(await api('/comparisons/BM03/2025-H2?unit=EAKLY', { token: dic }), ComparisonSchema);
    expect(reformed).toEqual({ period: '2025-H1', units: ['KPA-EAKLY', 'KPA-EAPHE'], compared: false, reason: 'structural_break', values: null });
    const nothing = await read(await api('/comparisons/BM03/2026-Q1?unit=TANAN', { token: dic }), ComparisonSchema);
    expect(nothing).toEqual({ period: '2025-Q4', units: [], compared: true, values: null });
    // The first period the API takes has a period before it, with nothing filed: no 500.
    const first = await read(await api('/comparisons/BM03/2000-Q1?unit=KPA', { token: dic }), ComparisonSchema);
    expect(first).toEqual({ period: '1999-Q4', units: [], compared: true, values: null });
  });

  it('lets a unit read only its own, and names an unknown unit', async () => {
    const clerk = await makeToken('unit', 'PHUOCAN');
    expect((await api('/comparisons/BM03/2026?unit=EAKLY', { token: clerk })).status).toBe(403);
    // Its 2025 is its own half-year and the half of the commune it took over in the reform: a declared break.
    const own = await read(await api('/comparisons/BM03/2026', { token: clerk }), ComparisonSchema);
    expect(own).toEqual({ period: '2025', units: ['PHUOCAN', 'KPA-PHUOCAN'], compared: false, reason: 'structural_break', values: null });
    expect((await read(await api('/comparisons/BM03/2026?unit=NOPE', { token: dic }), ProblemSchema)).field).toBe('unit');
  });
});

describe('filing what is already filed', () => {
  it('with onlyIfChanged, is refused with 409 naming the revision, storing nothing; without it, is a new revision', async () => {
    const body = bm03('TANAN', '2026-Q1', 7_000);
    expect((await file(body)).status).toBe(201);
    const again = await api('/submissions?onlyIfChanged=true', { token: dic, json: body });
    expect(again.status).toBe(409);
    expect(await read(again, ProblemSchema)).toMatchObject({ code: 'submission_unchanged' });
    const changed = await api('/submissions?onlyIfChanged=true', { token: dic, json: bm03('TANAN', '2026-Q1', 7_001) });
    expect((await read(changed, ReceiptSchema)).revision).toBe(2);
    const anyway = await file(bm03('TANAN', '2026-Q1', 7_001));
    expect(anyway.receipt!.revision).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { getTemplate, templateCells, templateFor, type IndicatorTemplate, type ListTemplate } from '../templates';
import { validate } from '../validation';
import {
  LAYOUT,
  buildTemplateSheet,
  buildTemplateWorkbook,
  cellName,
  listLayout,
  parseMetadata,
  readTemplateGrid,
  refFromName,
  type NameRef,
  type RawValue,
  type SheetModel,
} from './index';
import { versionOf } from '../templates';

// The layout of the version before the reform (2024.1); the two-level version's is checked in bm03.test.ts.
const bm03 = templateFor('BM03', '2024-H1') as IndicatorTemplate;
const bm02 = getTemplate('BM02') as ListTemplate;

/** What a sheet holds after a writer wrote the model: values, formulas not yet calculated. */
function gridOf(model: SheetModel): RawValue[][] {
  const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...model.cells.map((c) => c.col)) + 1;
  const grid: RawValue[][] = Array.from({ length: rows }, () => Array<RawValue>(cols).fill(null));
  for (const c of model.cells) if (c.value !== undefined && c.formula === undefined) grid[c.row]![c.col] = c.value as RawValue;
  return grid;
}

function namesOf(model: SheetModel): NameRef[] {
  return model.names.map((n) => ({ ...n, sheet: model.name }));
}

function fill(model: SheetModel, grid: RawValue[][], values: Record<string, RawValue>, templateId: string) {
  for (const [ref, v] of Object.entries(values)) {
    const n = model.names.find((x) => x.name === cellName(templateId, ref))!;
    grid[n.row]![n.col] = v;
  }
}

describe('the template sheet', () => {
  it('gives every cell of the template its defined name, BM03_TT02_KQ style', () => {
    const sheet = buildTemplateSheet(bm03);
    expect(sheet.names.map((n) => n.name)).toHaveLength(templateCells(bm03).size);
    expect(sheet.names.find((n) => n.name === 'BM03_TT02_KQ')).toMatchObject({ row: LAYOUT.firstDataRow + 1, col: LAYOUT.firstValueCol });
    expect(refFromName('BM03', 'BM03_HS05A_KQ')).toBe('HS05A.KQ');
    expect(refFromName('BM03', 'BM04_VB01_KQ')).toBeUndefined();
  });

  it('writes derived shares as formulas, inputs with number formats', () => {
    const sheet = buildTemplateSheet(bm03);
    const at = (name: string) => {
      const n = sheet.names.find((x) => x.name === name)!;
      return sheet.cells.find((c) => c.row === n.row && c.col === n.col)!;
    };
    expect(at('BM03_TL08_KQ')).toMatchObject({ formula: 'IF(COUNT(E19,E18)<2,"",IF(E18=0,"",(E19)/E18))', numberFormat: '0.00%', style: 'derived' });
    expect(at('BM03_HS01_KQ')).toMatchObject({ style: 'input', numberFormat: '#,##0' });
    expect(at('BM03_TT01_GC')).toMatchObject({ style: 'inputText', numberFormat: '@' });
    expect(sheet.validations.some((v) => v.kind === 'whole' && v.min === 0)).toBe(true);
  });

  it('writes the achievement of BM01 as a formula comparing result and target', () => {
    const sheet = buildTemplateSheet(getTemplate('BM01')!);
    const n = sheet.names.find((x) => x.name === 'BM01_CT03_DG')!;
    const cell = sheet.cells.find((c) => c.row === n.row && c.col === n.col)!;
    expect(cell.formula).toMatch(/^IF\(AND\(ISNUMBER\(E\d+\),ISNUMBER\(F\d+\)\),IF\(F\d+>=E\d+,"Đạt","Chưa đạt"\),""\)$/);
  });

  it('stores template, version, unit and period in a very hidden sheet', () => {
    const wb = buildTemplateWorkbook(bm03, { unit: { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' }, period: '2024-Q3' });
    const meta = wb.sheets.find((s) => s.name === '_chitieu')!;
    expect(meta.visibility).toBe('veryHidden');
    expect(parseMetadata(gridOf(meta))).toEqual([
      { sheet: 'BM03', template: 'BM03', version: versionOf('BM03', '2024-Q3'), unit: 'KPA', unitName: 'UBND huyện Krông Pắc', unitKind: 'district', period: '2024-Q3' },
    ]);
  });
});

describe('reading a filled sheet back', () => {
  const metadata = { sheet: 'BM03', template: 'BM03', version: versionOf('BM03', '2024-H1'), period: '2024-H1', unit: 'STTTT' };

  it('by names: percent cells hold fractions, as Excel stores them', () => {
    const sheet = buildTemplateSheet(bm03);
    const grid = gridOf(sheet);
    fill(sheet, grid, { 'HS03.KQ': 384618, 'HS04.KQ': 382982, 'TL08.KQ': 0.9957, 'HS04.GC': 'Số liệu iGate' }, 'BM03');
    const { submission, locate } = readTemplateGrid(bm03, { sheet: 'BM03', values: grid }, { names: namesOf(sheet), metadata });
    expect(submission).toEqual({
      template: 'BM03',
      version: versionOf('BM03', '2024-H1'),
      period: '2024-H1',
      unit: 'STTTT',
      values: { 'HS03.KQ': 384618, 'HS04.KQ': 382982, 'TL08.KQ': 99.57, 'HS04.GC': 'Số liệu iGate' },
      notes: {},
    });
    expect(locate('HS03.KQ')).toBe(`'BM03'!E${LAYOUT.firstDataRow + 12}`);
    expect(validate(bm03, submission).errors).toEqual([]);
  });

  it('after rows were inserted above the table, names still find every cell', () => {
    const sheet = buildTemplateSheet(bm03);
    const grid = gridOf(sheet);
    fill(sheet, grid, { 'TT01.KQ': 10, 'TT02.KQ': 4, 'TT03.KQ': 3, 'TT04.KQ': 2 }, 'BM03');
    const shifted = [[null], [null], ...grid];
    const names = namesOf(sheet).map((n) => ({ ...n, row: n.row + 2 }));
    const { submission, locate } = readTemplateGrid(bm03, { sheet: 'BM03', values: shifted }, { names, metadata });
    const report = validate(bm03, submission, { locate });
    expect(report.errors[0]).toMatchObject({ code: 'sum_mismatch', addresses: [`'BM03'!E${LAYOUT.firstDataRow + 3}`, `'BM03'!E${LAYOUT.firstDataRow + 4}`, `'BM03'!E${LAYOUT.firstDataRow + 5}`, `'BM03'!E${LAYOUT.firstDataRow + 6}`] });
  });

  it('after a tool inserted a row without moving the names, each figure is read from the row of its code', () => {
    const sheet = buildTemplateSheet(bm03);
    const grid = gridOf(sheet);
    fill(sheet, grid, { 'TT01.KQ': 10, 'TT02.KQ': 4, 'TT03.KQ': 3, 'TT04.KQ': 2 }, 'BM03');
    // A row inserted under TT01: TT02 and below move down one, the names stay where they were.
    const inserted = LAYOUT.firstDataRow + 1;
    const shifted = [...grid.slice(0, inserted), grid[inserted]!.map(() => null), ...grid.slice(inserted)];
    const { submission, locate } = readTemplateGrid(bm03, { sheet: 'BM03', values: shifted }, { names: namesOf(sheet), metadata });
    expect(submission.values).toEqual({ 'TT01.KQ': 10, 'TT02.KQ': 4, 'TT03.KQ': 3, 'TT04.KQ': 2 });
    expect(locate('TT02.KQ')).toBe(`'BM03'!E${inserted + 2}`);
    const report = validate(bm03, submission, { locate });
    expect(report.errors.map((e) => [e.code, e.addresses?.[0]])).toEqual([['sum_mismatch', `'BM03'!E${LAYOUT.firstDataRow + 1}`]]);
  });

  it('without names (a custom function sees values only), by row code and column key', () => {
    const sheet = buildTemplateSheet(bm03);
    const grid = gridOf(sheet);
    fill(sheet, grid, { 'HS01.KQ': 100, 'HS02.KQ': 120 }, 'BM03');
    // The auditor selected B5:F40: the origin moves, the verdict does not.
    const region = grid.slice(4).map((row) => row.slice(1));
    const { submission, locate } = readTemplateGrid(bm03, { sheet: 'BM03', values: region, originRow: 4, originCol: 1 });
    expect(submission.values).toEqual({ 'HS01.KQ': 100, 'HS02.KQ': 120 });
    expect(submission.period).toBe('');
    const report = validate(bm03, submission, { locate });
    expect(report.errors[0]).toMatchObject({ code: 'part_exceeds_whole', addresses: [`'BM03'!E${LAYOUT.firstDataRow + 11}`, `'BM03'!E${LAYOUT.firstDataRow + 10}`] });
  });

  it('a value typed in a cell the template does not have is read, and refused by the engine', () => {
    const bm01 = getTemplate('BM01') as IndicatorTemplate;
    const sheet = buildTemplateSheet(bm01);
    const grid = gridOf(sheet);
    const ct07 = LAYOUT.firstDataRow + bm01.rows.findIndex((r) => r.code === 'CT07');
    const tsCol = LAYOUT.firstValueCol + bm01.columns.findIndex((c) => c.key === 'TS');
    grid[ct07]![tsCol] = 12;
    const { submission, locate } = readTemplateGrid(bm01, { sheet: 'BM01', values: grid }, { names: namesOf(sheet) });
    expect(submission.values).toEqual({ 'CT07.TS': 12 });
    const report = validate(bm01, submission, { locate });
    expect(report.errors[0]).toMatchObject({ code: 'unknown_cell', addresses: [`'BM01'!G${ct07 + 1}`] });
  });

  it('a list: rows inside the named range, statuses as written, dates as serials', () => {
    const sheet = buildTemplateSheet(bm02);
    const grid = gridOf(sheet);
    const { firstDataRow, firstCol } = listLayout(bm02);
    grid[firstDataRow + 1]!.splice(firstCol, 6, 'KH30-01', 'Xây dựng kho dữ liệu', 'STTTT', 45657, 'Hoàn thành', null);
    grid[firstDataRow + 3]!.splice(firstCol, 6, 'KH30-02', 'Cổng dữ liệu mở', 'STTTT', 45473, 'Đang thực hiện', null);
    const names = namesOf(sheet);
    const { submission, locate } = readTemplateGrid(bm02, { sheet: 'BM02', values: grid }, { names, metadata: { ...metadata, sheet: 'BM02', template: 'BM02' } });
    expect(submission.rows).toEqual([
      { MA: 'KH30-01', ND: 'Xây dựng kho dữ liệu', DV: 'STTTT', TH: 45657, TT: 'Hoàn thành', KQ: null },
      { MA: 'KH30-02', ND: 'Cổng dữ liệu mở', DV: 'STTTT', TH: 45473, TT: 'Đang thực hiện', KQ: null },
    ]);
    const report = validate(bm02, submission, { locate });
    expect(report.errors).toEqual([]);
    expect(report.warnings[0]).toMatchObject({ code: 'task_overdue', addresses: [`'BM02'!F${firstDataRow + 4}`, `'BM02'!E${firstDataRow + 4}`] });
    // Without names, the scan stops at the signature block instead of reading it as a task.
    const scanned = readTemplateGrid(bm02, { sheet: 'BM02', values: grid });
    expect(scanned.submission.rows).toHaveLength(2);
  });

  it('a list: every issue of a row is placed on that row, when two rows share a task code', () => {
    const sheet = buildTemplateSheet(bm02);
    const grid = gridOf(sheet);
    const { firstDataRow, firstCol } = listLayout(bm02);
    grid[firstDataRow]!.splice(firstCol, 6, 'KH30-01', 'Xây dựng kho dữ liệu', 'STTTT', '31/02/2026', 'xong', null);
    grid[firstDataRow + 1]!.splice(firstCol, 6, 'KH30-01', 'Cổng dữ liệu mở', 'STTTT', '30/11/2026', 'Chưa thực hiện', null);
    grid[firstDataRow + 2]!.splice(firstCol, 6, 'KH30-03', null, 'STTTT', null, 'HT', null);
    const { submission, locate } = readTemplateGrid(bm02, { sheet: 'BM02', values: grid }, { names: namesOf(sheet) });
    const report = validate(bm02, { ...submission, period: '2026-Q4' }, { locate });
    const first = firstDataRow + 1;
    const second = firstDataRow + 2;
    expect(report.errors.map((e) => [e.code, e.addresses])).toEqual([
      ['date_invalid', [`'BM02'!E${first}`]],
      ['status_unknown', [`'BM02'!F${first}`]],
      ['duplicate_task', [`'BM02'!B${second}`]],
      ['list_missing_field', [`'BM02'!C${second + 1}`]],
    ]);
    expect(report.warnings.map((w) => [w.code, w.addresses])).toEqual([['task_overdue', [`'BM02'!F${second}`, `'BM02'!E${second}`]]]);
    // The rows are named as the sheet numbers them.
    expect(report.errors[2]!.message).toBe(`Mã nhiệm vụ KH30-01 bị trùng (dòng ${first} và ${second}).`);
    expect(report.errors[3]!.message).toMatch(new RegExp(`^Dòng ${second + 1}: thiếu nhiệm vụ KH30-03`));
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BM03_2024_H1 } from '../../../shared/demo/seed-figures';
import { getTemplate, templateFor } from '../../../shared/templates';
import { PRINT_MARGINS, buildTemplateSheet, cellName, sheetMetadataFor, validationAlert } from '../../../shared/workbook';
import { checkGrid } from '../check';
import { fakeExcel, type FakeExcel, type FakeState } from './fake-excel';
import { OfficeWorkbook } from './office-workbook';
import { versionOf } from '../../../shared/templates';

// The 2024-H1 sheet, in the version of that period (2024.1).
const bm03 = templateFor('BM03', '2024-H1')!;
const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
let fake: FakeExcel;

function install(state: FakeState): FakeExcel {
  fake = fakeExcel(state);
  g.Excel = fake.excel;
  g.Office = fake.office;
  return fake;
}

/** A filled BM03 sheet as Excel would hand its used range over: values from A1, names to its cells. */
function filledBm03() {
  const model = buildTemplateSheet(bm03, { period: '2024-H1' });
  const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...model.cells.map((c) => c.col)) + 1;
  const values: unknown[][] = Array.from({ length: rows }, () => Array(cols).fill(''));
  for (const c of model.cells) if (c.value !== undefined && c.value !== null && c.formula === undefined) values[c.row]![c.col] = c.value;
  const names = model.names.map((n) => ({ name: n.name, formula: `='BM03'!$${String.fromCharCode(65 + n.col)}$${n.row + 1}` }));
  const at = (ref: string) => model.names.find((n) => n.name === cellName('BM03', ref))!;
  for (const [ref, v] of Object.entries({ 'TT01.KQ': 1684, 'TT02.KQ': 676, 'TT03.KQ': 753, 'TT04.KQ': 254, 'HS01.KQ': 400000, 'HS02.KQ': 120000 })) {
    values[at(ref).row]![at(ref).col] = v;
  }
  const meta = [
    ['sheet', 'template', 'version', 'unit', 'unitName', 'unitKind', 'period'],
    ['BM03', 'BM03', versionOf('BM03', '2024-H1'), 'KPA', 'UBND huyện Krông Pắc', 'district', '2024-H1'],
  ];
  return { values, names, meta };
}

beforeEach(() => {
  delete g.Excel;
  delete g.Office;
});
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

describe('reading a template sheet', () => {
  it('takes one round trip to Excel for values, names and metadata', async () => {
    const { values, names, meta } = filledBm03();
    install({ sheets: { BM03: { values }, _chitieu: { values: meta } }, names, active: 'BM03' });
    const read = await new OfficeWorkbook().readSheet();
    expect(fake.syncs()).toBe(1);
    expect(read.metadata).toMatchObject({ template: 'BM03', unit: 'KPA', unitKind: 'district', period: '2024-H1' });
    expect(read.names).toHaveLength(buildTemplateSheet(bm03).names.length);
    const [check] = checkGrid(read.grid, 'BM03', { names: read.names, period: '2024-H1' });
    expect(check!.report.errors.map((e) => [e.code, e.addresses?.[0]])).toEqual([['sum_mismatch', "'BM03'!E7"]]);
  });

  it('reads a sheet whose used range starts below A1 at its real addresses', async () => {
    const { values, names, meta } = filledBm03();
    install({ sheets: { BM03: { values: values.slice(4), rowIndex: 4 }, _chitieu: { values: meta } }, names, active: 'BM03' });
    const read = await new OfficeWorkbook().readSheet();
    expect(read.grid.originRow).toBe(4);
    const [check] = checkGrid(read.grid, 'BM03', { names: read.names });
    expect(check!.report.errors[0]!.addresses).toEqual(["'BM03'!E7", "'BM03'!E8", "'BM03'!E9", "'BM03'!E10"]);
  });

  it('knows a workbook with no template metadata', async () => {
    install({ sheets: { Sheet1: { values: [[1]] } }, active: 'Sheet1' });
    const wb = new OfficeWorkbook();
    expect(await wb.templateSheets()).toEqual([]);
    expect((await wb.readSheet()).metadata).toBeUndefined();
  });
});

describe('highlighting issues', () => {
  it('restores and marks in one round trip, cell by cell', async () => {
    install({ sheets: { BM03: { values: [[]] } }, active: 'BM03' });
    await new OfficeWorkbook().highlight(
      [{ address: "'BM03'!E8", fill: 'FFF8D6' }],
      [
        { address: "'BM03'!E7", severity: 'error' },
        { address: "'BM03'!E17", severity: 'warning' },
      ],
    );
    expect(fake.syncs()).toBe(1);
    const fills = fake.writes.filter((w) => w.path === 'format.fill.color').map((w) => [w.target, w.value]);
    expect(fills).toEqual([
      ['BM03!E8', '#FFF8D6'],
      ['BM03!E7', '#F4B6B6'],
      ['BM03!E17', '#FFE08A'],
    ]);
  });

  it('widens a marked cell’s number format to show the value as written, and puts the template’s back, in the same round trip', async () => {
    install({ sheets: { BM03: { values: [[]] } }, active: 'BM03' });
    await new OfficeWorkbook().highlight([{ address: "'BM03'!E8", fill: 'FFF8D6', numberFormat: '#,##0' }], [{ address: "'BM03'!E16", severity: 'error', numberFormat: '#,##0.0' }]);
    expect(fake.syncs()).toBe(1);
    const formats = fake.writes.filter((w) => w.path === 'numberFormat').map((w) => [w.target, w.value]);
    expect(formats).toEqual([
      ['BM03!E8', [['#,##0']]],
      ['BM03!E16', [['#,##0.0']]],
    ]);
  });

  it('does not call Excel when there is nothing to do', async () => {
    install({ sheets: { BM03: { values: [[]] } }, active: 'BM03' });
    await new OfficeWorkbook().highlight([], []);
    expect(fake.syncs()).toBe(0);
  });
});

describe('writing sheets', () => {
  it('inserts a template: one read, then one batch with values, formats, names, validation and metadata', async () => {
    install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1' });
    const options = { period: '2024-H1', unit: { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' as const } };
    await new OfficeWorkbook().writeSheets([buildTemplateSheet(bm03, options)], [sheetMetadataFor(bm03, options)]);
    expect(fake.syncs()).toBe(2);
    const added = fake.writes.filter((w) => w.path === 'add()').map((w) => w.value);
    expect(added).toContain('BM03');
    expect(added).toContain('_chitieu');
    const names = fake.writes.filter((w) => w.target === 'names' && w.path === 'add()').map((w) => (w.value as [string])[0]);
    expect(names).toContain('BM03_TT02_KQ');
    const values = fake.writes.find((w) => w.target.startsWith('BM03!A1') && w.path === 'values');
    expect((values!.value as unknown[][])[0]![0]).toBe('BIỂU MẪU BM03. THỦ TỤC HÀNH CHÍNH VÀ DỊCH VỤ CÔNG TRỰC TUYẾN');
    const formulas = fake.writes.filter((w) => w.target.startsWith('BM03!') && w.path === 'formulas').flatMap((w) => (w.value as unknown[][]).flat());
    expect(formulas.filter((f) => f !== null).every((f) => typeof f === 'string' && f.startsWith('=IF('))).toBe(true);
    expect(fake.writes.some((w) => w.path === 'dataValidation.rule')).toBe(true);
    expect(fake.writes.find((w) => w.target === '_chitieu' && w.path === 'visibility')?.value).toBe('VeryHidden');
    // Protected after everything else of the sheet is written, with the yellow inputs unlocked and formats open for highlights.
    const onSheet = fake.writes.filter((w) => w.target.startsWith('BM03'));
    const protect = onSheet.findIndex((w) => w.path === 'protection.protect()');
    expect(protect).toBeGreaterThan(0);
    expect(onSheet.slice(protect + 1).map((w) => w.path)).toEqual(['activate()']);
    expect(onSheet[protect]!.value).toMatchObject({ allowFormatCells: true, allowInsertRows: false });
    const unlocked = fake.writes.filter((w) => w.path === 'format.protection.locked').map((w) => [w.target, w.value]);
    expect(unlocked.length).toBeGreaterThan(0);
    // The figures (E7 down) and the notes column: nothing else of the sheet takes typing.
    expect(unlocked).toContainEqual(['BM03!E7:E23', false]);
    expect(unlocked.every(([target, value]) => /^BM03!E|^BM03!F/.test(String(target)) && value === false)).toBe(true);
  });

  it('gives every validation the alert .xlsx files give it, its prompt, and prints title rows and columns', async () => {
    install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1' });
    const sheet = buildTemplateSheet(bm03);
    const whole = sheet.validations.find((v) => v.kind === 'whole')!;
    const withPrompt = { ...whole, prompt: 'Số hồ sơ tiếp nhận trong kỳ' };
    await new OfficeWorkbook().writeSheets([{ ...sheet, validations: [withPrompt], print: { ...sheet.print!, titleCols: { first: 0, last: 2 } } }], []);
    const written = (path: string) => fake.writes.find((w) => w.path === path)?.value;
    const alert = validationAlert(whole);
    expect(written('dataValidation.errorAlert')).toEqual({ showAlert: true, style: 'Warning', title: alert.title, message: alert.message });
    expect(written('dataValidation.prompt')).toEqual({ showPrompt: true, title: '', message: 'Số hồ sơ tiếp nhận trong kỳ' });
    expect(written('pageLayout.setPrintTitleRows()')).toBe(`$${sheet.print!.titleRows!.first + 1}:$${sheet.print!.titleRows!.last + 1}`);
    expect(written('pageLayout.setPrintTitleColumns()')).toBe('$A:$C');
  });

  it('prints in the margins the page breaks were laid out in, with the break that keeps the signature with the last row', async () => {
    install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1', excelApi: '1.9' });
    const sheet = buildTemplateSheet(bm03);
    await new OfficeWorkbook().writeSheets([{ ...sheet, print: { ...sheet.print!, rowBreaks: [20] } }], []);
    const written = (path: string) => fake.writes.find((w) => w.path === path)?.value;
    expect(written('pageLayout.topMargin')).toBe(PRINT_MARGINS.top * 72);
    expect(written('pageLayout.leftMargin')).toBe(PRINT_MARGINS.left * 72);
    expect(fake.writes.filter((w) => w.path.startsWith('horizontalPageBreaks.add'))).toHaveLength(1);
  });

  it('refuses a sheet that exists, unless asked to replace it', async () => {
    install({ sheets: { BM03: { values: [[]] } }, active: 'BM03' });
    const wb = new OfficeWorkbook();
    await expect(wb.writeSheets([buildTemplateSheet(bm03)], [])).rejects.toThrow('Bảng tính đã có trang "BM03".');
    await wb.writeSheets([buildTemplateSheet(bm03)], [], [], { replace: true });
    expect(fake.writes.find((w) => w.target === 'BM03' && w.path === 'delete()')).toBeDefined();
  });

  it('uses notes only where Excel supports them', async () => {
    const bm01 = getTemplate('BM01')!;
    install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1', excelApi: '1.9' });
    await new OfficeWorkbook().writeSheets([buildTemplateSheet(bm01)], []);
    expect(fake.writes.some((w) => w.path === 'notes.add()')).toBe(false);
    install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1', excelApi: '1.18' });
    await new OfficeWorkbook().writeSheets([buildTemplateSheet(bm01)], []);
    expect(fake.writes.some((w) => w.path === 'notes.add()')).toBe(true);
  });
});

describe('seed figures through the Excel layer', () => {
  it('give the engine’s verdict on the seed', async () => {
    const { values, names, meta } = filledBm03();
    const at = (ref: string) => names.find((n) => n.name === cellName('BM03', ref))!;
    const fix = at('TT01.KQ').formula.match(/\$(\w)\$(\d+)/)!;
    values[Number(fix[2]) - 1]![fix[1]!.charCodeAt(0) - 65] = Number(String(BM03_2024_H1.values!['TT01.KQ']).replace('.', ''));
    install({ sheets: { BM03: { values }, _chitieu: { values: meta } }, names, active: 'BM03' });
    const read = await new OfficeWorkbook().readSheet();
    const [check] = checkGrid(read.grid, 'BM03', { names: read.names, period: '2024-H1' });
    expect(check!.report.valid).toBe(true);
  });
});

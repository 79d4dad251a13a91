import { describe, expect, it } from 'vitest';
import { templateFor } from '../../../shared/templates';
import { a1, buildTemplateSheet, cellName, sheetMetadataFor } from '../../../shared/workbook';
import { display } from '../../harness/render';
import { checkSheetRead } from '../check';
import { MemoryWorkbook } from '../excel/memory-workbook';
import { showHighlights } from './highlight';

describe('what a marked cell shows', () => {
  it('a count written with decimals shows them while it is marked, as the message quotes it; its format comes back once fixed', async () => {
    const bm03 = templateFor('BM03', '2024-H1')!;
    const wb = new MemoryWorkbook();
    const options = { period: '2024-H1', unit: { code: 'KPA', kind: 'district' as const } };
    const model = buildTemplateSheet(bm03, options);
    await wb.writeSheets([model], [sheetMetadataFor(bm03, options)]);
    const at = model.names.find((n) => n.name === cellName('BM03', 'HS01.KQ'))!;
    const address = a1(at.row, at.col);
    const check = async () => {
      const checks = checkSheetRead(await wb.readSheet('BM03'), 'BM03', 'vi', 'district', '2024-06-10', {});
      await showHighlights(wb, 'BM03', checks);
      return checks;
    };

    wb.type(address, '1.200,5', 'BM03');
    expect(display(wb.cell('BM03', at.row, at.col))).toBe('1.201');
    const checks = await check();
    const issue = checks[0]!.report.errors.find((e) => e.cells.includes('HS01.KQ'))!;
    expect(issue.message).toContain('1.200,5');
    expect(display(wb.cell('BM03', at.row, at.col))).toBe('1.200,5');

    wb.type(address, '1.200', 'BM03');
    await check();
    expect(wb.cell('BM03', at.row, at.col)!.numberFormat).toBe('#,##0');
    expect(display(wb.cell('BM03', at.row, at.col))).toBe('1.200');
  });
});

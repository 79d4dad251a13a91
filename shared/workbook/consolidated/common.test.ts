import { describe, expect, it } from 'vitest';
import type { CellModel, SheetModel } from '../model';
import { HEADER_ROWS, fitColumnWidths, fitColumns, fitWrappedRows, keepSignatureWithTable, linesIn, printLayout, signatureUnder } from './common';

function sheet(cells: CellModel[], columnWidths: number[], extra: Partial<SheetModel> = {}): SheetModel {
  return { name: 'S', cells, merges: [], columnWidths, names: [], validations: [], ...extra };
}

describe('column widths fitted to their content', () => {
  it('widens a code column until the code holds on one line, and leaves wide enough columns alone', () => {
    const cells: CellModel[] = [
      { row: HEADER_ROWS, col: 0, value: 'Mã ĐV', style: 'header' },
      { row: HEADER_ROWS + 1, col: 0, value: 'BMT-HOATHANG', style: 'plain' },
      { row: HEADER_ROWS + 1, col: 1, value: 'Sở Y tế', style: 'unitName0' },
    ];
    const widths = fitColumnWidths(sheet(cells, [12, 40]));
    expect(widths[0]).toBeGreaterThan(12);
    expect(linesIn('BMT-HOATHANG', widths[0]!)).toBe(1);
    expect(widths[1]).toBe(40);
  });

  it('fits a column added to a sheet from its own cells, headers kept to two lines', () => {
    const header = 'Người duyệt báo cáo cuối cùng';
    const cells: CellModel[] = [
      { row: HEADER_ROWS, col: 0, value: header, style: 'header' },
      { row: HEADER_ROWS + 1, col: 0, value: 'Nguyễn Thị Minh Khai', style: 'plain' },
    ];
    const [width] = fitColumnWidths(sheet(cells, [6]));
    expect(linesIn(header, width!, 11, { bold: true })).toBeLessThanOrEqual(2);
    // A wrapping cell needs its longest word, not its whole text.
    expect(width).toBeLessThan(30);
  });

  it('widens a table narrower than its title so the title holds on one line', () => {
    const title = 'TÌNH HÌNH NỘP BÁO CÁO THEO ĐƠN VỊ CẤP HUYỆN (GỒM CẤP XÃ)';
    const s = fitColumns(sheet([{ row: 0, col: 0, value: title, style: 'title' }], [12, 40, 12, 12], { merges: [{ row: 0, col: 0, rows: 1, cols: 4 }] }));
    expect(linesIn(title, s.columnWidths.reduce((a, w) => a + w, 0), 14, { bold: true })).toBe(1);
  });
});

describe('row heights fitted to their text', () => {
  it('wraps a heading line wider than the table across the table, in a row as high as its lines', () => {
    const subtitle = 'Tỉnh Đắk Lắk · Kỳ báo cáo: 6 tháng đầu năm 2024 (2024-H1) · Cơ quan tổng hợp: Sở Thông tin và Truyền thông';
    const s = fitWrappedRows(sheet([{ row: 2, col: 0, value: subtitle, style: 'subtitle' }, { row: HEADER_ROWS, col: 0, value: 'x', style: 'plain' }], [10, 10]));
    expect(s.cells[0]!.style).toBe('subtitleWrapped');
    expect(s.merges).toContainEqual({ row: 2, col: 0, rows: 1, cols: 2 });
    expect(s.rowHeights![2]).toBeGreaterThanOrEqual(3 * 15);
    // A one-line row of the table is a line high; the gap under the heading is a gap.
    expect(s.rowHeights![HEADER_ROWS]).toBeLessThan(15);
    expect(s.rowHeights![HEADER_ROWS - 1]).toBeLessThan(10);
  });
});

describe('the signature block kept with the table', () => {
  const withRows = (rows: number) => {
    const cells: CellModel[] = [{ row: HEADER_ROWS, col: 0, value: 'STT', style: 'header' }];
    for (let r = 1; r <= rows; r++) cells.push({ row: HEADER_ROWS + r, col: 0, value: r, style: 'index' });
    cells.push(...signatureUnder(HEADER_ROWS + rows, 0, 1, 'vi'));
    return fitWrappedRows(sheet(cells, [60, 60], { print: printLayout(HEADER_ROWS) }));
  };

  it('breaks the page before the last row where the block would fall to the next page', () => {
    const counts = Array.from({ length: 60 }, (_, i) => i + 1);
    const broken = counts.filter((n) => keepSignatureWithTable(withRows(n)).print?.rowBreaks);
    // Some tables end near the page's foot, most do not.
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.length).toBeLessThan(20);
    for (const n of broken) expect(keepSignatureWithTable(withRows(n)).print!.rowBreaks).toEqual([HEADER_ROWS + n - 1]);
  });

  it('leaves a short table alone', () => {
    expect(keepSignatureWithTable(withRows(3)).print?.rowBreaks).toBeUndefined();
  });
});

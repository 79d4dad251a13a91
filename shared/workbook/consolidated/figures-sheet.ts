/** "Số liệu toàn tỉnh": every provincial figure of the period, one table under its own header on every page. */
import type { Lang } from '../../i18n';
import { templateOf } from '../../templates';
import type { CellModel, CellStyle, SheetModel } from '../model';
import { SHEET_WORDS } from '../words';
import { HEADER_ROWS, headerLines, noneLine, printLayout, signatureUnder, valueCell, type ConsolidatedInput } from './common';

export const FIGURES_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.figuresSheet, en: SHEET_WORDS.en.figuresSheet };

export function figuresSheet(input: ConsolidatedInput): SheetModel {
  const lang: Lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const cells: CellModel[] = [...headerLines(w.figuresTitle(input.province), input)];
  const headerRow = HEADER_ROWS;
  w.summaryFiguresHeaders.forEach((h, col) => cells.push({ row: headerRow, col, value: h, style: 'header' }));
  let r = headerRow + 1;
  const merges: SheetModel['merges'] = [{ row: 0, col: 0, rows: 1, cols: 5 }];
  for (const c of input.consolidations) {
    const template = templateOf(c.template)!;
    if (template.kind === 'list') {
      const counts = c.total.statusCounts;
      if (!counts) continue;
      for (const s of template.statuses) {
        cells.push({ row: r, col: 0, value: template.id, style: 'code' }, { row: r, col: 1, value: s.code, style: 'code' });
        cells.push({ row: r, col: 2, value: w.tasksOf(s.label[lang], counts.counts[s.code] ?? 0, counts.total), style: 'label1' });
        cells.push({ row: r, col: 3, value: '%', style: 'unit' }, valueCell(r, 4, counts.shares[s.code] ?? null, 'percent'));
        r++;
      }
      continue;
    }
    for (const row of template.rows) {
      const v = c.total.values[`${row.code}.KQ`];
      if (v === null || v === undefined || row.code.startsWith('CT')) continue;
      cells.push({ row: r, col: 0, value: template.id, style: 'code' }, { row: r, col: 1, value: row.code, style: 'code' });
      cells.push({ row: r, col: 2, value: row.label[lang], style: `label${row.level}` as CellStyle }, { row: r, col: 3, value: row.unit[lang], style: 'unit' });
      cells.push(valueCell(r, 4, v, row.measure));
      r++;
    }
  }
  if (r === headerRow + 1) {
    // Nothing filed: one bordered line across the table says so.
    const none = noneLine(r++, w.summaryFiguresEmpty, 5);
    cells.push(...none.cells);
    merges.push(none.merge);
  }
  cells.push(...signatureUnder(r - 1, 2, 4, lang));
  return {
    name: FIGURES_SHEET[lang],
    cells,
    merges,
    columnWidths: [9, 9, 70, 14, 16],
    rowHeights: { 0: 24, [headerRow]: 32 },
    names: [],
    validations: [],
    frozen: { rows: headerRow + 1, cols: 0 },
    print: printLayout(headerRow),
    tabColor: '1E6B30',
  };
}

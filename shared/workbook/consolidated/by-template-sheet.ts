/** "Nộp theo mẫu": reports filed and missing for each template, with its chart, so every period's workbook has one. */
import type { Lang } from '../../i18n';
import type { CellModel, ChartModel, SheetModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { SHEET_WORDS } from '../words';
import { HEADER_ROWS, headerLines, printLayout, signatureUnder, type ConsolidatedInput } from './common';

export const BY_TEMPLATE_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.byTemplateSheet, en: SHEET_WORDS.en.byTemplateSheet };

/** The sheet, or null for a period with nothing to consolidate. */
export function byTemplateSheet(input: ConsolidatedInput): { sheet: SheetModel; charts: ChartModel[] } | null {
  if (input.consolidations.length === 0) return null;
  const lang: Lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const name = BY_TEMPLATE_SHEET[lang];
  const cells: CellModel[] = [...headerLines(w.byTemplateChart.toUpperCase(), input)];
  const headerRow = HEADER_ROWS;
  w.byTemplateHeaders.forEach((h, col) => cells.push({ row: headerRow, col, value: h, style: 'header' }));
  let r = headerRow + 1;
  for (const c of input.consolidations) {
    const k = c.completeness;
    cells.push(
      { row: r, col: 0, value: c.template.id, style: 'code' },
      { row: r, col: 1, value: k.submitted, numberFormat: NUMBER_FORMATS.count, style: 'value' },
      { row: r, col: 2, value: k.missing.length, numberFormat: NUMBER_FORMATS.count, style: 'value' },
    );
    r++;
  }
  cells.push(...signatureUnder(r - 1, 0, 2, lang));
  return {
    sheet: {
      name,
      cells,
      // The title across the table and the chart beside it, so it never wraps.
      merges: [{ row: 0, col: 0, rows: 1, cols: 8 }],
      columnWidths: [16, 14, 14, 4, 12, 12, 12, 12],
      rowHeights: { 0: 24 },
      names: [],
      validations: [],
      frozen: { rows: headerRow + 1, cols: 0 },
      print: printLayout(headerRow),
      tabColor: 'A4262C',
    },
    charts: [{ sheet: name, kind: 'columnStacked', title: w.byTemplateChart, source: { row: headerRow, col: 0, rows: r - headerRow, cols: 3 }, anchor: { row: headerRow, col: 4 }, width: 480, height: 260 }],
  };
}

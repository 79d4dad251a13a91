/** "Cảnh báo": every warning of a report not yet accepted, with the clerk's explanation. */
import type { Lang } from '../../i18n';
import type { CellModel, SheetModel } from '../model';
import { HEADER_ROWS, headerLines, noneLine, printLayout, signatureUnder, type ConsolidatedInput } from './common';
import { SHEET_WORDS } from '../words';

export const WARNINGS_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.warningsSheet, en: SHEET_WORDS.en.warningsSheet };

export function warningsSheet(input: ConsolidatedInput): SheetModel {
  const lang: Lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const cells: CellModel[] = [...headerLines(w.warningsTitle, input)];
  let r = HEADER_ROWS;
  w.warningsHeaders.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
  const headerRow = r;
  r++;
  let index = 1;
  for (const c of input.consolidations) {
    const names = new Map(c.units.map((u) => [u.code, u.name]));
    for (const warning of c.completeness.openWarnings) {
      cells.push(
        { row: r, col: 0, value: index++, style: 'index' },
        { row: r, col: 1, value: c.template.id, style: 'code' },
        { row: r, col: 2, value: warning.unit, style: 'plain' },
        { row: r, col: 3, value: names.get(warning.unit) ?? warning.unit, style: 'label1' },
        { row: r, col: 4, value: warning.cells.join(', '), style: 'muted' },
        { row: r, col: 5, value: warning.message, style: 'label1' },
        { row: r, col: 6, value: warning.note ?? w.notExplained, style: warning.note ? 'label1' : 'bad' },
      );
      r++;
    }
  }
  const merges: SheetModel['merges'] = [{ row: 0, col: 0, rows: 1, cols: 7 }];
  if (index === 1) {
    // One bordered line across the table says there is none.
    const none = noneLine(r++, w.noWarnings, 7);
    cells.push(...none.cells);
    merges.push(none.merge);
  }

  cells.push(...signatureUnder(r - 1, 3, 6, lang));
  return {
    name: WARNINGS_SHEET[lang],
    cells,
    merges,
    columnWidths: [6, 9, 14, 32, 22, 70, 45],
    rowHeights: { 0: 24 },
    names: [],
    validations: [],
    frozen: { rows: headerRow + 1, cols: 0 },
    print: printLayout(headerRow),
    tabColor: 'C19C00',
  };
}

/** "Cảnh báo": every warning still open, with the clerk's explanation, and districts that differ from their communes. */
import type { Lang } from '../../i18n';
import { templateFor } from '../../templates';
import type { CellModel, SheetModel } from '../model';
import { HEADER_ROWS, headerLines, printLayout, valueCell, type ConsolidatedInput } from './common';
import { templateCells } from '../../templates/cells';
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
  if (index === 1) {
    cells.push({ row: r++, col: 1, value: w.noWarnings, style: 'plain' });
  }

  const checks = input.consolidations.flatMap((c) => c.districtChecks.map((d) => ({ ...d, template: c.template.id })));
  if (checks.length > 0) {
    r++;
    cells.push({ row: r++, col: 0, value: w.districtChecks, style: 'subtitle' });
    w.districtCheckHeaders.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
    r++;
    checks.forEach((d, i) => {
      const template = templateFor(d.template, input.period);
      const info = template?.kind === 'indicator' ? templateCells(template).get(d.ref) : undefined;
      const measure = info?.measure ?? 'count';
      cells.push(
        { row: r, col: 0, value: i + 1, style: 'index' },
        { row: r, col: 1, value: d.template, style: 'code' },
        { row: r, col: 2, value: d.district, style: 'plain' },
        { row: r, col: 3, value: d.ref, style: 'muted' },
        valueCell(r, 4, d.districtValue, measure),
        valueCell(r, 5, d.communesSum, measure),
        {
          row: r,
          col: 6,
          value: d.complete ? w.communesComplete(d.communes) : w.communesPartial(d.communes),
          style: d.complete ? 'bad' : 'muted',
        },
      );
      r++;
    });
  }
  return {
    name: WARNINGS_SHEET[lang],
    cells,
    merges: [{ row: 0, col: 0, rows: 1, cols: 7 }],
    columnWidths: [6, 9, 14, 32, 22, 70, 45],
    rowHeights: { 0: 24 },
    names: [],
    validations: [],
    frozen: { rows: headerRow + 1, cols: 0 },
    print: printLayout(headerRow),
    tabColor: 'C19C00',
  };
}

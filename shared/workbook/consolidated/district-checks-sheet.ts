/** "Đối chiếu huyện - xã": district figures that differ from the sum of their communes, for a period with districts. */
import type { Lang } from '../../i18n';
import { templateFor } from '../../templates';
import { templateCells } from '../../templates/cells';
import type { CellModel, SheetModel } from '../model';
import { SHEET_WORDS } from '../words';
import { HEADER_ROWS, headerLines, noneLine, printLayout, signatureUnder, valueCell, type ConsolidatedInput } from './common';

export const DISTRICT_CHECKS_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.districtChecksSheet, en: SHEET_WORDS.en.districtChecksSheet };

/** The sheet, or null for a period without districts. */
export function districtChecksSheet(input: ConsolidatedInput): SheetModel | null {
  if (!input.consolidations.some((c) => c.structure.districts)) return null;
  const lang: Lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const names = new Map(input.consolidations.flatMap((c) => c.units.map((u) => [u.code, u.name] as const)));
  const cells: CellModel[] = [...headerLines(w.districtChecks, input)];
  const headerRow = HEADER_ROWS;
  w.districtCheckHeaders.forEach((h, col) => cells.push({ row: headerRow, col, value: h, style: 'header' }));
  let r = headerRow + 1;
  const merges: SheetModel['merges'] = [{ row: 0, col: 0, rows: 1, cols: 7 }];
  const checks = input.consolidations.flatMap((c) => c.districtChecks.map((d) => ({ ...d, template: c.template.id })));
  checks.forEach((d, i) => {
    const template = templateFor(d.template, input.period);
    const info = template?.kind === 'indicator' ? templateCells(template).get(d.ref) : undefined;
    const measure = info?.measure ?? 'count';
    cells.push(
      { row: r, col: 0, value: i + 1, style: 'index' },
      { row: r, col: 1, value: d.template, style: 'code' },
      { row: r, col: 2, value: names.get(d.district) ?? d.district, style: 'unitName0' },
      { row: r, col: 3, value: info ? `${info.row.code}: ${info.row.label[lang]}` : d.ref, style: 'label1' },
      valueCell(r, 4, d.districtValue, measure === 'target' || measure === 'text' ? 'count' : measure),
      valueCell(r, 5, d.communesSum, measure === 'target' || measure === 'text' ? 'count' : measure),
      { row: r, col: 6, value: d.complete ? w.communesComplete(d.communes) : w.communesPartial(d.communes), style: d.complete ? 'bad' : 'muted' },
    );
    r++;
  });
  if (checks.length === 0) {
    const none = noneLine(r++, w.noDistrictChecks, 7);
    cells.push(...none.cells);
    merges.push(none.merge);
  }
  cells.push(...signatureUnder(r - 1, 2, 5, lang));
  return {
    name: DISTRICT_CHECKS_SHEET[lang],
    cells,
    merges,
    columnWidths: [6, 9, 30, 44, 14, 14, 28],
    rowHeights: { 0: 24 },
    names: [],
    validations: [],
    frozen: { rows: headerRow + 1, cols: 0 },
    print: printLayout(headerRow),
    tabColor: 'C19C00',
  };
}

/** "Nộp theo huyện": how many of each district's expected reports (its communes' included) came in, with its chart. */
import type { Lang } from '../../i18n';
import type { CellModel, ChartModel, SheetModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { SHEET_WORDS } from '../words';
import { HEADER_ROWS, headerLines, printLayout, signatureUnder, type ConsolidatedInput } from './common';

export const BY_DISTRICT_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.byDistrictSheet, en: SHEET_WORDS.en.byDistrictSheet };

/** District by district: expected reports and those filed, summed over templates; a district's communes count with it. */
export function filingByDistrict(input: ConsolidatedInput): Map<string, { expected: number; submitted: number }> {
  const byDistrict = new Map<string, { expected: number; submitted: number }>();
  for (const c of input.consolidations) {
    for (const line of c.units) {
      const district = line.kind === 'district' ? line.code : line.kind === 'commune' ? line.parent : null;
      if (!district || !line.expected) continue;
      const d = byDistrict.get(district) ?? { expected: 0, submitted: 0 };
      d.expected++;
      if (line.submission) d.submitted++;
      byDistrict.set(district, d);
    }
  }
  return byDistrict;
}

/** The sheet, or null for a period without districts. */
export function byDistrictSheet(input: ConsolidatedInput): { sheet: SheetModel; charts: ChartModel[] } | null {
  const byDistrict = filingByDistrict(input);
  if (byDistrict.size === 0) return null;
  const lang: Lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const name = BY_DISTRICT_SHEET[lang];
  const names = new Map(input.consolidations.flatMap((c) => c.units.map((u) => [u.code, u.name] as const)));
  const cells: CellModel[] = [...headerLines(w.byDistrictTitle, input)];
  const headerRow = HEADER_ROWS;
  const headers = [w.byDistrictHeaders[0]!, w.unitHeaders[2]!, w.byDistrictHeaders[1]!, w.byDistrictHeaders[2]!];
  headers.forEach((h, col) => cells.push({ row: headerRow, col, value: h, style: 'header' }));
  let r = headerRow + 1;
  for (const [district, d] of byDistrict) {
    cells.push(
      { row: r, col: 0, value: district, style: 'code' },
      { row: r, col: 1, value: names.get(district) ?? district, style: 'unitName0' },
      { row: r, col: 2, value: d.submitted, numberFormat: NUMBER_FORMATS.count, style: 'value' },
      { row: r, col: 3, value: d.expected - d.submitted, numberFormat: NUMBER_FORMATS.count, style: 'value' },
    );
    r++;
  }
  cells.push(...signatureUnder(r - 1, 1, 3, lang));
  return {
    sheet: {
      name,
      cells,
      merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
      columnWidths: [12, 40, 12, 12],
      rowHeights: { 0: 24 },
      names: [],
      validations: [],
      frozen: { rows: headerRow + 1, cols: 0 },
      print: printLayout(headerRow),
      tabColor: 'A4262C',
    },
    // The chart beside the table, over the district's name and the two counts.
    charts: [{ sheet: name, kind: 'columnStacked', title: w.byDistrictChart, source: { row: headerRow, col: 1, rows: r - headerRow, cols: 3 }, anchor: { row: headerRow, col: 5 }, width: 560, height: 300 }],
  };
}

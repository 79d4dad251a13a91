/** "Tình hình nộp báo cáo": every expected unit and template, filed or not, when, how late, by whom, reviewed or not and by whom. */
import type { Lang } from '../../i18n';
import type { CellModel, SheetModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { SHEET_WORDS } from '../words';
import { HEADER_ROWS, formatTime, headerLines, kindWord, printLayout, signatureUnder, statusWord, type ConsolidatedInput } from './common';

export const COMPLETENESS_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.completenessSheet, en: SHEET_WORDS.en.completenessSheet };

export function completenessSheet(input: ConsolidatedInput): SheetModel {
  const lang: Lang = input.lang ?? 'vi';
  const name = COMPLETENESS_SHEET[lang];
  const w = SHEET_WORDS[lang];
  const cells: CellModel[] = [...headerLines(w.completenessTitle, input)];
  const heads = w.completenessHeaders;
  let r = HEADER_ROWS;
  heads.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
  const headerRow = r;
  r++;

  let index = 1;
  for (const c of input.consolidations) {
    const open = new Map<string, number>();
    for (const w of c.completeness.openWarnings) open.set(w.unit, (open.get(w.unit) ?? 0) + 1);
    for (const line of c.units) {
      if (!line.expected && !line.submission) continue;
      const s = line.submission;
      cells.push(
        { row: r, col: 0, value: index++, style: 'index' },
        { row: r, col: 1, value: line.code, style: 'plain' },
        { row: r, col: 2, value: line.name, style: line.kind === 'commune' ? 'unitName1' : 'unitName0' },
        { row: r, col: 3, value: kindWord(line.kind, lang), style: 'muted' },
        { row: r, col: 4, value: line.parent ?? '', style: 'muted' },
        { row: r, col: 5, value: c.template.id, style: 'code' },
        { row: r, col: 6, value: statusWord(s?.status ?? null, lang), style: !s || s.status === 'returned' ? 'bad' : s.status === 'accepted' ? 'good' : 'plain' },
        { row: r, col: 7, value: s ? formatTime(s.firstReceivedAt) : '', style: 'muted' },
        s ? { row: r, col: 8, value: s.daysLate, numberFormat: NUMBER_FORMATS.count, style: s.daysLate > 0 ? 'bad' : 'value' } : { row: r, col: 8, style: 'value' },
        s ? { row: r, col: 9, value: s.revision, numberFormat: NUMBER_FORMATS.count, style: 'value' } : { row: r, col: 9, style: 'value' },
        { row: r, col: 10, value: s ? formatTime(s.receivedAt) : '', style: 'muted' },
        // Names are people's own text: written as strings, never read as formulas.
        { row: r, col: 11, value: s?.submitterName ?? '', style: 'plain' },
        { row: r, col: 12, value: s?.reviewerName ?? '', style: 'plain' },
        { row: r, col: 13, value: open.get(line.code) ?? 0, numberFormat: NUMBER_FORMATS.count, style: 'value' },
      );
      r++;
    }
  }
  cells.push(...signatureUnder(r - 1, 2, 6, lang));

  return {
      name,
      cells,
      merges: [{ row: 0, col: 0, rows: 1, cols: 14 }],
      columnWidths: [6, 16, 40, 16, 9, 8, 11, 18, 9, 8, 18, 22, 22, 16],
      rowHeights: { 0: 24, [headerRow]: 32 },
      names: [],
      validations: [],
      frozen: { rows: headerRow + 1, cols: 3 },
      print: printLayout(headerRow),
      tabColor: 'A4262C',
  };
}

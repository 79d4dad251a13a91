/** "Tổng hợp": the period at a glance: who filed, and the key indicators against their targets. */
import type { Lang } from '../../i18n';
import { achievementOf } from '../../validation/cell-checks';
import { parseTarget } from '../../validation/target';
import { templateOf } from '../../templates';
import type { IndicatorTemplate } from '../../templates/schema';
import type { CellModel, ChartModel, SheetModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { HEADER_ROWS, headerLines, noneLine, printLayout, signatureUnder, valueCell, type ConsolidatedInput } from './common';
import { SHEET_WORDS } from '../words';

export const SUMMARY_SHEET: Record<Lang, string> = { vi: SHEET_WORDS.vi.summarySheet, en: SHEET_WORDS.en.summarySheet };

export function summarySheet(input: ConsolidatedInput): { sheet: SheetModel; charts: ChartModel[] } {
  const lang: Lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const name = SUMMARY_SHEET[lang];
  const cells: CellModel[] = [];
  const charts: ChartModel[] = [];
  cells.push(
    ...headerLines(w.summaryTitle(input.province), input),
  );
  let r = HEADER_ROWS;

  // A. Completeness by template.
  cells.push({ row: r++, col: 0, value: w.summaryFiling, style: 'subtitle' });
  w.summaryFilingHeaders.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
  r++;
  for (const c of input.consolidations) {
    const k = c.completeness;
    const counts = [k.expected, k.submitted, k.onTime, k.late.length, k.missing.length, k.returned.length, new Set(k.openWarnings.map((w) => w.unit)).size];
    cells.push({ row: r, col: 0, value: c.template.id, style: 'code' }, { row: r, col: 1, style: 'plain' }, { row: r, col: 2, value: c.template.title[lang], style: 'plain' });
    counts.forEach((n, i) => cells.push({ row: r, col: 3 + i, value: n, numberFormat: NUMBER_FORMATS.count, style: 'value' }));
    cells.push(valueCell(r, 10, k.expected ? (k.submitted / k.expected) * 100 : null, 'percent'));
    r++;
  }
  r++;

  const merges: SheetModel['merges'] = [{ row: 0, col: 0, rows: 1, cols: 11 }];
  /** A section with nothing to show says why, in one bordered line across the table. */
  const emptySection = (text: string) => {
    const none = noneLine(r++, text, 6);
    cells.push(...none.cells);
    merges.push(none.merge);
  };

  // B. Key indicators (BM01): target against result, achieved or not.
  const bm01 = input.consolidations.find((c) => c.template.id === 'BM01');
  cells.push({ row: r++, col: 0, value: w.summaryKey, style: 'subtitle' });
  if (!bm01) {
    emptySection(w.summaryKeyNotFiled);
    r++;
  } else {
    const template = templateOf(bm01.template) as IndicatorTemplate;
    const chartTop = r;
    w.summaryKeyHeaders.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
    r++;
    let numericRows = 0;
    for (const row of template.rows) {
      const mt = bm01.total.values[`${row.code}.MT`];
      const kq = bm01.total.values[`${row.code}.KQ`];
      if ((mt === null || mt === undefined) && (kq === null || kq === undefined)) continue;
      cells.push({ row: r, col: 0, value: row.code, style: 'code' }, { row: r, col: 1, style: 'plain' }, { row: r, col: 2, value: row.label[lang], style: 'label1' });
      cells.push(valueCell(r, 3, mt ?? null, row.measure), valueCell(r, 4, kq ?? null, row.measure));
      const target = mt === null || mt === undefined ? null : parseTarget(mt, row.measure);
      const verdict = target && typeof kq === 'number' ? achievementOf(target, kq) : null;
      cells.push({
        row: r,
        col: 5,
        value: verdict === null ? '' : verdict === 'achieved' ? w.achieved : w.notAchieved,
        style: verdict === null ? 'plain' : verdict === 'achieved' ? 'good' : 'bad',
      });
      if (typeof mt === 'number' || typeof kq === 'number') numericRows++;
      r++;
    }
    if (r === chartTop + 1) emptySection(w.summaryKeyEmpty(bm01.completeness.submitted, bm01.completeness.expected));
    if (numericRows > 0) {
      charts.push({
        sheet: name,
        kind: 'barClustered',
        title: w.summaryKeyChart,
        source: { row: chartTop, col: 2, rows: r - chartTop, cols: 3 },
        anchor: { row: chartTop, col: 7 },
        width: 520,
        height: Math.max(260, 18 * (r - chartTop)),
      });
    }
    r++;
  }

  cells.push(...signatureUnder(r - 2, 2, 5, lang));

  return {
    sheet: {
      name,
      cells,
      merges,
      columnWidths: [9, 9, 55, 12, 12, 12, 11, 11, 11, 12, 12],
      rowHeights: { 0: 24 },
      names: [],
      validations: [],
      frozen: { rows: HEADER_ROWS, cols: 0 },
      // The heading lines on every page: the two short tables below fit the first page, each under its header.
      print: printLayout(HEADER_ROWS - 2),
      tabColor: '1E6B30',
    },
    charts,
  };
}


/** "Tổng hợp": the period at a glance: who filed, the key indicators against their targets, the provincial figures. */
import type { Lang } from '../../numbers/format';
import { achievementOf } from '../../validation/cell-checks';
import { parseTarget } from '../../validation/target';
import { getTemplate } from '../../templates';
import type { IndicatorTemplate } from '../../templates/schema';
import type { CellModel, CellStyle, ChartModel, SheetModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { HEADER_ROWS, headerLines, valueCell, type ConsolidatedInput } from './common';

export const SUMMARY_SHEET = { vi: 'Tổng hợp', en: 'Summary' } as const;

export function summarySheet(input: ConsolidatedInput): { sheet: SheetModel; charts: ChartModel[] } {
  const lang: Lang = input.lang ?? 'vi';
  const name = SUMMARY_SHEET[lang];
  const cells: CellModel[] = [];
  const charts: ChartModel[] = [];
  cells.push(
    ...headerLines(
      lang === 'vi'
        ? `BÁO CÁO TỔNG HỢP CHỈ TIÊU CHUYỂN ĐỔI SỐ TỈNH ${input.province.toUpperCase()}`
        : `DIGITAL TRANSFORMATION INDICATORS OF ${input.province.toUpperCase()} PROVINCE`,
      input,
    ),
  );
  let r = HEADER_ROWS;

  // A. Completeness by template.
  cells.push({ row: r++, col: 0, value: lang === 'vi' ? 'A. TÌNH HÌNH NỘP BÁO CÁO' : 'A. FILING', style: 'subtitle' });
  const heads = lang === 'vi'
    ? ['Mẫu', '', 'Tên biểu mẫu', 'Phải nộp', 'Đã nộp', 'Đúng hạn', 'Trễ hạn', 'Chưa nộp', 'Trả lại', 'Cảnh báo mở', 'Tỷ lệ đã nộp']
    : ['Template', '', 'Title', 'Expected', 'Filed', 'On time', 'Late', 'Missing', 'Returned', 'Open warnings', 'Share filed'];
  heads.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
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

  // B. Key indicators (BM01): target against result, achieved or not.
  const bm01 = input.consolidations.find((c) => c.template.id === 'BM01');
  if (bm01) {
    const template = getTemplate('BM01') as IndicatorTemplate;
    cells.push({ row: r++, col: 0, value: lang === 'vi' ? 'B. KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHỦ YẾU (BM01)' : 'B. KEY INDICATORS (BM01)', style: 'subtitle' });
    const chartTop = r;
    const bHeads = lang === 'vi' ? ['Mã', '', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'] : ['Code', '', 'Indicator', 'Target', 'Result', 'Achievement'];
    bHeads.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
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
        value: verdict === null ? '' : verdict === 'achieved' ? (lang === 'vi' ? 'Đạt' : 'Achieved') : lang === 'vi' ? 'Chưa đạt' : 'Not achieved',
        style: verdict === null ? 'plain' : verdict === 'achieved' ? 'good' : 'bad',
      });
      if (typeof mt === 'number' || typeof kq === 'number') numericRows++;
      r++;
    }
    if (numericRows > 0) {
      charts.push({
        sheet: name,
        kind: 'barClustered',
        title: lang === 'vi' ? 'Mục tiêu và kết quả các chỉ tiêu chủ yếu' : 'Key indicators: target and result',
        source: { row: chartTop, col: 2, rows: r - chartTop, cols: 3 },
        anchor: { row: chartTop, col: 7 },
        width: 520,
        height: Math.max(260, 18 * (r - chartTop)),
      });
    }
    r++;
  }

  // C. Provincial figures of every template.
  cells.push({ row: r++, col: 0, value: lang === 'vi' ? 'C. SỐ LIỆU TỔNG HỢP TOÀN TỈNH' : 'C. PROVINCIAL FIGURES', style: 'subtitle' });
  const cHeads = lang === 'vi' ? ['Mẫu', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng tỉnh'] : ['Template', 'Code', 'Indicator', 'Unit', 'Province'];
  cHeads.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
  r++;
  for (const c of input.consolidations) {
    const template = getTemplate(c.template.id)!;
    if (template.kind === 'list') {
      const counts = c.total.statusCounts;
      if (!counts) continue;
      for (const s of template.statuses) {
        cells.push({ row: r, col: 0, value: template.id, style: 'code' }, { row: r, col: 1, value: s.code, style: 'code' });
        cells.push({ row: r, col: 2, value: `${lang === 'vi' ? 'Nhiệm vụ' : 'Tasks'}: ${s.label[lang]} (${counts.counts[s.code] ?? 0}/${counts.total})`, style: 'label1' });
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

  return {
    sheet: {
      name,
      cells,
      merges: [{ row: 0, col: 0, rows: 1, cols: 11 }],
      columnWidths: [9, 9, 55, 12, 12, 12, 11, 11, 11, 12, 12],
      rowHeights: { 0: 24 },
      names: [],
      validations: [],
      frozen: { rows: HEADER_ROWS, cols: 0 },
      print: { landscape: true, fitToWidth: true },
      tabColor: '1E6B30',
    },
    charts,
  };
}


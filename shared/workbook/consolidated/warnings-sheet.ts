/** "Cảnh báo": every warning still open, with the clerk's explanation, and districts that differ from their communes. */
import type { Lang } from '../../numbers/format';
import { getTemplate } from '../../templates';
import type { CellModel, SheetModel } from '../model';
import { HEADER_ROWS, headerLines, valueCell, type ConsolidatedInput } from './common';
import { templateCells } from '../../templates/cells';

export const WARNINGS_SHEET = { vi: 'Cảnh báo', en: 'Warnings' } as const;

export function warningsSheet(input: ConsolidatedInput): SheetModel {
  const lang: Lang = input.lang ?? 'vi';
  const cells: CellModel[] = [...headerLines(lang === 'vi' ? 'CẢNH BÁO CÒN MỞ VÀ GIẢI TRÌNH CỦA ĐƠN VỊ' : 'OPEN WARNINGS AND EXPLANATIONS', input)];
  let r = HEADER_ROWS;
  const heads = lang === 'vi' ? ['STT', 'Mẫu', 'Mã ĐV', 'Đơn vị', 'Ô', 'Cảnh báo', 'Giải trình của đơn vị'] : ['No.', 'Template', 'Unit code', 'Unit', 'Cells', 'Warning', 'Explanation'];
  heads.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
  const headerRow = r;
  r++;
  let index = 1;
  for (const c of input.consolidations) {
    const names = new Map(c.units.map((u) => [u.code, u.name]));
    for (const w of c.completeness.openWarnings) {
      cells.push(
        { row: r, col: 0, value: index++, style: 'index' },
        { row: r, col: 1, value: c.template.id, style: 'code' },
        { row: r, col: 2, value: w.unit, style: 'plain' },
        { row: r, col: 3, value: names.get(w.unit) ?? w.unit, style: 'label1' },
        { row: r, col: 4, value: w.cells.join(', '), style: 'muted' },
        { row: r, col: 5, value: w.message, style: 'label1' },
        { row: r, col: 6, value: w.note ?? (lang === 'vi' ? '(chưa giải trình)' : '(not explained)'), style: w.note ? 'label1' : 'bad' },
      );
      r++;
    }
  }
  if (index === 1) {
    cells.push({ row: r++, col: 1, value: lang === 'vi' ? 'Không có cảnh báo nào còn mở.' : 'No open warnings.', style: 'plain' });
  }

  const checks = input.consolidations.flatMap((c) => c.districtChecks.map((d) => ({ ...d, template: c.template.id })));
  if (checks.length > 0) {
    r++;
    cells.push({ row: r++, col: 0, value: lang === 'vi' ? 'SỐ LIỆU CẤP HUYỆN KHÁC TỔNG CẤP XÃ' : 'DISTRICT FIGURES THAT DIFFER FROM THEIR COMMUNES', style: 'subtitle' });
    const dHeads = lang === 'vi' ? ['STT', 'Mẫu', 'Huyện', 'Ô', 'Số cấp huyện', 'Tổng cấp xã', 'Ghi chú'] : ['No.', 'Template', 'District', 'Cell', 'District figure', 'Communes sum', 'Note'];
    dHeads.forEach((h, col) => cells.push({ row: r, col, value: h, style: 'header' }));
    r++;
    checks.forEach((d, i) => {
      const template = getTemplate(d.template);
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
          value: d.complete
            ? lang === 'vi' ? `Đủ ${d.communes} xã đã nộp: cần đối chiếu` : `All ${d.communes} communes filed: reconcile`
            : lang === 'vi' ? `Mới ${d.communes} xã nộp` : `Only ${d.communes} communes filed`,
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
    print: { landscape: true, fitToWidth: true, titleRows: { first: headerRow, last: headerRow } },
    tabColor: 'C19C00',
  };
}

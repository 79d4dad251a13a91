/** Where things sit on a template sheet. Readers do not rely on it (they find cells by name and by code), writers do. */
import type { Lang } from '../numbers/format';
import { parsePeriod, periodLabel } from '../periods';
import type { Template, UnitKind } from '../templates/schema';

export const LAYOUT = {
  titleRow: 0,
  unitRow: 1,
  metaRow: 2,
  instructionRow: 3,
  headerRow: 4,
  keyRow: 5,
  firstDataRow: 6,
  indexCol: 0,
  codeCol: 1,
  labelCol: 2,
  unitCol: 3,
  firstValueCol: 4,
} as const;

export interface UnitInfo {
  code: string;
  name?: string;
  kind?: UnitKind;
}

export interface TemplateSheetOptions {
  unit?: UnitInfo;
  period?: string;
  lang?: Lang;
}

/** The defined name of a template cell: `BM03_TT02_KQ`. */
export function cellName(templateId: string, ref: string): string {
  return `${templateId}_${ref.replace('.', '_')}`;
}

/** `BM03_TT02_KQ` → `TT02.KQ` for that template, else undefined. */
export function refFromName(templateId: string, name: string): string | undefined {
  const prefix = `${templateId}_`;
  if (!name.toUpperCase().startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length).toUpperCase();
  const us = rest.lastIndexOf('_');
  if (us <= 0) return undefined;
  return `${rest.slice(0, us)}.${rest.slice(us + 1)}`;
}

export const LIST_RANGE_SUFFIX = 'DS';

export function sheetTitle(template: Template, lang: Lang): string {
  return `${lang === 'vi' ? 'BIỂU MẪU' : 'TEMPLATE'} ${template.id}. ${template.title[lang].toUpperCase()}`;
}

export function unitLine(unit: UnitInfo | undefined, lang: Lang): string {
  const label = lang === 'vi' ? 'Đơn vị báo cáo' : 'Reporting unit';
  if (!unit) return `${label}: ……………………`;
  return `${label}: ${unit.name ? `${unit.name} (${unit.code})` : unit.code}`;
}

export function periodLine(period: string | undefined, lang: Lang): string {
  const label = lang === 'vi' ? 'Kỳ báo cáo' : 'Period';
  const parsed = period ? parsePeriod(period) : undefined;
  if (!parsed) return `${label}: ……………………`;
  return `${label}: ${periodLabel(parsed, lang)} (${parsed.code})`;
}

export function metaLine(template: Template, lang: Lang): string {
  return lang === 'vi'
    ? `Mẫu ${template.id} · phiên bản ${template.version} · nguồn: ${template.source}`
    : `Template ${template.id} · version ${template.version} · source: ${template.source}`;
}

export function instructionLine(template: Template, lang: Lang): string {
  if (template.kind === 'list') {
    return lang === 'vi'
      ? 'Mỗi dòng một nhiệm vụ. Chọn trạng thái trong danh sách; thời hạn ghi dd/mm/yyyy. Giải trình nhiệm vụ quá hạn ở cột Kết quả.'
      : 'One task per row. Pick the status from the list; write deadlines as dd/mm/yyyy. Explain overdue tasks in the result column.';
  }
  return lang === 'vi'
    ? 'Nhập số liệu vào ô màu vàng; ô màu xám là công thức. Để trống ô không có số liệu (không ghi 0). Giải trình cảnh báo ở cột Ghi chú.'
    : 'Type figures in the yellow cells; grey cells are formulas. Leave a cell blank when there is no figure (do not write 0). Explain warnings in the note column.';
}

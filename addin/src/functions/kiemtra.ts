/**
 * `=CHITIEU.KIEMTRA(range, "BM03")`: the engine's verdict on a range, as a table that spills
 * (code, cell, message), or "OK". Pure: the registration wraps it for Excel.
 */
import type { Lang } from '../../../shared/i18n';
import { ENGINE_VERSION, type Issue } from '../../../shared/validation';
import { parseSheetAddress, type RawValue, type SheetGrid } from '../../../shared/workbook';
import { checkGrid } from '../check';

export type Cell = string | number | boolean;

const HEADER: Record<Lang, Cell[]> = { vi: ['Mã', 'Ô', 'Nội dung'], en: ['Code', 'Cell', 'Message'] };

/** The grid Excel passes, placed where the range sits (so issues name real cells). */
export function gridOf(values: readonly (readonly unknown[])[], address: string | undefined): SheetGrid {
  const at = address ? parseSheetAddress(address) : undefined;
  const clean: RawValue[][] = values.map((line) => line.map((v) => (v === '' || v === undefined ? null : (v as RawValue))));
  return at ? { sheet: at.sheet, values: clean, originRow: at.row, originCol: at.col } : { sheet: 'Sheet', values: clean };
}

function where(issue: Issue): string {
  const address = issue.addresses?.[0];
  if (address) return address.slice(address.lastIndexOf('!') + 1);
  return issue.cells[0] ?? '';
}

/** The spilled table. */
export function kiemtra(values: readonly (readonly unknown[])[], templateId: string, address?: string, period?: string, lang: Lang = 'vi'): Cell[][] {
  const results = checkGrid(gridOf(values, address), templateId, { period: period ?? '', lang });
  const rows: Cell[][] = [];
  let errors = 0;
  let warnings = 0;
  for (const { label, report } of results) {
    const prefix = label ? `[${label}] ` : '';
    for (const e of report.errors) {
      rows.push([e.code, where(e), prefix + e.message]);
      errors++;
    }
    for (const w of report.warnings) {
      const tag = lang === 'vi' ? (w.explained ? 'Cảnh báo (đã giải trình)' : 'Cảnh báo') : w.explained ? 'Warning (explained)' : 'Warning';
      rows.push([w.code, where(w), `${prefix}${tag}: ${w.message}`]);
      warnings++;
    }
  }
  if (rows.length === 0) return [['OK']];
  const first = results[0]!.report;
  const summary =
    lang === 'vi'
      ? `Mẫu ${first.template} phiên bản ${first.templateVersion}: ${errors} lỗi, ${warnings} cảnh báo`
      : `Template ${first.template} version ${first.templateVersion}: ${errors} error(s), ${warnings} warning(s)`;
  return [HEADER[lang], ...rows, ['chitieu', ENGINE_VERSION, summary]];
}

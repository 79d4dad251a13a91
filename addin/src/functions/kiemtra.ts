/**
 * `=CHITIEU.KIEMTRA(range, "BM03")`: the engine's verdict on a range, as a table that spills
 * (code, cell, message), or "OK". Pure: the registration wraps it for Excel.
 */
import { catalogue, type Lang } from '../../../shared/i18n';
import { ENGINE_VERSION, type Issue } from '../../../shared/validation';
import { parseSheetAddress, type RawValue, type SheetGrid } from '../../../shared/workbook';
import { checkGrid } from '../check';

export type Cell = string | number | boolean;

const WORDS = catalogue({
  vi: {
    header: ['Mã', 'Ô', 'Nội dung'],
    warning: (explained: boolean) => (explained ? 'Cảnh báo (đã giải trình)' : 'Cảnh báo'),
    summary: (template: string, version: string, errors: number, warnings: number) => `Mẫu ${template} phiên bản ${version}: ${errors} lỗi, ${warnings} cảnh báo`,
  },
  en: {
    header: ['Code', 'Cell', 'Message'],
    warning: (explained: boolean) => (explained ? 'Warning (explained)' : 'Warning'),
    summary: (template: string, version: string, errors: number, warnings: number) => `Template ${template} version ${version}: ${errors} error(s), ${warnings} warning(s)`,
  },
});

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
      const tag = WORDS[lang].warning(w.explained === true);
      rows.push([w.code, where(w), `${prefix}${tag}: ${w.message}`]);
      warnings++;
    }
  }
  if (rows.length === 0) return [['OK']];
  const first = results[0]!.report;
  const summary = WORDS[lang].summary(first.template, first.templateVersion, errors, warnings);
  return [WORDS[lang].header, ...rows, ['chitieu', ENGINE_VERSION, summary]];
}

/** Issues become cell fills; the next check puts the cells back to their template fill first. */
import { NUMBER_FORMATS, PROVINCE_ROW_CODE, STYLES, numberFormatFor } from '../../../shared/workbook';
import { getTemplate, templateCells, templateOf } from '../../../shared/templates';
import type { SheetCheck } from '../check';
import type { Highlight, Restore, WorkbookPort } from '../excel/port';

interface Before {
  fill: string | null;
  /** The template's number format, when the mark widened it. */
  numberFormat?: string;
}

/** Per sheet: the cells marked by the last check, with the fill (and format) each had. */
const marked = new Map<string, Map<string, Before>>();

/** Formats that show whole numbers only: a value with decimals in them shows rounded. */
const WHOLE_FORMATS: readonly string[] = [NUMBER_FORMATS.count, NUMBER_FORMATS.rank];

/**
 * Where a cell's template format would show a marked value rounded (`1.200,5` as 1.201, while the
 * message quotes 1.200,5), the format that shows it as written, and the one to put back after.
 */
function widened(templateId: string, ref: string, value: unknown): { show: string; template: string } | undefined {
  if (typeof value !== 'number' || Number.isInteger(value)) return undefined;
  const template = getTemplate(templateId);
  const info = template?.kind === 'indicator' ? templateCells(template).get(ref) : undefined;
  if (!info) return undefined;
  const format = numberFormatFor(info.measure, info.row);
  if (!WHOLE_FORMATS.includes(format)) return undefined;
  const decimals = Math.min(10, (String(value).split('.')[1] ?? '').length);
  return { show: `${format.startsWith('#,##') ? '#,##0' : '0'}.${'0'.repeat(Math.max(1, decimals))}`, template: format };
}

function fillOf(templateId: string, version: string, ref: string, label: string | null): string | null {
  // On a consolidated sheet only the provincial total row has a fill.
  if (label) return Object.values(PROVINCE_ROW_CODE).includes(label) ? (STYLES.total.fill ?? null) : null;
  const template = templateOf({ id: templateId, version });
  if (template?.kind !== 'indicator') return STYLES.inputText.fill ?? null;
  const info = templateCells(template).get(ref);
  if (!info) return null;
  if (!info.input || info.row.share) return STYLES.derived.fill ?? null;
  return (info.column.key === 'GC' ? STYLES.inputText.fill : STYLES.input.fill) ?? null;
}

export async function showHighlights(port: WorkbookPort, sheet: string, checks: readonly SheetCheck[]): Promise<void> {
  const before = marked.get(sheet) ?? new Map<string, Before>();
  const now = new Map<string, Before>();
  const marks: Highlight[] = [];
  for (const check of checks) {
    for (const issue of [...check.report.errors, ...check.report.warnings]) {
      if (issue.severity === 'warning' && issue.explained) continue;
      issue.addresses?.forEach((address, i) => {
        if (now.has(address)) return;
        const ref = issue.cells[i] ?? '';
        // Only on a template sheet: a consolidated sheet's cells keep their format.
        const format = check.label === null ? widened(check.report.template, ref, issue.values[ref]) : undefined;
        now.set(address, { fill: fillOf(check.report.template, check.report.templateVersion, ref, check.label), ...(format ? { numberFormat: format.template } : {}) });
        marks.push({ address, severity: issue.severity, ...(format ? { numberFormat: format.show } : {}) });
      });
    }
  }
  const restore: Restore[] = [...before]
    .filter(([address]) => !now.has(address) || (before.get(address)!.numberFormat && !now.get(address)!.numberFormat))
    .map(([address, b]) => (now.has(address) ? { address, fill: null, ...(b.numberFormat ? { numberFormat: b.numberFormat } : {}) } : { address, fill: b.fill, ...(b.numberFormat ? { numberFormat: b.numberFormat } : {}) }));
  marked.set(sheet, now);
  await port.highlight(restore, marks);
}

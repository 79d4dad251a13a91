/** Issues become cell fills; the next check puts the cells back to their template fill first. */
import { PROVINCE_ROW_CODE, STYLES } from '../../../shared/workbook';
import { templateCells, templateOf } from '../../../shared/templates';
import type { SheetCheck } from '../check';
import type { Highlight, Restore, WorkbookPort } from '../excel/port';

/** Per sheet: the cells marked by the last check and the fill each had. */
const marked = new Map<string, Map<string, string | null>>();

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
  const before = marked.get(sheet) ?? new Map<string, string | null>();
  const now = new Map<string, string | null>();
  const marks: Highlight[] = [];
  for (const check of checks) {
    for (const issue of [...check.report.errors, ...check.report.warnings]) {
      if (issue.severity === 'warning' && issue.explained) continue;
      issue.addresses?.forEach((address, i) => {
        if (now.has(address)) return;
        now.set(address, fillOf(check.report.template, check.report.templateVersion, issue.cells[i] ?? '', check.label));
        marks.push({ address, severity: issue.severity });
      });
    }
  }
  const restore: Restore[] = [...before].filter(([address]) => !now.has(address)).map(([address, fill]) => ({ address, fill }));
  marked.set(sheet, now);
  await port.highlight(restore, marks);
}

/**
 * The auditor's recompute of a consolidated sheet: the provincial total's row checked against the
 * unit rows beneath it, each difference an error on the total's report, at its cell.
 */
import { auditProvinceTotal } from '../../shared/consolidation';
import type { Lang } from '../../shared/i18n';
import type { Unit } from '../../shared/registry/units';
import { parsePeriod } from '../../shared/periods';
import { getTemplate, templateOf } from '../../shared/templates';
import { PROVINCE_ROW_CODE } from '../../shared/workbook';
import type { SheetCheck } from './check';

const TOTAL_LABELS = new Set(Object.values(PROVINCE_ROW_CODE));

/** Whether the checks are of a consolidated indicator sheet, with a provincial total to recompute. */
export function hasProvinceTotal(checks: readonly SheetCheck[]): boolean {
  return checks.some((c) => c.label !== null && TOTAL_LABELS.has(c.label));
}

/** The checks with the total's report carrying every cell that is not what its unit rows add up to. */
export function withTotalAudit(checks: readonly SheetCheck[], templateId: string, registry: readonly Unit[], lang: Lang): SheetCheck[] {
  // The consolidated sheet's own version (its period's), as its checks were made with.
  const version = checks[0]?.report.templateVersion;
  const template = version ? templateOf({ id: templateId, version }) : getTemplate(templateId);
  if (template?.kind !== 'indicator' || !hasProvinceTotal(checks)) return [...checks];
  const total = checks.find((c) => c.label !== null && TOTAL_LABELS.has(c.label))!;
  // Balances and the catalogue are counted as of the period's end: a sheet without its period has nothing to recompute against.
  const period = parsePeriod(total.submission.period);
  if (!period) return [...checks];
  const rows = checks.filter((c) => c !== total && c.label !== null).map((c) => ({ code: c.label!, values: c.submission.values ?? {} }));
  const issues = auditProvinceTotal(template, period, { code: total.label!, values: total.submission.values ?? {}, ...(total.locate ? { locate: total.locate } : {}) }, rows, registry, lang);
  if (issues.length === 0) return [...checks];
  const report = { ...total.report, valid: false, submittable: false, errors: [...total.report.errors, ...issues] };
  return checks.map((c) => (c === total ? { ...total, report } : c));
}

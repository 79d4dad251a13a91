/**
 * The auditor's second look at a consolidated sheet: the provincial total recomputed from the unit
 * rows on the sheet (the same way the consolidation makes it), every cell that differs an issue at
 * its cell. A unit row changed by hand, or a total typed over, shows up here.
 */
import type { Lang } from '../i18n';
import { roundTo } from '../numbers/decimal';
import type { Unit } from '../registry/units';
import { catalogueKeeperOn } from '../registry/coordinator';
import type { Period } from '../periods';
import { templateCells } from '../templates/cells';
import type { IndicatorTemplate } from '../templates/schema';
import { renderMessage } from '../validation/messages';
import type { Issue } from '../validation/issues';
import { provinceTotal, type TotalLine } from './total';
import { endedBefore, partOfPeriod } from './coverage';

export interface SheetRow {
  /** The unit code of the row, or the provincial total's own code. */
  code: string;
  values: Record<string, number | string | null>;
  locate?: (ref: string) => string | undefined;
}

/** Digits a share is compared at: what a sheet shows, far finer than any report. */
const SHARE_DIGITS = 4;

function differs(written: number | string | null | undefined, recomputed: number | string | null, share: boolean): boolean {
  if (recomputed === null) return false;
  if (typeof recomputed === 'string') return typeof written === 'string' && written !== recomputed;
  if (typeof written !== 'number') return true;
  if (share) return roundTo(written, SHARE_DIGITS) !== roundTo(recomputed, SHARE_DIGITS);
  return Math.abs(written - recomputed) > 1e-9 * Math.max(1, Math.abs(recomputed));
}

/**
 * Issues for every cell of `total` that is not what the unit rows add up to. `registry` tells each
 * row's kind and district, whether it held its balances at the period's end, and who keeps the
 * catalogue; rows of codes it does not know are left out of the sum, as the consolidation would.
 */
export function auditProvinceTotal(template: IndicatorTemplate, period: Period, total: SheetRow, rows: readonly SheetRow[], registry: readonly Unit[], lang: Lang): Issue[] {
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const lines: TotalLine[] = rows.flatMap((r) => {
    const unit = byCode.get(r.code);
    if (!unit) return [];
    const values = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null)) as Record<string, number | string>;
    return [{ code: r.code, kind: unit.kind, parent: unit.parent, values, atEnd: !endedBefore(partOfPeriod(r.code, period, registry), period) }];
  });
  const recomputed = provinceTotal(template, lines, { catalogueKeeper: catalogueKeeperOn(registry, period.end)?.code ?? null });
  const cells = templateCells(template);
  const issues: Issue[] = [];
  for (const [ref, value] of Object.entries(recomputed)) {
    const info = cells.get(ref);
    const share = info?.measure === 'percent';
    const written = total.values[ref];
    if (!differs(written, value, share)) continue;
    const draft = { code: 'total_mismatch' as const, severity: 'error' as const, cells: [ref], values: { [ref]: written ?? null }, expected: share && typeof value === 'number' ? roundTo(value, 2) : value };
    const issue: Issue = { ...draft, message: renderMessage(draft, template, lang) };
    const address = total.locate?.(ref);
    if (address) issue.addresses = [address];
    issues.push(issue);
  }
  return issues;
}

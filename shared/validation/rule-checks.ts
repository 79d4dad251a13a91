/** The template's rules on a report's figures (each kind in shared/rules), and sharp jumps from the previous period. */
import { ruleKindOf } from '../rules';
import type { IndicatorTemplate } from '../templates/schema';
import type { DraftIssue, Normalized } from './normalize';

export interface RuleCheckResult {
  issues: DraftIssue[];
  checked: number;
  skipped: number;
}

/** A jump this many times up or down from the previous period is worth a second look. */
const JUMP_FACTOR = 3;
/** Below this previous value, swings are noise. */
const JUMP_FLOOR = 10;

export function ruleChecks(
  template: IndicatorTemplate,
  normalized: Normalized,
  previous?: Record<string, number | string | null>,
  /** Cells already in error: rules on them would only repeat the problem. */
  broken: ReadonlySet<string> = new Set(),
  /** The period and units `previous` is of, named in the message. */
  compared?: { period: string; units: readonly string[] },
): RuleCheckResult {
  const issues: DraftIssue[] = [];
  let checked = 0;
  let skipped = 0;

  const num = (ref: string): { value: number; decimals: number } | undefined => {
    const cell = normalized.cells.get(ref);
    return cell && cell.kind === 'number' && !broken.has(ref) ? { value: cell.value, decimals: cell.decimals } : undefined;
  };
  const values = (refs: string[]): Record<string, number | null> =>
    Object.fromEntries(refs.map((r) => [r, num(r)?.value ?? null]));

  for (const rule of template.rules) {
    const kind = ruleKindOf(rule);
    const refs = kind.cells(rule);
    if (refs.some((ref) => num(ref) === undefined)) {
      skipped++;
      continue;
    }
    const outcome = kind.evaluate(rule, (ref) => num(ref)!, { allowTruncatedShares: template.allowTruncatedShares });
    if (outcome === 'skip') {
      skipped++;
      continue;
    }
    checked++;
    if (outcome) {
      const { code, ...found } = outcome;
      issues.push({ rule: rule.id, code, severity: kind.issues[code].severity, cells: refs, values: values(refs), ...found });
    }
  }

  if (previous) {
    for (const cell of normalized.cells.values()) {
      if (cell.kind !== 'number' || cell.info.column.key !== 'KQ') continue;
      if (cell.info.measure !== 'count' && cell.info.measure !== 'money') continue;
      const before = previous[cell.ref];
      if (typeof before !== 'number' || before < JUMP_FLOOR) continue;
      const ratio = cell.value / before;
      if (ratio >= JUMP_FACTOR || ratio <= 1 / JUMP_FACTOR) {
        issues.push({
          code: 'jump',
          severity: 'warning',
          cells: [cell.ref],
          values: { [cell.ref]: cell.value },
          params: { previous: before, factor: JUMP_FACTOR, ...(compared ? { period: compared.period, units: compared.units.join(', ') } : {}) },
        });
      }
    }
  }
  return { issues, checked, skipped };
}

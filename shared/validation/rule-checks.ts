/** Rules between cells: parts add up, a part never exceeds its whole, written shares match their fractions. */
import { floatSlack, halfUnit, roundTo, sumDecimal } from '../numbers';
import type { IndicatorTemplate, Rule } from '../templates/schema';
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
    const refs = refsOf(rule);
    const operands = refs.map(num);
    if (operands.some((o) => o === undefined)) {
      skipped++;
      continue;
    }
    const outcome = evaluate(rule, (ref) => num(ref)!);
    if (outcome === 'skip') {
      skipped++;
      continue;
    }
    checked++;
    if (outcome) issues.push({ rule: rule.id, cells: refs, values: values(refs), ...outcome });
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
          params: { previous: before, factor: JUMP_FACTOR },
        });
      }
    }
  }
  return { issues, checked, skipped };

  /** An issue, nothing when the rule holds, or `skip` when it cannot apply (a zero denominator). */
  function evaluate(
    rule: Rule,
    get: (ref: string) => { value: number; decimals: number },
  ): Omit<DraftIssue, 'cells' | 'values' | 'rule'> | undefined | 'skip' {
    switch (rule.kind) {
      case 'sum': {
        const total = get(rule.total);
        const expected = sumDecimal(rule.parts.map((p) => get(p).value));
        const tolerance = halfUnit(total.decimals) + floatSlack(total.value, expected);
        if (Math.abs(total.value - expected) <= tolerance) return undefined;
        return {
          code: 'sum_mismatch',
          severity: 'error',
          expected,
          params: { difference: sumDecimal([total.value, -expected]) },
        };
      }
      case 'le': {
        const part = get(rule.part).value;
        const whole = get(rule.whole).value;
        if (part <= whole + floatSlack(part, whole)) return undefined;
        return { code: 'part_exceeds_whole', severity: 'error', params: { excess: sumDecimal([part, -whole]) } };
      }
      case 'ratio': {
        const share = get(rule.share);
        const numerator = sumDecimal(rule.numerator.map((r) => get(r).value));
        const denominator = get(rule.denominator).value;
        if (denominator === 0) return 'skip';
        const exact = (numerator / denominator) * 100;
        const d = Math.min(share.decimals, 10);
        if (shareMatches(share.value, d, numerator, denominator, template.allowTruncatedShares)) return undefined;
        return {
          code: 'share_mismatch',
          severity: 'error',
          expected: roundTo(exact, Math.max(d, 2)),
          params: { exact: roundTo(exact, 4), decimals: d, numerator, denominator },
        };
      }
      case 'min_share': {
        const numerator = sumDecimal(rule.numerator.map((r) => get(r).value));
        const denominator = get(rule.denominator).value;
        if (denominator === 0) return 'skip';
        const share = (numerator / denominator) * 100;
        if (share >= rule.min) return undefined;
        return {
          code: 'share_below_min',
          severity: 'warning',
          params: { share: roundTo(share, 2), min: rule.min, numerator, denominator },
        };
      }
      case 'plausible_ge': {
        const larger = get(rule.larger).value;
        const smaller = get(rule.smaller).value;
        if (larger >= smaller) return undefined;
        return { code: 'implausible', severity: 'warning' };
      }
    }
  }
}

/**
 * Does a written percentage match its fraction at the precision it was written with?
 * Half a unit of the last written digit; one unit below where truncation is allowed
 * (published reports write 9/63 as 14,28%).
 */
export function shareMatches(written: number, decimals: number, numerator: number, denominator: number, allowTruncated = true): boolean {
  if (denominator === 0) return false;
  const exact = (numerator / denominator) * 100;
  const slack = floatSlack(exact);
  if (Math.abs(written - exact) <= halfUnit(decimals) + slack) return true;
  return allowTruncated && written <= exact + slack && exact - written < 10 ** -decimals + slack;
}

export function refsOf(rule: Rule): string[] {
  switch (rule.kind) {
    case 'sum':
      return [rule.total, ...rule.parts];
    case 'le':
      return [rule.part, rule.whole];
    case 'ratio':
      return [rule.share, ...rule.numerator, rule.denominator];
    case 'min_share':
      return [...rule.numerator, rule.denominator];
    case 'plausible_ge':
      return [rule.larger, rule.smaller];
  }
}


/**
 * A written percentage matches its fraction at the precision it was written with: within half a unit
 * of the last digit, or one unit below where reports truncate (9/63 written as 14,28%).
 */
import { z } from 'zod';
import { floatSlack, halfUnit, roundTo, sumDecimal } from '../numbers';
import { CellRefSchema, RULE_BASE, defineRuleKind, type IssueView, type IssueWriter } from './kind';

export function shareMatches(written: number, decimals: number, numerator: number, denominator: number, allowTruncated = true): boolean {
  if (denominator === 0) return false;
  const exact = (numerator / denominator) * 100;
  const slack = floatSlack(exact);
  if (Math.abs(written - exact) <= halfUnit(decimals) + slack) return true;
  return allowTruncated && written <= exact + slack && exact - written < 10 ** -decimals + slack;
}

/** The parts of a share_mismatch message: the share, its fraction written out, and the precision. */
function fraction(i: IssueView, w: IssueWriter) {
  const share = i.cells[0] ?? '';
  const numerator = i.cells.slice(1, -1).map((c) => w.cell(c)).join(' + ');
  const denominator = w.cell(i.cells[i.cells.length - 1] ?? '');
  // At the precision written; a whole number written (95%) gets the two decimals reports use, so
  // 99,5746% is suggested as 99,57%, not rounded up to a 100% nobody reached.
  const written = Number(i.params?.decimals ?? 2);
  const decimals = written === 0 ? 2 : written;
  return {
    share,
    formula: `${numerator} / ${denominator} = ${w.num(i.params?.numerator)} / ${w.num(i.params?.denominator)} = ${w.pct(i.params?.exact)}`,
    decimals,
    expected: w.pct(i.expected ?? null, decimals),
  };
}

export const ratio = defineRuleKind({
  schema: z.object({ ...RULE_BASE, kind: z.literal('ratio'), share: CellRefSchema, numerator: z.array(CellRefSchema).min(1), denominator: CellRefSchema }),
  cells: (rule) => [rule.share, ...rule.numerator, rule.denominator],
  evaluate(rule, get, context) {
    const share = get(rule.share);
    const numerator = sumDecimal(rule.numerator.map((r) => get(r).value));
    const denominator = get(rule.denominator).value;
    if (denominator === 0) return 'skip';
    const exact = (numerator / denominator) * 100;
    const d = Math.min(share.decimals, 10);
    if (shareMatches(share.value, d, numerator, denominator, context.allowTruncatedShares)) return undefined;
    return { code: 'share_mismatch', expected: roundTo(exact, Math.max(d, 2)), params: { exact: roundTo(exact, 4), decimals: d, numerator, denominator } };
  },
  definitionProblems: (rule, measureOf) => (measureOf(rule.share) === 'percent' ? [] : [`ô tỷ lệ ${rule.share} phải là %`]),
  issues: {
    share_mismatch: {
      severity: 'error',
      message: {
        vi: (i, w) => {
          const f = fraction(i, w);
          return `Tỷ lệ ${w.named(f.share)} ghi ${w.value(f.share, i.values[f.share])} không khớp với ${f.formula}; nên ghi ${f.expected}.`;
        },
        en: (i, w) => {
          const f = fraction(i, w);
          return `The share ${w.named(f.share)} = ${w.value(f.share, i.values[f.share])} does not match ${f.formula}; it should read ${f.expected}.`;
        },
      },
    },
  },
});

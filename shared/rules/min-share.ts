/** A share at or above a minimum, or a warning the clerk explains (seed 004 §III.5: security ≥ 10% of spending). */
import { z } from 'zod';
import { roundTo, sumDecimal } from '../numbers';
import { CellRefSchema, RULE_BASE, defineRuleKind, type IssueView, type IssueWriter } from './kind';

const fractionOf = (i: IssueView, w: IssueWriter) =>
  `(${i.cells.slice(0, -1).map((c) => w.cell(c)).join(' + ')}) / ${w.cell(i.cells[i.cells.length - 1] ?? '')} = ${w.pct(i.params?.share)}`;

export const minShare = defineRuleKind({
  schema: z.object({
    ...RULE_BASE,
    kind: z.literal('min_share'),
    numerator: z.array(CellRefSchema).min(1),
    denominator: CellRefSchema,
    /** Percent points. */
    min: z.number().min(0).max(100),
  }),
  cells: (rule) => [...rule.numerator, rule.denominator],
  evaluate(rule, get) {
    const numerator = sumDecimal(rule.numerator.map((r) => get(r).value));
    const denominator = get(rule.denominator).value;
    if (denominator === 0) return 'skip';
    const share = (numerator / denominator) * 100;
    if (share >= rule.min) return undefined;
    return { code: 'share_below_min', params: { share: roundTo(share, 2), min: rule.min, numerator, denominator } };
  },
  issues: {
    share_below_min: {
      severity: 'warning',
      message: {
        vi: (i, w) => `Tỷ lệ ${fractionOf(i, w)} thấp hơn mức tối thiểu ${w.pct(i.params?.min)}; cần giải trình ở cột Ghi chú.`,
        en: (i, w) => `The share ${fractionOf(i, w)} is below the minimum of ${w.pct(i.params?.min)}; explain it in the note column.`,
      },
    },
  },
});

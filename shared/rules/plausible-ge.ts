/** A pair that should not be the wrong way round (trained people ≥ classes held): a warning, not an error. */
import { z } from 'zod';
import { CellRefSchema, RULE_BASE, defineRuleKind } from './kind';

export const plausibleGe = defineRuleKind({
  schema: z.object({ ...RULE_BASE, kind: z.literal('plausible_ge'), larger: CellRefSchema, smaller: CellRefSchema }),
  cells: (rule) => [rule.larger, rule.smaller],
  evaluate(rule, get) {
    return get(rule.larger).value >= get(rule.smaller).value ? undefined : { code: 'implausible' };
  },
  issues: {
    implausible: {
      severity: 'warning',
      message: {
        vi: ({ cells: [larger = '', smaller = ''], values }, w) =>
          `${w.named(larger)} = ${w.value(larger, values[larger])} nhỏ hơn ${w.cell(smaller)} = ${w.value(smaller, values[smaller])}, điều này bất thường; hãy kiểm tra hoặc giải trình.`,
        en: ({ cells: [larger = '', smaller = ''], values }, w) =>
          `${w.named(larger)} = ${w.value(larger, values[larger])} is smaller than ${w.cell(smaller)} = ${w.value(smaller, values[smaller])}, which is unusual; check it or explain it.`,
      },
    },
  },
});

/** Parts add up to their total (`TT01 = TT02 + TT03 + TT04`), at the precision the total was written with. */
import { z } from 'zod';
import { floatSlack, halfUnit, sumDecimal } from '../numbers';
import { CellRefSchema, RULE_BASE, defineRuleKind } from './kind';

export const sum = defineRuleKind({
  schema: z.object({ ...RULE_BASE, kind: z.literal('sum'), total: CellRefSchema, parts: z.array(CellRefSchema).min(2) }),
  cells: (rule) => [rule.total, ...rule.parts],
  evaluate(rule, get) {
    const total = get(rule.total);
    const expected = sumDecimal(rule.parts.map((p) => get(p).value));
    const tolerance = halfUnit(total.decimals) + floatSlack(total.value, expected);
    if (Math.abs(total.value - expected) <= tolerance) return undefined;
    return { code: 'sum_mismatch', expected, params: { difference: sumDecimal([total.value, -expected]) } };
  },
  issues: {
    sum_mismatch: {
      severity: 'error',
      message: {
        vi: (i, w) => {
          const [total = '', ...parts] = i.cells;
          const difference = i.params?.difference;
          return `Tổng không khớp: ${w.named(total)} = ${w.value(total, i.values[total])} nhưng ${parts.map((c) => w.cell(c)).join(' + ')} = ${w.value(total, i.expected)} (chênh ${w.num(typeof difference === 'number' ? Math.abs(difference) : difference)}).`;
        },
        en: (i, w) => {
          const [total = '', ...parts] = i.cells;
          const difference = i.params?.difference;
          return `The total does not add up: ${w.named(total)} = ${w.value(total, i.values[total])} but ${parts.map((c) => w.cell(c)).join(' + ')} = ${w.value(total, i.expected)} (difference ${w.num(typeof difference === 'number' ? Math.abs(difference) : difference)}).`;
        },
      },
    },
  },
});

/** A part never exceeds its whole (`HS02 ≤ HS01`). */
import { z } from 'zod';
import { floatSlack, sumDecimal } from '../numbers';
import { CellRefSchema, RULE_BASE, defineRuleKind } from './kind';

export const le = defineRuleKind({
  schema: z.object({ ...RULE_BASE, kind: z.literal('le'), part: CellRefSchema, whole: CellRefSchema }),
  cells: (rule) => [rule.part, rule.whole],
  evaluate(rule, get) {
    const part = get(rule.part).value;
    const whole = get(rule.whole).value;
    if (part <= whole + floatSlack(part, whole)) return undefined;
    return { code: 'part_exceeds_whole', params: { excess: sumDecimal([part, -whole]) } };
  },
  issues: {
    part_exceeds_whole: {
      severity: 'error',
      message: {
        vi: ({ cells: [part = '', whole = ''], values }, w) =>
          `${w.named(part)} = ${w.value(part, values[part])} lớn hơn ${w.cell(whole)} = ${w.value(whole, values[whole])}: phần không được vượt quá tổng.`,
        en: ({ cells: [part = '', whole = ''], values }, w) =>
          `${w.named(part)} = ${w.value(part, values[part])} exceeds ${w.cell(whole)} = ${w.value(whole, values[whole])}: a part cannot exceed its whole.`,
      },
    },
  },
});

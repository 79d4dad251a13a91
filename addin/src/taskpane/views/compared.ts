/** What Kiểm tra compared the report with: the same period and units the server names when the report is filed. */
import type { Comparison } from '../../../../shared/api/schemas';
import { parsePeriod, periodLabel } from '../../../../shared/periods';
import type { Ctx } from '../context';
import { h } from '../dom';

export function comparedNote(comparison: Comparison, ctx: Ctx): HTMLElement {
  const t = ctx.t.pane;
  const parsed = parsePeriod(comparison.period);
  const period = parsed ? periodLabel(parsed, ctx.lang) : comparison.period;
  const units = comparison.units.join(', ');
  const text = !comparison.compared
    ? comparison.reason === 'structural_break'
      ? t.notCompared.structural_break(period, units)
      : comparison.reason === 'split'
        ? t.notCompared.split(period, units)
        : t.notCompared.partly_filed(period, units)
    : comparison.values
      ? t.comparedWith(period, units)
      : t.notCompared.nothing(period);
  return h('p', { class: 'muted', id: 'check-compared', 'data-compared': String(comparison.compared && comparison.values !== null) }, text);
}

/** Every report the unit has filed, with its review. */
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace } from '../dom';
import { statusBadge } from './report';

export function historyView(ctx: Ctx): HTMLElement {
  const t = ctx.t;
  const list = h('div', { id: 'history-list' });
  const root = h('section', { class: 'view', 'aria-label': t.tabs.history }, h('div', { class: 'row-between' }, h('h2', {}, t.history.title), button(t.history.refresh, () => void load(), { appearance: 'subtle' })), list);

  async function load(): Promise<void> {
    replace(list, busy('…'));
    try {
      const items = await ctx.api.submissions();
      if (items.length === 0) return replace(list, message('info', t.history.empty));
      replace(
        list,
        h(
          'ul',
          { class: 'plain-list' },
          ...items.map((s) =>
            h(
              'li',
              { class: 'history-item' },
              h('div', { class: 'row-between' }, h('strong', {}, `${s.template} · ${s.period}`), statusBadge(s.status, ctx)),
              h('div', { class: 'muted' }, `${s.unit} · ${t.status.revision(s.revision)} · ${formatTime(s.receivedAt)}${s.late ? ` · ${t.status.late}` : ''}`),
              s.review?.comment ? h('div', { class: 'comment' }, `“${s.review.comment}”`) : null,
            ),
          ),
        ),
      );
    } catch (e) {
      replace(list, message('error', (e as Error).message));
    }
  }
  void load();
  return root;
}

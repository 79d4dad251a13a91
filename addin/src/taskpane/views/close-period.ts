/**
 * Closing a period (chốt số liệu) beside it in Tổng quan: DIC closes it when its report goes upward
 * and may reopen it with a reason; everyone else sees whether it is closed, when and which time.
 */
import type { PeriodState } from '../../../../shared/api/schemas';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, textArea } from '../dom';

export function closePeriodControls(ctx: Ctx, period: () => string): { element: HTMLElement; refresh: () => Promise<void> } {
  const t = ctx.t.closing;
  const element = h('div', { id: 'period-close', class: 'period-close', 'aria-live': 'polite' });
  const dic = ctx.me.role === 'dic';

  async function refresh(): Promise<void> {
    const code = period();
    if (!code) return replace(element);
    try {
      show(await ctx.api.periodState(code));
    } catch (e) {
      replace(element, message('error', (e as Error).message));
    }
  }

  function show(state: PeriodState): void {
    const current = state.current;
    const status = current ? message('info', t.closed(current.version, formatTime(current.closedAt))) : state.closing ? message('warning', t.closing) : null;
    if (!dic) return replace(element, status ?? h('span', { class: 'muted' }, t.open));
    if (current) return replace(element, status!, button(t.reopen, () => askReason(), { id: 'period-reopen' }));
    replace(element, ...(status ? [status] : []), button(t.close, () => confirmClose(), { id: 'period-close-button' }));
  }

  /** Closing is asked once more: what goes upward is then kept as it is. */
  function confirmClose(): void {
    const code = period();
    replace(
      element,
      h('p', { class: 'confirm-text' }, t.confirmClose(code)),
      h('div', { class: 'actions' }, button(t.close, () => void act(() => ctx.api.closePeriod(code)), { appearance: 'primary', id: 'period-close-confirm' }), button(t.cancel, () => void refresh())),
    );
    element.querySelector<HTMLElement>('#period-close-confirm')?.focus();
  }

  /** Reopening needs its reason, which the audit log keeps. */
  function askReason(): void {
    const code = period();
    const reason = textArea(t.reason);
    replace(
      element,
      reason,
      h('div', { class: 'actions' }, button(t.reopen, () => (reason.value.trim() ? void act(() => ctx.api.reopenPeriod(code, reason.value.trim())) : replace(element, reason, message('warning', t.reasonNeeded))), { appearance: 'primary', id: 'period-reopen-confirm' }), button(t.cancel, () => void refresh())),
    );
    reason.focus();
  }

  async function act(call: () => Promise<unknown>): Promise<void> {
    replace(element, busy('…'));
    try {
      await call();
      await refresh();
    } catch (e) {
      replace(element, message('error', (e as Error).message), button(t.cancel, () => void refresh()));
    }
    element.querySelector<HTMLElement>('button, fluent-button')?.focus();
  }

  return { element, refresh };
}

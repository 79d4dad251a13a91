/**
 * Closing a period (chốt số liệu) beside it in Tổng quan: DIC closes it when its report goes upward
 * and may reopen it with a reason; everyone else sees whether it is closed, when and which time.
 */
import type { PeriodState } from '../../../../shared/api/schemas';
import { parsePeriod, periodInSentence } from '../../../../shared/periods';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, textArea } from '../dom';
import { periodChangesView } from './period-changes';

export function closePeriodControls(ctx: Ctx, period: () => string): { element: HTMLElement; refresh: () => Promise<void> } {
  const t = ctx.t.closing;
  const element = h('div', { id: 'period-close', class: 'period-close', 'aria-live': 'polite' });
  const dic = ctx.me.role === 'dic';
  /** The last close of a reopened period: what changed since it is shown before closing again. */
  let lastClose: PeriodState['versions'][number] | null = null;

  /** Each refresh or action takes a turn: a state answered after the user moved on is not shown over what they did. */
  let turn = 0;

  /** Reads under way: the region says it is busy until the last one is answered. */
  let reading = 0;

  async function refresh(): Promise<void> {
    const code = period();
    const mine = ++turn;
    if (!code) return replace(element);
    element.setAttribute('aria-busy', 'true');
    reading++;
    try {
      const state = await ctx.api.periodState(code);
      if (mine === turn) show(state);
    } catch (e) {
      if (mine === turn) replace(element, message('error', (e as Error).message));
    } finally {
      if (--reading === 0) element.removeAttribute('aria-busy');
    }
  }

  function show(state: PeriodState): void {
    const current = state.current;
    lastClose = !state.closed && state.versions.length ? state.versions[state.versions.length - 1]! : null;
    const status = current ? message('info', t.closed(current.version, formatTime(current.closedAt))) : state.closing ? message('warning', t.closing) : null;
    if (!dic) return replace(element, status ?? h('span', { class: 'muted' }, t.open));
    if (current) return replace(element, status!, button(t.reopen, () => askReason(), { id: 'period-reopen' }));
    replace(
      element,
      ...(status ? [status] : []),
      h(
        'div',
        { class: 'actions' },
        button(t.close, () => void confirmClose(), { id: 'period-close-button' }),
        lastClose ? button(ctx.t.pane.changesShow(lastClose.version), () => void showChanges(), { appearance: 'subtle', id: 'period-changes-button' }) : null,
      ),
    );
  }

  /** What changed since the last close, or the error that kept it from being read. */
  async function changesSinceClose(): Promise<HTMLElement | null> {
    if (!lastClose) return null;
    try {
      return periodChangesView(await ctx.api.periodChanges(period(), lastClose.version), lastClose, ctx);
    } catch (e) {
      return message('error', (e as Error).message);
    }
  }

  /** The changes since the last close, with focus on them, and the period's actions still at hand. */
  async function showChanges(): Promise<void> {
    ++turn;
    replace(element, busy('…'));
    const changes = await changesSinceClose();
    replace(element, ...(changes ? [changes] : []), h('div', { class: 'actions' }, button(t.close, () => void confirmClose(), { id: 'period-close-button' }), button(t.cancel, () => void refresh())));
    (element.querySelector('#period-changes') as HTMLElement | null)?.focus();
  }

  /** Closing is asked once more, after what changed since the last close: what goes upward is then kept as it is. */
  async function confirmClose(): Promise<void> {
    const code = period();
    ++turn;
    if (lastClose) replace(element, busy('…'));
    const changes = await changesSinceClose();
    // What the close is for ("Gửi UBND tỉnh ngày …"): kept with it and shown in its history.
    const note = textArea(t.note);
    note.id = 'period-close-note';
    replace(
      element,
      ...(changes ? [changes] : []),
      h('p', { class: 'confirm-text' }, t.confirmClose(named(code))),
      note,
      h('div', { class: 'actions' }, button(t.close, () => void act(() => ctx.api.closePeriod(code, note.value?.trim() || undefined)), { appearance: 'primary', id: 'period-close-confirm' }), button(t.cancel, () => void refresh())),
    );
    element.querySelector<HTMLElement>('#period-close-confirm')?.focus();
  }

  /** The period as people say it inside a sentence ("quý III năm 2026"), its code beside it. */
  const named = (code: string) => {
    const p = parsePeriod(code);
    return p ? `${periodInSentence(p, ctx.lang)} (${code})` : code;
  };

  /** Reopening needs its reason, which the audit log keeps. */
  function askReason(): void {
    ++turn;
    const code = period();
    const reason = textArea(t.reason);
    // A missing reason is said under the box; the box and both buttons stay.
    const warning = h('div', { id: 'period-reopen-warning' });
    const reopen = () => {
      const text = reason.value.trim();
      if (text) return void act(() => ctx.api.reopenPeriod(code, text));
      replace(warning, message('warning', t.reasonNeeded));
      reason.focus();
    };
    replace(
      element,
      reason,
      warning,
      h('div', { class: 'actions' }, button(t.reopen, reopen, { appearance: 'primary', id: 'period-reopen-confirm' }), button(t.cancel, () => void refresh())),
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

/**
 * The clerk's first screen: every template and period the unit has to file, with its deadline and
 * state; returned reports first with DIC's comment. Chèn mẫu on each line to file, Mở bản đã nộp to
 * correct what was filed.
 */
import type { SubmissionSummary } from '../../../../shared/api/schemas';
import { formatDateVi } from '../../../../shared/dates';
import { dueFor, type DueItem } from '../../../../shared/due';
import { periodLabel } from '../../../../shared/periods';
import { TEMPLATES, getTemplate } from '../../../../shared/templates';
import type { Ctx } from '../context';
import { busy, button, h, message, replace } from '../dom';

export interface DueActions {
  insert: (template: string, period: string) => Promise<void>;
  openFiled: (filing: { id: string; revision: number; template: string; period: string }) => Promise<void>;
}

/** Lines shown before Xem thêm: the first screen stays short, the oldest and returned first. */
const FIRST_LINES = 6;

/** Days between two ISO dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function dueView(ctx: Ctx, actions: DueActions): { root: HTMLElement; refresh: () => Promise<void> } {
  const t = ctx.t.day;
  const unit = ctx.me.unit!;
  const list = h('div', { id: 'due-list' }, busy(ctx.t.loading));
  const root = h('section', { class: 'card', id: 'due-card', 'aria-labelledby': 'due-title' }, h('h2', { id: 'due-title' }, t.dueTitle), h('p', { class: 'muted' }, t.dueIntro), list);

  function line(item: DueItem): HTMLElement {
    const template = getTemplate(item.template)!;
    const code = `${item.template}-${item.period.code}`;
    const late = item.overdue ? daysBetween(item.deadline, ctx.today()) : 0;
    const color = item.state === 'returned' || item.overdue ? 'danger' : item.state === 'accepted' ? 'success' : 'informative';
    const filing = item.filing;
    return h(
      'li',
      { class: `due-item${item.overdue ? ' overdue' : ''}`, 'data-due': code, 'data-state': item.state },
      h('div', { class: 'due-head' }, h('strong', {}, `${item.template} · ${periodLabel(item.period, ctx.lang)}`), h('fluent-badge', { appearance: 'tint', color, size: 'small' }, t.states[item.state])),
      h('div', { class: 'muted' }, `${template.title[ctx.lang]} · ${t.deadline(formatDateVi(item.deadline))}${late > 0 ? ` · ${t.overdue(late)}` : ''}`),
      item.comment ? message('warning', ctx.t.status.returnedWith(item.comment, ctx.me.coordinator?.name ?? ctx.t.roles.dic)) : null,
      h(
        'div',
        { class: 'actions' },
        item.state === 'not_started' || item.state === 'checked'
          ? button(ctx.t.sheet.insert, () => void actions.insert(item.template, item.period.code), { appearance: 'primary', id: `due-insert-${code}` })
          : null,
        filing
          ? button(t.openFiled, () => void actions.openFiled({ id: filing.id, revision: filing.revision, template: item.template, period: item.period.code }), {
              appearance: item.state === 'returned' ? 'primary' : 'secondary',
              id: `due-open-${code}`,
            })
          : null,
      ),
    );
  }

  let showAll = false;

  async function refresh(): Promise<void> {
    let filings: SubmissionSummary[] = [];
    let failed = false;
    try {
      filings = await ctx.api.submissions({ unit: unit.code });
    } catch {
      failed = true;
    }
    const items = dueFor(unit, TEMPLATES, filings, { today: ctx.today(), checked: ctx.memory.checkedKeys });
    const toFile = items.filter((i) => i.state === 'returned' || i.state === 'not_started' || i.state === 'checked');
    const filed = items.filter((i) => i.state === 'filed' || i.state === 'accepted');
    const focused = root.contains(document.activeElement) ? document.activeElement?.id : undefined;
    replace(
      list,
      failed ? message('warning', t.dueLoadFailed) : null,
      toFile.length ? h('ul', { class: 'plain-list due-list', 'aria-label': t.dueTitle }, ...(showAll ? toFile : toFile.slice(0, FIRST_LINES)).map(line)) : message('success', t.dueNone),
      !showAll && toFile.length > FIRST_LINES
        ? button(t.showAll(toFile.length), () => {
            showAll = true;
            void refresh().then(() => (list.querySelectorAll('.due-item')[FIRST_LINES]?.querySelector('fluent-button') as HTMLElement | null)?.focus());
          }, { id: 'due-more', appearance: 'subtle' })
        : null,
      filed.length
        ? h('details', { class: 'due-filed', id: 'due-filed' }, h('summary', {}, t.filedEarlier(filed.length)), h('ul', { class: 'plain-list due-list' }, ...filed.map(line)))
        : null,
    );
    if (focused) (list.querySelector(`[id="${focused}"]`) as HTMLElement | null)?.focus();
  }

  return { root, refresh };
}

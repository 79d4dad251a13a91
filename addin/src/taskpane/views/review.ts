/** DIC reviews what units filed: the warnings and their explanations, then accept or return with a comment. */
import type { SubmissionSummary } from '../../../../shared/api/schemas';
import { periodChoices, periodOptions } from '../periods';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, select, valueOf } from '../dom';
import { renderIssues } from './issues';
import { statusBadge } from './report';

export function reviewView(ctx: Ctx): HTMLElement {
  const t = ctx.t.review;
  const periodBox = h('div', { class: 'period-box' });
  const list = h('div', { id: 'review-list', 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'view', 'aria-label': ctx.t.tabs.review },
    h('div', { class: 'row-end' }, periodBox, button(ctx.t.dashboard.load, () => void load(), { id: 'review-load' })),
    list,
  );

  let latest = 0;
  async function load(): Promise<void> {
    const period = valueOf(root, 'review-period');
    if (!period) return;
    replace(list, busy('…'));
    // Only the answer to the latest request is shown, however the answers arrive.
    const mine = ++latest;
    try {
      const items = (await ctx.api.submissions({ period })).filter((s) => s.status === 'received');
      if (mine !== latest) return;
      if (items.length === 0) return replace(list, message('info', t.empty));
      replace(list, h('ul', { class: 'plain-list' }, ...items.map(item)));
    } catch (e) {
      replace(list, message('error', (e as Error).message));
    }
  }

  function item(s: SubmissionSummary): HTMLElement {
    const details = h('div', { class: 'review-details' });
    const comment = h('textarea', { class: 'textarea', rows: 2, 'aria-label': t.comment, placeholder: t.comment }) as HTMLTextAreaElement;
    const note = h('div', { 'aria-live': 'polite' });
    let deciding = false;
    const decide = async (decision: 'accept' | 'return') => {
      if (decision === 'return' && !comment.value.trim()) return replace(note, message('warning', t.commentNeeded));
      // One decision per press, even when the answer is slow to come.
      if (deciding) return;
      deciding = true;
      try {
        const review = await ctx.api.review(s.id, decision, comment.value.trim() || undefined, s.revision);
        replace(li, h('div', { class: 'row-between' }, h('strong', {}, `${s.template} · ${s.unit}`), statusBadge(review.decision, ctx)));
      } catch (e) {
        replace(note, message('error', (e as Error).message));
      } finally {
        deciding = false;
      }
    };
    const li = h(
      'li',
      { class: 'review-item', 'data-submission': s.id },
      h('div', { class: 'row-between' }, h('strong', {}, `${s.template} · ${s.unit}`), statusBadge(s.status, ctx)),
      h('div', { class: 'muted' }, `${ctx.t.status.revision(s.revision)} · ${formatTime(s.receivedAt)}${s.late ? ` · ${ctx.t.status.late}` : ''} · ${s.warnings} ${ctx.t.check.warning.toLowerCase()}`),
      details,
      comment,
      h('div', { class: 'actions' }, button(t.accept, () => void decide('accept'), { appearance: 'primary' }), button(t.return, () => void decide('return'))),
      note,
    );
    if (s.warnings > 0) {
      void ctx.api.revision(s.id, s.revision).then(
        (r) => replace(details, h('h3', {}, t.warnings), renderIssues(r.report.warnings, ctx)),
        () => undefined,
      );
    }
    return li;
  }

  replace(list, busy('…'));
  void periodChoices(ctx).then(({ periods, initial }) => {
    replace(periodBox, select('review-period', ctx.t.dashboard.period, periodOptions(periods, ctx), initial));
    void load();
  });
  return root;
}

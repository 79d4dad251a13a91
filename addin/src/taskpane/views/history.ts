/** Every report the unit has filed: each with its period as people say it, every revision and every review, with times. */
import type { SubmissionDetail, SubmissionSummary } from '../../../../shared/api/schemas';
import { newestFirst, parsePeriod, periodLabel } from '../../../../shared/periods';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace } from '../dom';
import { statusBadge } from './report';
import { filerLine, reviewerLine } from './who';

export function historyView(ctx: Ctx): HTMLElement {
  const t = ctx.t;
  const list = h('div', { id: 'history-list' });
  const root = h(
    'section',
    { class: 'view', 'aria-label': t.tabs.history },
    h('div', { class: 'row-between' }, h('h2', {}, t.history.title), button(t.history.refresh, () => void load(), { appearance: 'subtle', id: 'history-refresh' })),
    list,
  );

  const periodName = (code: string) => {
    const p = parsePeriod(code);
    return p ? periodLabel(p, ctx.lang) : code;
  };

  /** The unit by name where the pane knows it (the signed-in unit's own reports), else by code. */
  const unitName = (code: string) => (ctx.me.unit?.code === code ? ctx.me.unit.name : code);

  /** The revisions and reviews of one report, read when it is opened. */
  function revisions(detail: SubmissionDetail): HTMLElement {
    return h(
      'ol',
      { class: 'revisions', reversed: true },
      ...[...detail.revisions].reverse().map((r) =>
        h(
          'li',
          { class: 'revision', 'data-revision': r.revision },
          h('div', {}, `${t.status.revision(r.revision)} · ${formatTime(r.receivedAt)}${r.daysLate > 0 ? ` · ${t.history.daysLate(r.daysLate)}` : ''} · ${t.history.source[r.source]}`),
          h('div', { class: 'muted revision-filer' }, filerLine(r.submitterName ?? null, unitName(detail.unit), ctx, r.filerLabel)),
          ...r.reviews.map((v) =>
            h(
              'div',
              { class: 'review-line', 'data-decision': v.decision },
              statusBadge(v.decision, ctx),
              ` ${formatTime(v.reviewedAt)} · ${reviewerLine(v.reviewerName, ctx)}`,
              v.comment ? h('span', { class: 'comment' }, ` “${v.comment}”`) : null,
            ),
          ),
        ),
      ),
    );
  }

  function item(s: SubmissionSummary): HTMLElement {
    const more = h('div', { class: 'history-revisions', 'aria-live': 'polite' });
    const details = h(
      'details',
      { class: 'history-details' },
      h('summary', {}, t.history.revisions(s.revision)),
      more,
    ) as HTMLDetailsElement;
    details.addEventListener('toggle', () => {
      if (!details.open || more.childElementCount > 0) return;
      replace(more, busy('…'));
      ctx.api.submission(s.id).then(
        (detail) => replace(more, revisions(detail)),
        (e: Error) => replace(more, message('error', e.message)),
      );
    });
    return h(
      'li',
      { class: 'history-item', 'data-submission': s.id },
      h('div', { class: 'row-between' }, h('strong', {}, `${s.template} · ${periodName(s.period)}`), statusBadge(s.status, ctx)),
      h('div', { class: 'muted' }, `${s.unit} · ${t.status.revision(s.revision)} · ${formatTime(s.receivedAt)}${s.late ? ` · ${t.status.late}` : ''}`),
      h('div', { class: 'history-filer' }, filerLine(s.submitterName ?? null, unitName(s.unit), ctx, s.filerLabel)),
      s.coversPredecessors ? h('div', { class: 'history-covers' }, t.pane.coversFiled) : null,
      s.review ? h('div', { class: 'muted history-reviewer' }, `${t.history.reviewed(formatTime(s.review.reviewedAt))} · ${reviewerLine(s.review.reviewerName, ctx)}`) : null,
      s.review?.comment ? h('div', { class: 'comment' }, `“${s.review.comment}”`) : null,
      details,
    );
  }

  async function load(): Promise<void> {
    replace(list, busy('…'));
    try {
      const items = await ctx.api.submissions();
      if (items.length === 0) return replace(list, message('info', t.history.empty));
      // The newest period first (by its last day), as every period list of the pane.
      replace(list, h('ul', { class: 'plain-list' }, ...newestFirst(items).map(item)));
    } catch (e) {
      replace(list, message('error', (e as Error).message));
    }
  }
  void load();
  return root;
}

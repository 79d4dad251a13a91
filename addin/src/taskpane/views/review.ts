/**
 * DIC reviews what units filed, at the scale of a province: filters (template, status, kind of unit,
 * warnings) and a search by name narrow two hundred reports to the ones at hand; each card shows the
 * key figures and the warnings with their explanations; a decision is confirmed before it is sent,
 * and the comment stays on the card.
 */
import type { RevisionDetailSchema, SubmissionSummary } from '../../../../shared/api/schemas';
import type { z } from 'zod';

type RevisionDetail = z.infer<typeof RevisionDetailSchema>;
import type { Unit } from '../../../../shared/registry/units';
import { getTemplate, templateCells, templateOf } from '../../../../shared/templates';
import { filledTemplateSheet, formatTime, sheetMetadataFor } from '../../../../shared/workbook';
import { statusFor } from '../../../../shared/validation';
import { formatNumber, formatPercent } from '../../../../shared/numbers';
import type { Ctx } from '../context';
import { busy, button, checkbox, h, isChecked, message, replace, searchBox, select, textArea, valueOf } from '../dom';
import { periodChoices, periodOptions } from '../periods';
import { renderIssues } from './issues';
import { statusBadge } from './report';
import { filerLine, reviewerLine } from './who';

/** Cards shown at once; more on request, so a province's period stays quick to scroll. */
const PAGE = 20;
/** The search waits for the typing to pause this long, so a name typed is one filtering, not one per letter. */
export const SEARCH_PAUSE_MS = 250;
/** Figures shown on a card: the template's first result cells. */
const KEY_FIGURES = 4;

export function reviewView(ctx: Ctx): HTMLElement {
  const t = ctx.t.review;
  const periodBox = h('div', { class: 'period-box' });
  const filters = h('div', { class: 'filters', role: 'group', 'aria-label': t.filters });
  const list = h('div', { id: 'review-list', 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'view', 'aria-label': ctx.t.tabs.review },
    h('div', { class: 'row-end' }, periodBox, button(ctx.t.dashboard.load, () => void load(), { id: 'review-load' })),
    filters,
    list,
  );
  let all: SubmissionSummary[] = [];
  /** Each revision is asked for once: filtering again rebuilds the cards, not the requests. */
  const revisions = new Map<string, Promise<RevisionDetail>>();
  const revisionOf = (s: SubmissionSummary) => {
    const key = `${s.id}/${s.revision}`;
    let detail = revisions.get(key);
    if (!detail) {
      detail = ctx.api.revision(s.id, s.revision);
      // A failed request is asked again next time.
      detail.catch(() => revisions.delete(key));
      revisions.set(key, detail);
    }
    return detail;
  };
  let names = new Map<string, Unit>();
  let shown = PAGE;
  /** The close in force of the period shown: its reports can no longer be accepted or returned until it is reopened. */
  let closedVersion: number | null = null;

  function renderFilters(): void {
    const templates = [...new Set(all.map((s) => s.template))].sort();
    replace(
      filters,
      select('review-template', t.template, [{ value: '', label: t.all }, ...templates.map((id) => ({ value: id, label: id }))]),
      select('review-status', t.status, [
        { value: 'received', label: ctx.t.status.received },
        { value: 'returned', label: ctx.t.status.returned },
        { value: 'accepted', label: ctx.t.status.accepted },
        { value: '', label: t.all },
      ]),
      select('review-kind', t.kind, [{ value: '', label: t.all }, ...(['department', 'district', 'commune'] as const).map((k) => ({ value: k, label: ctx.t.dashboard.kinds[k] }))]),
      searchBox('review-search', t.search),
      checkbox('review-warnings', t.withWarnings),
    );
    let pause: ReturnType<typeof setTimeout> | undefined;
    for (const el of filters.querySelectorAll('fluent-dropdown, fluent-text-input, fluent-checkbox')) {
      const typed = el.localName === 'fluent-text-input';
      el.addEventListener(typed ? 'input' : 'change', () => {
        clearTimeout(pause);
        const apply = () => {
          shown = PAGE;
          renderList();
        };
        if (typed) pause = setTimeout(apply, SEARCH_PAUSE_MS);
        else apply();
      });
    }
  }

  function matching(): SubmissionSummary[] {
    const template = valueOf(filters, 'review-template');
    const status = valueOf(filters, 'review-status');
    const kind = valueOf(filters, 'review-kind');
    const query = valueOf(filters, 'review-search').trim().toLocaleLowerCase('vi');
    const warned = isChecked(filters, 'review-warnings');
    return all.filter((s) => {
      const unit = names.get(s.unit);
      if (template && s.template !== template) return false;
      if (status && s.status !== status) return false;
      if (kind && unit?.kind !== kind) return false;
      if (warned && s.warnings === 0) return false;
      if (query && !`${s.unit} ${unit?.name ?? ''}`.toLocaleLowerCase('vi').includes(query)) return false;
      return true;
    });
  }

  function renderList(): void {
    const found = matching();
    if (found.length === 0) return replace(list, message('info', t.empty));
    replace(
      list,
      closedVersion !== null ? h('div', { id: 'review-closed' }, message('info', t.closedPeriod(closedVersion))) : null,
      h('p', { class: 'muted', id: 'review-count' }, t.count(Math.min(shown, found.length), found.length)),
      h('ul', { class: 'plain-list' }, ...found.slice(0, shown).map(item)),
      found.length > shown
        ? button(t.more, () => {
            shown += PAGE;
            renderList();
          }, { id: 'review-more' })
        : null,
    );
  }

  let latest = 0;
  async function load(): Promise<void> {
    const period = valueOf(root, 'review-period');
    if (!period) return;
    replace(list, busy('…'));
    // Only the answer to the latest request is shown, however the answers arrive.
    const mine = ++latest;
    try {
      const [items, units, state] = await Promise.all([
        ctx.api.submissions({ period }),
        ctx.api.units(period).catch(() => [] as Unit[]),
        ctx.api.periodState(period).catch(() => null),
      ]);
      if (mine !== latest) return;
      all = items;
      closedVersion = state?.current?.version ?? null;
      names = new Map(units.map((u) => [u.code, u]));
      shown = PAGE;
      renderFilters();
      renderList();
    } catch (e) {
      if (mine === latest) replace(list, message('error', (e as Error).message));
    }
  }

  /** The first result cells of the report, with their labels: what DIC glances at before deciding. */
  function figures(templateId: string, values: Record<string, number | string>, version: string): HTMLElement | null {
    const template = templateOf({ id: templateId, version });
    if (!template || template.kind !== 'indicator') return null;
    const cells = [...templateCells(template).values()].filter((c) => c.column.key === 'KQ' && values[c.ref] !== undefined).slice(0, KEY_FIGURES);
    if (cells.length === 0) return null;
    return h(
      'dl',
      { class: 'key-figures', 'aria-label': t.figures },
      ...cells.flatMap((c) => {
        const v = values[c.ref]!;
        const shown = typeof v !== 'number' ? v : c.measure === 'percent' ? formatPercent(v, ctx.lang) : formatNumber(v, ctx.lang);
        return [h('dt', {}, `${c.row.code} ${c.row.label[ctx.lang]}`), h('dd', {}, shown)];
      }),
    );
  }

  /** A task list's tasks counted by status: what DIC reads of a BM02 before deciding. */
  function tasksByStatus(templateId: string, rows: readonly Record<string, unknown>[]): HTMLElement | null {
    const template = getTemplate(templateId);
    if (!template || template.kind !== 'list' || rows.length === 0) return null;
    const counts = new Map<string, number>();
    for (const row of rows) {
      const status = statusFor(template, String(row.TT ?? ''));
      if (status) counts.set(status.code, (counts.get(status.code) ?? 0) + 1);
    }
    return h(
      'dl',
      { class: 'key-figures tasks-by-status', 'aria-label': ctx.t.day.tasksByStatus },
      ...template.statuses.flatMap((st) => [h('dt', {}, st.label[ctx.lang]), h('dd', { 'data-status': st.code }, String(counts.get(st.code) ?? 0))]),
    );
  }

  /** Writes the report as filed into a sheet of its own, named after its template and unit, to read it as the unit does. */
  async function openInSheet(s: SubmissionSummary, into: HTMLElement): Promise<void> {
    const template = getTemplate(s.template);
    if (!template) return;
    replace(into, busy(ctx.t.loading));
    try {
      const detail = await revisionOf(s);
      const unit = names.get(s.unit);
      const options = { lang: ctx.lang, period: s.period, unit: { code: s.unit, ...(unit ? { name: unit.name, kind: unit.kind } : {}) } };
      const model = filledTemplateSheet(template, detail.submission, options);
      const name = `${s.template} ${s.unit}`.slice(0, 31);
      // A sheet of its own, without the template's defined names, which stay with a unit's own template sheet.
      await ctx.port.writeSheets([{ ...model, name, names: [] }], [{ ...sheetMetadataFor(template, options), sheet: name }], [], { replace: true });
      replace(into, message('success', ctx.t.sheet.inserted(name)));
    } catch (e) {
      replace(into, message('error', (e as Error).message));
    }
  }

  function item(s: SubmissionSummary): HTMLElement {
    const unit = names.get(s.unit);
    const what = `${s.template} · ${unit?.name ?? s.unit}`;
    const details = h('div', { class: 'review-details' });
    const comment = textArea(t.comment);
    const note = h('div', { 'aria-live': 'polite' });
    const actions = h('div', { class: 'actions' });
    // A closed period's reports stay as closed: no decision is offered until DIC reopens it.
    const decidable = s.status === 'received' && closedVersion === null;
    let deciding = false;

    const decide = async (decision: 'accept' | 'return') => {
      // One decision per confirmation, even when the answer is slow to come.
      if (deciding) return;
      deciding = true;
      const text = comment.value.trim();
      try {
        const review = await ctx.api.review(s.id, decision, text || undefined, s.revision);
        s.status = review.decision;
        replace(
          li,
          h('div', { class: 'row-between' }, h('strong', {}, what), statusBadge(review.decision, ctx)),
          h('div', { class: 'review-filer' }, filerLine(s.submitterName ?? null, unit?.name ?? s.unit, ctx, s.filerLabel)),
          h('div', { class: 'muted review-reviewer' }, reviewerLine(review.reviewerName, ctx)),
          review.comment ? h('p', { class: 'comment', 'data-kept': 'comment' }, t.yourComment(review.comment)) : null,
        );
        // The decision is the result: the keyboard goes to it, not to the page.
        li.focus();
      } catch (e) {
        replace(note, message('error', (e as Error).message));
        showActions();
      } finally {
        deciding = false;
      }
    };
    const ask = (decision: 'accept' | 'return') => {
      if (decision === 'return' && !comment.value.trim()) return replace(note, message('warning', t.commentNeeded));
      replace(note);
      replace(
        actions,
        message(
          decision === 'accept' ? 'info' : 'warning',
          h('span', { class: 'confirm-text' }, decision === 'accept' ? t.confirmAccept(what) : t.confirmReturn(what)),
          h('div', { class: 'actions' }, button(t.confirm, () => void decide(decision), { appearance: 'primary', id: `confirm-${s.id}` }), button(t.cancel, showActions)),
        ),
      );
    };
    function showActions(): void {
      replace(actions, button(t.accept, () => ask('accept'), { appearance: 'primary' }), button(t.return, () => ask('return')));
    }

    const opened = h('div', { 'aria-live': 'polite' });
    const li = h(
      'li',
      { class: 'review-item', id: `review-item-${s.id}`, tabindex: -1, 'data-submission': s.id, 'data-unit': s.unit },
      h('div', { class: 'row-between' }, h('strong', {}, what), statusBadge(s.status, ctx)),
      h('div', { class: 'actions' }, button(ctx.t.day.openReport, () => void openInSheet(s, opened), { appearance: 'subtle', id: `open-${s.id}` })),
      opened,
      h('div', { class: 'muted' }, `${s.unit} · ${ctx.t.status.revision(s.revision)} · ${formatTime(s.receivedAt)}${s.late ? ` · ${ctx.t.status.late}` : ''} · ${s.warnings} ${ctx.t.check.warning.toLowerCase()}`),
      h('div', { class: 'review-filer' }, filerLine(s.submitterName ?? null, unit?.name ?? s.unit, ctx, s.filerLabel)),
      s.coversPredecessors ? h('div', { class: 'review-covers' }, ctx.t.pane.coversFiled) : null,
      s.review ? h('div', { class: 'muted review-reviewer' }, reviewerLine(s.review.reviewerName, ctx)) : null,
      s.review?.comment ? h('p', { class: 'comment' }, t.yourComment(s.review.comment)) : null,
      details,
      decidable ? comment : null,
      decidable ? actions : null,
      note,
    );
    if (decidable) showActions();
    void revisionOf(s).then(
      (r) =>
        replace(
          details,
          figures(s.template, r.report.values, r.report.templateVersion) ?? tasksByStatus(s.template, r.submission.rows ?? []),
          r.report.warnings.length ? h('h3', {}, t.warnings) : null,
          r.report.warnings.length ? renderIssues(r.report.warnings, ctx) : null,
        ),
      () => undefined,
    );
    return li;
  }

  replace(list, busy('…'));
  void periodChoices(ctx).then(({ periods, initial }) => {
    replace(periodBox, select('review-period', ctx.t.dashboard.period, periodOptions(periods, ctx), initial));
    void load();
  });
  return root;
}

/**
 * Who DIC has to chase for a period: every expected report that is missing, late or returned, by unit
 * name, with the deadline and the days past it; filtered by template, kind of unit and area, each row
 * opening the unit's filings of the period.
 */
import type { Consolidation } from '../../../../shared/consolidation';
import type { Period } from '../../../../shared/periods';
import { daysLateFor, filingOpens, templateOf } from '../../../../shared/templates';
import { formatDateVi } from '../../../../shared/dates';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, h, message, replace, select, valueOf } from '../dom';
import { statusBadge } from './report';

interface ChaseLine {
  template: string;
  code: string;
  name: string;
  kind: 'department' | 'district' | 'commune';
  /** The district of a commune under one; empty for the province's own units. */
  area: string;
  state: 'missing' | 'late' | 'returned';
  /** Days past the deadline: of the first filing when late, of today when missing. */
  days: number;
}

function chaseLines(consolidations: readonly Consolidation[], period: Period, today: string): ChaseLine[] {
  const lines: ChaseLine[] = [];
  for (const c of consolidations) {
    // Each template by its own deadline; one filed after its period (the DTI) is not chased before it can be filed.
    const template = templateOf(c.template);
    if (!template || today < filingOpens(template, period)) continue;
    for (const u of c.units) {
      if (!u.expected) continue;
      const s = u.submission;
      const state = !s ? 'missing' : s.status === 'returned' ? 'returned' : s.daysLate > 0 ? 'late' : null;
      if (!state) continue;
      const days = s ? s.daysLate : daysLateFor(template, period, `${today}T12:00:00+07:00`);
      lines.push({ template: c.template.id, code: u.code, name: u.name, kind: u.kind, area: u.kind === 'commune' ? (u.parent ?? '') : u.kind === 'district' ? u.code : '', state, days });
    }
  }
  // Missing first, the longest overdue on top.
  const order = { missing: 0, returned: 1, late: 2 };
  return lines.sort((a, b) => order[a.state] - order[b.state] || b.days - a.days || a.code.localeCompare(b.code));
}

export function chaseView(consolidations: readonly Consolidation[], period: Period, ctx: Ctx): HTMLElement {
  const t = ctx.t.dashboard;
  const all = chaseLines(consolidations, period, ctx.today());
  const body = h('div', { id: 'chase-list' });
  const areas = [...new Set(all.map((l) => l.area))].sort();
  const filters = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': t.chaseFilters },
    select('chase-template', ctx.t.review.template, [{ value: '', label: ctx.t.review.all }, ...[...new Set(all.map((l) => l.template))].map((id) => ({ value: id, label: id }))]),
    select('chase-kind', ctx.t.review.kind, [{ value: '', label: ctx.t.review.all }, ...(['department', 'district', 'commune'] as const).filter((k) => all.some((l) => l.kind === k)).map((k) => ({ value: k, label: t.kinds[k] }))]),
    areas.some((a) => a)
      ? select('chase-area', t.area, [{ value: '*', label: ctx.t.review.all }, ...areas.map((a) => ({ value: a, label: a || t.provinceLevel }))])
      : null,
  );

  function unitFilings(line: ChaseLine, into: HTMLElement): void {
    replace(into, busy('…'));
    ctx.api.submissions({ unit: line.code, period: period.code }).then(
      (list) =>
        replace(
          into,
          list.length
            ? h('ul', { class: 'plain-list' }, ...list.map((s) => h('li', { class: 'status-line' }, h('span', {}, `${s.template} · ${ctx.t.status.revision(s.revision)} · ${formatTime(s.receivedAt)}`), statusBadge(s.status, ctx))))
            : message('info', t.noFilings),
        ),
      (e: Error) => replace(into, message('error', e.message)),
    );
  }

  function render(): void {
    const template = valueOf(filters, 'chase-template');
    const kind = valueOf(filters, 'chase-kind');
    const area = filters.querySelector('#chase-area') ? valueOf(filters, 'chase-area') : '*';
    const shown = all.filter((l) => (!template || l.template === template) && (!kind || l.kind === kind) && (area === '*' || l.area === area));
    if (shown.length === 0) return replace(body, message('success', t.nobodyToChase));
    replace(
      body,
      h(
        'ul',
        { class: 'plain-list chase' },
        ...shown.map((l) => {
          const filings = h('div', { class: 'unit-filings', 'aria-live': 'polite' });
          const details = h(
            'details',
            { class: 'chase-item', 'data-unit': l.code, 'data-template': l.template, 'data-state': l.state },
            h('summary', {}, h('strong', {}, `${l.template} · ${l.name}`), h('span', { class: 'muted' }, ` · ${l.code} · ${t.chaseState[l.state](l.days)}`)),
            filings,
          ) as HTMLDetailsElement;
          details.addEventListener('toggle', () => {
            if (details.open && filings.childElementCount === 0) unitFilings(l, filings);
          });
          return h('li', {}, details);
        }),
      ),
    );
  }

  for (const el of filters.querySelectorAll('fluent-dropdown')) el.addEventListener('change', render);
  render();
  return h('div', { class: 'chase-view' }, h('h3', {}, t.chaseTitle(all.length)), h('p', { class: 'muted', id: 'deadline' }, t.deadline(formatDateVi(period.unitDeadline), formatDateVi(period.dicDeadline))), filters, body);
}

/**
 * Who DIC has to chase for a period: one line per unit, with the templates it has not filed, those
 * returned and those filed late; its contact from the registry when it has one, and a message to copy
 * into Zalo or an e-mail. Red only when overdue. Filtered by template, kind of unit and area; each
 * line opens the unit's filings of the period.
 */
import type { Consolidation } from '../../../../shared/consolidation';
import { daysLate, periodInSentence, type Period } from '../../../../shared/periods';
import { daysLateFor, filingOpens, templateOf } from '../../../../shared/templates';
import { formatDateVi } from '../../../../shared/dates';
import type { Unit } from '../../../../shared/registry/units';
import { getTemplate } from '../../../../shared/templates';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, select, valueOf } from '../dom';
import { statusBadge } from './report';

export interface ChaseUnit {
  code: string;
  name: string;
  kind: 'department' | 'district' | 'commune';
  /** The district of a commune under one; empty for the province's own units. */
  area: string;
  missing: string[];
  returned: string[];
  late: { template: string; days: number }[];
  /** Templates whose part of the period this unit, ended during it, never filed and nothing covers. */
  missingParts: string[];
  /** Days past the deadline of what is still missing (0 before the deadline). */
  overdueDays: number;
}

/** Still to be filed (missing or returned) and past the deadline: the only lines shown in red. */
export const isOverdue = (u: ChaseUnit) => u.returned.length > 0 || (u.missing.length > 0 && u.overdueDays > 0);

/** Every unit with a report missing, returned or filed late, one entry each: the longest overdue first. */
export function chaseUnits(consolidations: readonly Consolidation[], period: Period, today: string): ChaseUnit[] {
  const units = new Map<string, ChaseUnit>();
  const overdueDays = daysLate(period, `${today}T12:00:00+07:00`);
  for (const c of consolidations) {
    // Each template by its own deadline; one filed after its period (the DTI) is not chased before it can be filed.
    const template = templateOf(c.template);
    if (!template || today < filingOpens(template, period)) continue;
    for (const u of c.units) {
      // A unit that ended during the period is chased for its part when nothing covers it (thiếu số liệu phần kỳ).
      const partMissing = u.source?.kind === 'missing';
      if (!u.expected && !partMissing) continue;
      const s = u.submission;
      const state = partMissing ? 'missing_part' : !s ? 'missing' : s.status === 'returned' ? 'returned' : s.daysLate > 0 ? 'late' : null;
      if (!state) continue;
      let entry = units.get(u.code);
      if (!entry) {
        entry = { code: u.code, name: u.name, kind: u.kind, area: u.kind === 'commune' ? (u.parent ?? '') : u.kind === 'district' ? u.code : '', missing: [], returned: [], late: [], missingParts: [], overdueDays: 0 };
        units.set(u.code, entry);
      }
      if (state === 'missing') {
        entry.missing.push(c.template.id);
        entry.overdueDays = overdueDays;
      } else if (state === 'missing_part') entry.missingParts.push(c.template.id);
      else if (state === 'returned') entry.returned.push(c.template.id);
      else entry.late.push({ template: c.template.id, days: s!.daysLate });
    }
  }
  const weight = (u: ChaseUnit) => (u.missing.length ? 0 : u.returned.length ? 1 : 2);
  return [...units.values()].sort((a, b) => weight(a) - weight(b) || b.overdueDays - a.overdueDays || b.missing.length - a.missing.length || a.code.localeCompare(b.code));
}

/** The message DIC sends a unit (in Vietnamese, whatever the pane's language: the unit reads Vietnamese). */
export function chaseMessage(u: ChaseUnit, period: Period, from: string, ctx: Ctx): string {
  const names = [...u.missing, ...u.returned].map((id) => `${id} (${getTemplate(id)?.title.vi ?? id})`).join(', ');
  return ctx.t.day.chaseText(u.name, names, periodInSentence(period, 'vi'), formatDateVi(period.unitDeadline), from);
}

/** A registry record's contact, when the registry keeps one. */
const contactOf = (unit: Unit | undefined): string | null => {
  const contact = (unit as (Unit & { contact?: unknown }) | undefined)?.contact;
  return typeof contact === 'string' && contact.trim() ? contact.trim() : null;
};

export function chaseView(consolidations: readonly Consolidation[], period: Period, ctx: Ctx): HTMLElement {
  const t = ctx.t.dashboard;
  const d = ctx.t.day;
  const all = chaseUnits(consolidations, period, ctx.today());
  const body = h('div', { id: 'chase-list' });
  const areas = [...new Set(all.map((l) => l.area))].sort();
  const templatesOf = (u: ChaseUnit) => [...u.missing, ...u.returned, ...u.late.map((l) => l.template)];
  let registry = new Map<string, Unit>();
  const from = ctx.me.unit?.name ?? ctx.me.coordinator?.name ?? ctx.t.roles.dic;
  const filters = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': t.chaseFilters },
    select('chase-template', ctx.t.review.template, [{ value: '', label: ctx.t.review.all }, ...[...new Set(all.flatMap(templatesOf))].sort().map((id) => ({ value: id, label: id }))]),
    select('chase-kind', ctx.t.review.kind, [{ value: '', label: ctx.t.review.all }, ...(['department', 'district', 'commune'] as const).filter((k) => all.some((l) => l.kind === k)).map((k) => ({ value: k, label: t.kinds[k] }))]),
    areas.some((a) => a) ? select('chase-area', t.area, [{ value: '*', label: ctx.t.review.all }, ...areas.map((a) => ({ value: a, label: a || t.provinceLevel }))]) : null,
  );

  function unitFilings(u: ChaseUnit, into: HTMLElement): void {
    replace(into, busy('…'));
    ctx.api.submissions({ unit: u.code, period: period.code }).then(
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

  function line(u: ChaseUnit): HTMLElement {
    const filings = h('div', { class: 'unit-filings', 'aria-live': 'polite' });
    const copied = h('div', { 'aria-live': 'polite' });
    const toChase = u.missing.length + u.returned.length > 0;
    const text = toChase ? chaseMessage(u, period, from, ctx) : '';
    const contact = contactOf(registry.get(u.code));
    const parts = [
      u.missing.length ? d.chaseMissing(u.missing.join(', ')) : '',
      u.missingParts.length ? d.chaseMissingPart(u.missingParts.join(', ')) : '',
      u.returned.length ? d.chaseReturned(u.returned.join(', ')) : '',
      u.late.length ? d.chaseLate(u.late.map((l) => `${l.template} (${t.chaseState.late(l.days)})`).join(', ')) : '',
    ].filter(Boolean);
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(text);
        replace(copied, message('success', d.copied));
      } catch {
        replace(copied, message('warning', d.copyFailed));
      }
    };
    const details = h(
      'details',
      { class: `chase-item${isOverdue(u) ? ' overdue' : ''}`, 'data-unit': u.code, 'data-state': u.missing.length ? 'missing' : u.returned.length ? 'returned' : 'late' },
      h(
        'summary',
        {},
        h('strong', {}, u.name),
        h('span', { class: 'muted' }, ` · ${u.code}`),
        h('span', { class: 'chase-what' }, ` · ${parts.join(' · ')}${u.missing.length ? ` · ${t.chaseState.missing(u.overdueDays)}` : ''}`),
      ),
      contact ? h('p', { class: 'chase-contact' }, `${d.contact}: ${contact}`) : null,
      toChase ? h('p', { class: 'chase-message', 'data-message': 'chase' }, text) : null,
      toChase ? h('div', { class: 'actions' }, button(d.copyMessage, () => void copy(), { id: `chase-copy-${u.code}` })) : null,
      copied,
      filings,
    ) as HTMLDetailsElement;
    details.addEventListener('toggle', () => {
      if (details.open && filings.childElementCount === 0) unitFilings(u, filings);
    });
    return h('li', {}, details);
  }

  function render(): void {
    const template = valueOf(filters, 'chase-template');
    const kind = valueOf(filters, 'chase-kind');
    const area = filters.querySelector('#chase-area') ? valueOf(filters, 'chase-area') : '*';
    const shown = all.filter((u) => (!template || templatesOf(u).includes(template)) && (!kind || u.kind === kind) && (area === '*' || u.area === area));
    if (shown.length === 0) return replace(body, message('success', t.nobodyToChase));
    replace(body, h('ul', { class: 'plain-list chase' }, ...shown.map(line)));
  }

  for (const el of filters.querySelectorAll('fluent-dropdown')) el.addEventListener('change', render);
  render();
  // Contacts come from the registry of the period; the list is usable before they arrive.
  ctx.api.units(period.code).then(
    (units) => {
      registry = new Map(units.map((u) => [u.code, u]));
      if (units.some((u) => contactOf(u)) && body.isConnected) render();
    },
    () => undefined,
  );
  return h('div', { class: 'chase-view' }, h('h3', {}, t.chaseTitle(all.length)), h('p', { class: 'muted', id: 'deadline' }, t.deadline(formatDateVi(period.unitDeadline), formatDateVi(period.dicDeadline))), filters, body);
}

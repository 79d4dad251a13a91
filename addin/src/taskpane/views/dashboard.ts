/** DIC's and auditors' view of a period: who filed, who did not, and the consolidated sheets written into Excel. */
import type { PeriodConsolidation } from '../../../../shared/api/schemas';
import type { Consolidation } from '../../../../shared/consolidation';
import { parsePeriod, type Period } from '../../../../shared/periods';
import { periodChoices, periodOptions } from '../periods';
import { chaseView } from './chase';
import { consolidatedWorkbook, isConsolidatedSheet } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, select, valueOf } from '../dom';
import { otherPeriodPicker } from './period-picker';
import { closePeriodControls } from './close-period';

export function dashboardView(ctx: Ctx, onPeriod?: (period: string) => void): HTMLElement {
  const t = ctx.t.dashboard;
  const periodBox = h('div', { class: 'period-box' });
  const body = h('div', { id: 'dashboard-body', 'aria-live': 'polite' });
  const note = h('div', { id: 'pull-note', 'aria-live': 'polite' });
  const other = otherPeriodPicker(ctx, 'dash-other', ['Q', 'H', 'Y'], ctx.today().slice(0, 4), (open) => (periodBox.hidden = open));
  const closing = closePeriodControls(ctx, () => chosen());
  // The period's actions sit next to the period, above its figures and the chase list.
  const root = h(
    'section',
    { class: 'view', 'aria-label': ctx.t.tabs.dashboard },
    h('div', { class: 'card period-card', role: 'group', 'aria-label': ctx.t.day.periodActions },
      h('div', { class: 'row-end' }, periodBox, button(t.load, () => void load(), { id: 'dash-load' })),
      other.toggle,
      other.box,
      h(
        'div',
        { class: 'actions' },
        button(t.pull, () => void pull(), { appearance: 'primary', id: 'pull' }),
        button(t.reportDraft, () => void draftReport(), { id: 'report-docx' }),
        // Closing and reopening the period, beside it.
        closing.element,
      ),
      note,
    ),
    body,
  );
  /** The period shown: Kỳ khác… when it is open, else the list's. */
  const chosen = () => (other.isOpen() ? other.value() : valueOf(root, 'dash-period'));
  let data: PeriodConsolidation | null = null;

  let latest = 0;
  async function load(): Promise<void> {
    const period = chosen();
    if (!period) return;
    onPeriod?.(period);
    replace(body, busy('…'));
    // Only the answer to the latest request is shown, however the answers arrive.
    const mine = ++latest;
    try {
      const fresh = await ctx.api.periodConsolidation(period);
      if (mine !== latest) return;
      data = fresh;
      const p = parsePeriod(data.period)!;
      replace(body, overview(data.consolidations, p, ctx), chaseView(data.consolidations, p, ctx));
      void closing.refresh();
    } catch (e) {
      replace(body, message('error', (e as Error).message));
    }
  }

  /** The period's report drafted by the server from the same figures, saved as a Word document. */
  async function draftReport(): Promise<void> {
    const period = chosen();
    if (!period) return;
    replace(note, busy(t.reportDrafting));
    try {
      const blob = await ctx.api.reportDocx(period);
      const url = URL.createObjectURL(blob);
      const name = `bao-cao-${period}.docx`;
      const link = h('a', { href: url, download: name, id: 'report-link' }, name);
      replace(note, message('success', t.reportReady, ' ', link));
      link.click();
    } catch (e) {
      replace(note, message('error', (e as Error).message));
    }
  }

  /** Writes the period's consolidated sheets; sheets of an earlier pull are replaced only once DIC says so. */
  async function pull(confirmed = false): Promise<void> {
    const period = chosen();
    if (!period) return;
    const present = (await ctx.port.sheetNames()).filter(isConsolidatedSheet);
    if (present.length > 0 && !confirmed) {
      const recorded = (await ctx.port.templateSheets()).filter((m) => present.includes(m.sheet) && m.period);
      const periods = [...new Set(recorded.map((m) => m.period!))];
      replace(
        note,
        message(
          'warning',
          h('span', { id: 'pull-confirm-text' }, t.replaceAsk(present.length, periods.join(', '), period)),
          h('div', { class: 'actions' }, button(t.replaceYes, () => void pull(true), { appearance: 'primary', id: 'pull-confirm' }), button(t.replaceNo, () => replace(note), { id: 'pull-cancel' })),
        ),
      );
      return;
    }
    replace(note, busy(t.pulling));
    try {
      const fresh = await ctx.api.periodConsolidation(period);
      data = fresh;
      const model = consolidatedWorkbook({
        province: fresh.province,
        period: parsePeriod(fresh.period)!,
        generatedAt: fresh.generatedAt,
        engineVersion: fresh.engineVersion,
        consolidations: fresh.consolidations,
        lang: ctx.lang,
        ...(fresh.illustrative ? { illustrative: true } : {}),
      });
      const visible = model.sheets.filter((s) => s.visibility !== 'veryHidden');
      // Never two periods side by side: every consolidated sheet of the earlier pull goes.
      await ctx.port.writeSheets(visible, model.metadata, model.charts ?? [], { replace: true, remove: present });
      replace(note, message('success', t.pulled(visible.length)));
      const p = parsePeriod(fresh.period)!;
      replace(body, overview(fresh.consolidations, p, ctx), chaseView(fresh.consolidations, p, ctx));
    } catch (e) {
      replace(note, message('error', (e as Error).message));
    }
  }


  replace(body, busy('…'));
  void periodChoices(ctx).then(({ periods, initial }) => {
    replace(periodBox, select('dash-period', t.period, periodOptions(periods, ctx), initial));
    void load();
  });
  return root;
}

function overview(consolidations: readonly Consolidation[], period: Period, ctx: Ctx): HTMLElement {
  // Red means overdue: missing reports only once the deadline has passed; a late filing is filed.
  const overdue = ctx.today() > period.unitDeadline;
  const t = ctx.t.dashboard;
  const table = h(
    'table',
    { class: 'grid', id: 'completeness' },
    h('thead', {}, h('tr', {}, ...[t.template, t.expected, t.submitted, t.late, t.missing, t.returned, t.warnings].map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      {},
      ...consolidations.map((c) => {
        const k = c.completeness;
        return h(
          'tr',
          { 'data-template': c.template.id },
          h('th', { scope: 'row', title: c.template.title[ctx.lang] }, c.template.id),
          ...[k.expected, k.submitted, k.late.length, k.missing.length, k.returned.length, new Set(k.openWarnings.map((w) => w.unit)).size].map((n, i) =>
            h('td', { class: i === 3 && n > 0 && overdue ? 'alert' : '' }, String(n)),
          ),
        );
      }),
    ),
  );

  const kinds = { department: { e: 0, s: 0 }, district: { e: 0, s: 0 }, commune: { e: 0, s: 0 } };
  const districts = new Map<string, { e: number; s: number }>();
  for (const c of consolidations) {
    for (const [kind, v] of Object.entries(c.completeness.byKind)) {
      kinds[kind as keyof typeof kinds].e += v.expected;
      kinds[kind as keyof typeof kinds].s += v.submitted;
    }
    for (const d of c.completeness.byDistrict) {
      const x = districts.get(d.district) ?? { e: 0, s: 0 };
      x.e += d.expected;
      x.s += d.submitted;
      districts.set(d.district, x);
    }
  }
  // Districts by name, and only those with reports due (after the 2025 reform a district has none).
  const districtNames = new Map(consolidations.flatMap((c) => c.units.map((u) => [u.code, u.name] as const)));
  const expectedDistricts = [...districts].filter(([, v]) => v.e > 0);
  const bar = (label: string, s: number, e: number) =>
    h(
      'div',
      { class: 'bar-line' },
      h('span', { class: 'bar-label' }, label),
      h('span', { class: 'bar', role: 'img', 'aria-label': `${label}: ${s}/${e}` }, h('span', { class: 'bar-fill', style: `width:${e ? Math.round((s / e) * 100) : 0}%` })),
      h('span', { class: 'bar-count' }, `${s}/${e}`),
    );
  const coordinator = consolidations.find((c) => c.structure.coordinator)?.structure.coordinator;
  const partial = consolidations.reduce((n, c) => n + c.units.filter((u) => u.partOfPeriod && u.submission).length, 0);
  return h(
    'div',
    {},
    coordinator ? h('p', { class: 'muted', id: 'coordinator' }, t.coordinatedBy(coordinator.name)) : null,
    // A table of figures cannot reflow: in a narrow pane it scrolls inside its own box, the pane does not.
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t.completenessTable }, table),
    partial ? h('p', { class: 'muted', id: 'part-period' }, t.partOfPeriod(partial)) : null,
    h('h3', {}, t.byKind),
    ...Object.entries(kinds).filter(([, v]) => v.e > 0).map(([k, v]) => bar(t.kinds[k as keyof typeof kinds], v.s, v.e)),
    expectedDistricts.length ? h('h3', {}, t.byDistrict) : null,
    ...expectedDistricts.map(([d, v]) => bar(districtNames.get(d) ?? d, v.s, v.e)),
  );
}

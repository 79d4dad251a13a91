/** Check any sheet: a template sheet, a consolidated one (its provincial total recomputed), or one that lost its template information. */
import type { Unit } from '../../../../shared/registry/units';
import { TEMPLATES } from '../../../../shared/templates';
import { isConsolidatedSheet } from '../../../../shared/workbook';
import { withTotalAudit, hasProvinceTotal } from '../../audit-total';
import { checkSheetRead } from '../../check';
import type { TemplateSheetRead } from '../../excel/port';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, select, valueOf } from '../dom';
import { showHighlights } from '../highlight';
import { renderChecks } from './issues';

export function checkView(ctx: Ctx): HTMLElement {
  const t = ctx.t.audit;
  const out = h('div', { id: 'check-results', 'aria-live': 'polite' });
  const root = h('section', { class: 'view', 'aria-label': ctx.t.tabs.check }, h('div', { class: 'actions' }, button(t.run, () => void run(), { appearance: 'primary', id: 'audit-check' })), out);

  /** The units of the sheet's period, which say how the rows add up; null when they cannot be had. */
  async function registryOf(period: string | undefined): Promise<Unit[] | null> {
    if (!period) return null;
    try {
      return await ctx.api.units(period);
    } catch {
      return null;
    }
  }

  async function run(templateId?: string): Promise<void> {
    replace(out, busy(ctx.t.check.running));
    let read: TemplateSheetRead;
    try {
      read = await ctx.port.readSheet();
    } catch (e) {
      return replace(out, message('error', (e as Error).message || ctx.t.check.noSheet));
    }
    const id = templateId ?? read.metadata?.template;
    if (!id) {
      const picker = select('audit-template', ctx.t.check.chooseTemplate, TEMPLATES.map((x) => ({ value: x.id, label: `${x.id} · ${x.title[ctx.lang]}` })));
      return replace(out, picker, button(t.run, () => void run(valueOf(out, 'audit-template'))));
    }
    try {
      let checks = checkSheetRead(read, id, ctx.lang);
      // A consolidated sheet without a single figure row: nobody filed, so there is nothing to recompute or check.
      if (isConsolidatedSheet(read.grid.sheet) && checks.every((c) => c.label === null)) {
        await showHighlights(ctx.port, read.grid.sheet, []);
        return replace(out, h('p', { class: 'muted' }, `${read.grid.sheet} · ${id}`), message('info', h('span', { id: 'audit-nothing' }, t.nothingFiled)));
      }
      let note: HTMLElement | null = null;
      if (hasProvinceTotal(checks)) {
        const registry = await registryOf(read.metadata?.period);
        if (registry) {
          checks = withTotalAudit(checks, id, registry, ctx.lang);
          note = h('p', { class: 'muted', id: 'audit-total' }, t.recomputed(checks.length - 1));
        } else note = message('warning', t.noRegistry);
      }
      await showHighlights(ctx.port, read.grid.sheet, checks);
      replace(out, h('p', { class: 'muted' }, `${read.grid.sheet} · ${id}`), note, renderChecks(checks, ctx));
    } catch (e) {
      replace(out, message('error', (e as Error).message));
    }
  }
  return root;
}

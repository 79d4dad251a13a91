/** Check any sheet: a template sheet, a consolidated one, or one that lost its template information. */
import { TEMPLATES } from '../../../../shared/templates';
import { checkSheetRead } from '../../check';
import type { TemplateSheetRead } from '../../excel/port';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, select, valueOf } from '../dom';
import { showHighlights } from '../highlight';
import { renderChecks } from './issues';

export function checkView(ctx: Ctx): HTMLElement {
  const t = ctx.t.check;
  const out = h('div', { id: 'check-results', 'aria-live': 'polite' });
  const root = h('section', { class: 'view', 'aria-label': ctx.t.tabs.check }, h('div', { class: 'actions' }, button(t.run, () => void run(), { appearance: 'primary', id: 'audit-check' })), out);

  async function run(templateId?: string): Promise<void> {
    replace(out, busy(t.running));
    let read: TemplateSheetRead;
    try {
      read = await ctx.port.readSheet();
    } catch (e) {
      return replace(out, message('error', (e as Error).message || t.noSheet));
    }
    const id = templateId ?? read.metadata?.template;
    if (!id) {
      const picker = select('audit-template', t.chooseTemplate, TEMPLATES.map((x) => ({ value: x.id, label: `${x.id} · ${x.title[ctx.lang]}` })));
      return replace(out, picker, button(t.run, () => void run(valueOf(out, 'audit-template'))));
    }
    try {
      const checks = checkSheetRead(read, id, ctx.lang);
      await showHighlights(ctx.port, read.grid.sheet, checks);
      replace(out, h('p', { class: 'muted' }, `${read.grid.sheet} · ${id}`), renderChecks(checks, ctx));
    } catch (e) {
      replace(out, message('error', (e as Error).message));
    }
  }
  return root;
}

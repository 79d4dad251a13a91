/**
 * Chèn mẫu: a template and a period, the periods around the unit's day offered first and any past
 * period through Kỳ khác… (year, kind, index), so a period can be filed late and opened though nobody
 * filed it. A unit that has ended is offered the periods up to its end, by the rules of its last day.
 */
import { formatDateVi } from '../../../../shared/dates';
import { parsePeriod, periodLabel, recentPeriods, type Period } from '../../../../shared/periods';
import { lastDayIn, validDuring } from '../../../../shared/registry/units';
import { TEMPLATES, filesTemplate, getTemplate, type Template } from '../../../../shared/templates';
import type { Ctx } from '../context';
import { button, h, message, replace, select, valueOf } from '../dom';
import { otherPeriodPicker } from './period-picker';

export function insertForm(ctx: Ctx, onInsert: (template: string, period: string) => Promise<void>): HTMLElement {
  const t = ctx.t;
  const unit = ctx.me.unit;
  const today = ctx.today();
  // The day the unit's list is drawn from: today, or the unit's last day when it has ended.
  const reference = unit?.validTo && unit.validTo < today ? unit.validTo : today;
  /** Why the unit cannot file the template for the period, or null when it can. */
  const refusal = (tpl: Template, p: Period): string | null => {
    if (p.start > today) return t.day.periodNotBegun;
    if (!unit) return null;
    if (!validDuring(unit, p.start, p.end)) return t.day.outsideUnit(formatDateVi(unit.validFrom), unit.validTo ? formatDateVi(unit.validTo) : '');
    if (!tpl.periodKinds.includes(p.kind) || !filesTemplate(tpl, unit, lastDayIn(unit, p))) return t.day.noTemplatesFor(`${tpl.id} · ${periodLabel(p, ctx.lang)}`);
    return null;
  };
  const templates = TEMPLATES.filter((tpl) => !unit || filesTemplate(tpl, unit, reference));

  const root = h('section', { class: 'card', id: 'insert-card', 'aria-labelledby': 'insert-title' }, h('h2', { id: 'insert-title' }, t.sheet.newTemplate));
  if (templates.length === 0) {
    root.append(message('info', t.sheet.noTemplates));
    return root;
  }
  const periodBox = h('div', { id: 'period-box' });
  const problem = h('div', { 'aria-live': 'polite', id: 'insert-problem' });
  const other = otherPeriodPicker(ctx, 'other-period', templates[0]!.periodKinds, reference.slice(0, 4), (open) => (periodBox.hidden = open));

  const template = () => getTemplate(valueOf(root, 'insert-template')) ?? templates[0]!;
  const fillPeriods = () => {
    const tpl = template();
    const periods = recentPeriods(tpl.periodKinds, reference, 3).filter((p) => refusal(tpl, p) === null);
    replace(periodBox, select('insert-period', t.sheet.period, periods.map((p) => ({ value: p.code, label: `${periodLabel(p, ctx.lang)} (${p.code})` }))));
    other.setKinds(tpl.periodKinds);
  };
  /** The period chosen: from Kỳ khác… when it is open. */
  const chosenPeriod = (): string => (other.isOpen() ? other.value() : valueOf(root, 'insert-period'));
  const run = async () => {
    const tpl = template();
    const period = parsePeriod(chosenPeriod());
    const why = period ? refusal(tpl, period) : t.sheet.why.noTemplate;
    if (why) {
      replace(problem, message('error', why));
      return;
    }
    replace(problem);
    await onInsert(tpl.id, period!.code);
  };
  root.append(
    select('insert-template', t.sheet.template, templates.map((tpl) => ({ value: tpl.id, label: `${tpl.id} · ${tpl.title[ctx.lang]}` }))),
    periodBox,
    other.toggle,
    other.box,
    h('div', { class: 'actions' }, button(t.sheet.insert, () => void run(), { id: 'insert', appearance: 'primary' })),
    problem,
  );
  root.querySelector('#insert-template')!.addEventListener('change', fillPeriods);
  fillPeriods();
  return root;
}

/**
 * What changed in a period since its last close, shown to DIC before closing it again: the reports
 * filed meanwhile (whose, which revision, by whom, when), the figures that changed (the provincial
 * total and each unit's line, cell by cell) and the units that came into or left the expected and
 * missing lists. The server diffs the closed JSON with the live figures (GET /periods/{p}/changes?from=N).
 */
import type { PeriodChanges } from '../../../../shared/api/schemas';
import { formatNumber, formatPercent } from '../../../../shared/numbers';
import { getTemplate, templateCells, type CellInfo } from '../../../../shared/templates';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { h } from '../dom';

/** Changed cells listed at most; the rest are counted, and the consolidated workbook has them all. */
const MAX_CELLS = 60;
/** Shares are shown as the consolidated sheet formats them. */
const PERCENT_DECIMALS = 2;
/** Decimals a share is shown with at most, to tell a change apart. */
const MAX_PERCENT_DECIMALS = 6;

type Change = PeriodChanges['templates'][number];

export function periodChangesView(changes: PeriodChanges, since: { version: number; closedAt: string }, ctx: Ctx): HTMLElement {
  const t = ctx.t.pane;
  const filings = changes.filings ?? [];
  const changed = changes.templates.filter((c) => c.total.length || c.units.length || c.expected.added.length || c.expected.removed.length || c.missing.added.length || c.missing.removed.length);
  const root = h('section', { id: 'period-changes', class: 'period-changes', tabindex: -1, 'aria-labelledby': 'period-changes-title' }, h('h3', { id: 'period-changes-title' }, t.changesTitle(since.version, formatTime(since.closedAt))));
  if (filings.length === 0 && changed.length === 0) {
    root.append(h('p', { id: 'period-changes-none' }, t.changesNone));
    return root;
  }
  if (filings.length) {
    root.append(
      h('h4', {}, t.changesFilings),
      h(
        'ul',
        { class: 'plain-list changes-filings' },
        ...filings.map((f) => h('li', { 'data-unit': f.unit, 'data-template': f.template }, t.changesFiling(f.template, f.unitName ?? f.unit, f.revision, f.submitterName ?? t.changesNoPerson, formatTime(f.receivedAt)))),
      ),
    );
  }
  if (changed.length) {
    // Units are named as the filings and the figures name them; a code stays only where no name came with the changes.
    const unitNames = new Map<string, string>([...filings.map((f) => [f.unit, f.unitName ?? f.unit] as const), ...changed.flatMap((c) => c.units.map((u) => [u.unit, u.name || u.unit] as const))]);
    let budget = MAX_CELLS;
    let left = 0;
    const list = h('ul', { class: 'plain-list changes-figures' });
    for (const change of changed) {
      const lines: HTMLElement[] = [];
      const add = (who: string, cells: Change['total']) => {
        for (const c of cells) {
          if (budget-- <= 0) {
            left++;
            continue;
          }
          const info = cellInfo(change.template, c.ref);
          const [before, after] = shownPair(c.before, c.after, info, ctx);
          lines.push(h('li', { 'data-ref': c.ref }, `${who}: ${t.changesCell(info ? `${info.row.code} ${info.row.label[ctx.lang]}` : c.ref, before, after)}`));
        }
      };
      add(t.changesTotal, change.total);
      for (const unit of change.units) add(unit.name || unit.unit, unit.cells);
      const names = (codes: string[]) => codes.map((code) => unitNames.get(code) ?? code).join(', ');
      if (change.expected.added.length || change.expected.removed.length) lines.push(h('li', {}, t.changesExpected(names(change.expected.added), names(change.expected.removed))));
      if (change.missing.added.length || change.missing.removed.length) lines.push(h('li', {}, t.changesMissing(names(change.missing.added), names(change.missing.removed))));
      list.append(h('li', { 'data-template': change.template }, h('strong', {}, change.template), h('ul', { class: 'plain-list' }, ...lines)));
    }
    root.append(h('h4', {}, t.changesFigures), list);
    if (left > 0) root.append(h('p', { class: 'muted' }, t.changesMore(left)));
  }
  return root;
}

/** A cell of the template, to name it as people read it ("HS01 Hồ sơ tiếp nhận") and write its value as the sheet does. */
function cellInfo(templateId: string, ref: string): CellInfo | undefined {
  const template = getTemplate(templateId);
  return template?.kind === 'indicator' ? templateCells(template).get(ref) : undefined;
}

/** A value as the consolidated sheet shows it: a share as a percentage with two decimals. */
function shown(value: number | string | null, info: CellInfo | undefined, ctx: Ctx, decimals = PERCENT_DECIMALS): string {
  if (value === null || value === '') return ctx.t.pane.empty;
  if (typeof value !== 'number') return value;
  return info?.measure === 'percent' ? formatPercent(value, ctx.lang, decimals) : formatNumber(value, ctx.lang);
}

/** Before and after, with as many more decimals as a share needs for a change to show (97,57% → 97,57% says nothing). */
export function shownPair(before: number | string | null, after: number | string | null, info: CellInfo | undefined, ctx: Ctx): [string, string] {
  for (let decimals = PERCENT_DECIMALS; decimals < MAX_PERCENT_DECIMALS; decimals++) {
    const pair: [string, string] = [shown(before, info, ctx, decimals), shown(after, info, ctx, decimals)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [shown(before, info, ctx, MAX_PERCENT_DECIMALS), shown(after, info, ctx, MAX_PERCENT_DECIMALS)];
}

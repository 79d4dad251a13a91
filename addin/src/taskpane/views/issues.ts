/** A verdict as the clerk reads it: a summary, the versions used, and every issue, each a button to its cell. */
import type { Issue, Report } from '../../../../shared/validation';
import type { SheetCheck } from '../../check';
import { inSheetOrder } from '../../issue-order';
import type { Ctx } from '../context';
import { h, message } from '../dom';

export interface VerdictOptions {
  /** Part of the check could not run (the comparison with the previous period): never read as valid. */
  incomplete?: boolean;
  /** Why, where the server refused the comparison (a sheet of another unit): its own words replace "no connection". */
  refused?: string;
}

export function summaryOf(reports: readonly Report[], ctx: Ctx, options: VerdictOptions = {}): HTMLElement {
  const t = ctx.t.check;
  const errors = reports.reduce((n, r) => n + r.errors.length, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  const open = reports.reduce((n, r) => n + r.warnings.filter((w) => !w.explained).length, 0);
  if (errors > 0) return message('error', t.errors(errors, warnings, open));
  if (open > 0) return message('warning', t.openWarnings(open));
  if (options.incomplete) return message('warning', h('strong', {}, `${ctx.t.day.notValidYet}. `), h('span', { id: 'check-incomplete' }, options.refused ? ctx.t.day.checkRefused(options.refused) : ctx.t.day.checkIncomplete));
  if (warnings > 0) return message('success', t.okWarnings(warnings));
  return message('success', t.ok);
}

export function renderChecks(checks: readonly SheetCheck[], ctx: Ctx, options: VerdictOptions = {}): HTMLElement {
  const reports = checks.map((c) => c.report);
  const first = reports[0];
  const list = h('ul', { class: 'issues', 'aria-label': ctx.t.check.issueList });
  for (const check of checks) {
    for (const issue of inSheetOrder([...check.report.errors, ...check.report.warnings])) list.append(issueItem(issue, check.label, ctx));
  }
  return h(
    'div',
    { class: 'verdict' },
    summaryOf(reports, ctx, options),
    first ? h('p', { class: 'versions' }, ctx.t.check.versions(first.engineVersion, first.template, first.templateVersion)) : null,
    list.childElementCount > 0 ? list : null,
  );
}

export function renderIssues(issues: readonly Issue[], ctx: Ctx): HTMLElement {
  const list = h('ul', { class: 'issues' });
  for (const issue of issues) list.append(issueItem(issue, null, ctx));
  return list;
}

function issueItem(issue: Issue, label: string | null, ctx: Ctx): HTMLElement {
  const t = ctx.t.check;
  const address = issue.addresses?.[0];
  const where = address ? address.slice(address.lastIndexOf('!') + 1) : issue.cells[0] ?? '';
  const severity = issue.severity === 'error' ? t.error : t.warning;
  const badge = h('fluent-badge', { appearance: 'tint', color: issue.severity === 'error' ? 'danger' : 'warning', size: 'small' }, severity);
  const body = h(
    'div',
    { class: 'issue-body' },
    h('div', { class: 'issue-head' }, badge, h('span', { class: 'issue-cell' }, where), label ? h('span', { class: 'issue-row' }, t.row(label)) : null),
    h('div', { class: 'issue-message' }, issue.message),
    issue.severity === 'warning'
      ? h('div', { class: issue.explained ? 'issue-note explained' : 'issue-note' }, issue.explained ? `${t.explained}: ${issue.note ?? ''}` : t.unexplained)
      : null,
  );
  const item = h('li', { class: `issue ${issue.severity}`, 'data-code': issue.code, 'data-cell': where });
  if (address) {
    item.append(
      h('button', { class: 'issue-button', type: 'button', title: `${t.jump} ${where}`, onclick: () => void ctx.port.select(address) }, body),
    );
  } else item.append(body);
  return item;
}

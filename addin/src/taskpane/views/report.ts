/** The clerk's work: the open template sheet, Kiểm tra, Nộp, the receipt, what DIC said; and inserting a template. */
import type { Receipt, SubmissionSummary } from '../../../../shared/api/schemas';
import { parsePeriod, periodLabel, recentPeriods } from '../../../../shared/periods';
import { TEMPLATES, filesTemplate, getTemplate, templateFor } from '../../../../shared/templates';
import { anotherPeriodSheet, buildTemplateSheet, sheetMetadataFor, formatTime, type SheetMetadata } from '../../../../shared/workbook';
import { ApiError } from '../../api/client';
import { FilingKeys } from '../../api/filing-keys';
import { checkSheetRead, type SheetCheck } from '../../check';
import type { TemplateSheetRead } from '../../excel/port';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, select, valueOf } from '../dom';
import { showHighlights } from '../highlight';
import { renderChecks } from './issues';
import type { Issue } from '../../../../shared/validation';
import { lastDayIn } from '../../../../shared/registry/units';

export function reportView(ctx: Ctx): HTMLElement {
  const t = ctx.t;
  const root = h('section', { class: 'view', 'aria-label': t.tabs.report });
  const sheetArea = h('div', { class: 'card', id: 'sheet-card' });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const statusArea = h('div', { id: 'status-area' });
  const insertArea = h('div', { class: 'card', id: 'insert-card' });
  root.append(sheetArea, results, statusArea, insertArea);

  let current: { metadata: SheetMetadata | undefined; sheet: string } | null = null;
  let lastCheck: SheetCheck[] | null = null;
  /** Cells were edited since the last check. */
  let edited = false;
  let submitting = false;
  const keys = new FilingKeys();

  // A token with a unit inserts the templates that unit files; an auditor's, without one, any blank template.
  const unit = ctx.me.unit;
  const templates = TEMPLATES.filter((tpl) => (unit ? filesTemplate(tpl, unit, ctx.today()) : true));

  async function refreshSheet(): Promise<void> {
    const before = current?.sheet;
    try {
      const read = await ctx.port.readSheet();
      current = { metadata: read.metadata, sheet: read.grid.sheet };
    } catch {
      current = null;
    }
    // Another sheet: the results shown were of the one before.
    if (current?.sheet !== before) {
      lastCheck = null;
      edited = false;
      replace(results);
    }
    renderSheet();
    await refreshStatus();
  }

  // The pane follows Excel: the sheet the user activates, the cells the user edits.
  ctx.onWorkbookChange((change) => {
    if (change === 'activated') void refreshSheet();
    else if (lastCheck && !edited) {
      edited = true;
      renderSheet();
    }
  });

  /** Why Nộp (or Kiểm tra) cannot be pressed now, or null when it can. */
  function disabledReason(): string | null {
    if (!current?.metadata) return t.sheet.why.noTemplate;
    if (submitting) return t.sheet.why.submitting;
    if (!lastCheck) return t.sheet.why.notChecked;
    if (!lastCheck.every((c) => c.report.submittable)) return t.sheet.why.notSubmittable;
    return null;
  }

  function renderSheet(): void {
    const m = current?.metadata;
    const period = m?.period ? parsePeriod(m.period) : undefined;
    const why = disabledReason();
    replace(
      sheetArea,
      h('div', { class: 'row-between' }, h('h2', {}, t.sheet.current), button(t.sheet.refresh, () => void refreshSheet(), { appearance: 'subtle', id: 'refresh-sheet' })),
      m
        ? h('p', { class: 'sheet-line', id: 'sheet-line' }, t.sheet.templateLine(m.template, m.version, period ? periodLabel(period, ctx.lang) : ''))
        : message('info', t.sheet.notTemplate),
      h(
        'div',
        { class: 'actions' },
        button(t.check.run, () => void runCheck(), { appearance: 'primary', id: 'check', disabled: !m, describedBy: m ? undefined : 'actions-why' }),
        button(t.submit.run, () => void runSubmit(), { appearance: 'primary', id: 'submit', disabled: why !== null, describedBy: why ? 'actions-why' : undefined }),
      ),
      why ? h('p', { class: 'muted hint', id: 'actions-why' }, why) : null,
      edited ? message('warning', t.sheet.edited) : null,
    );
  }

  /**
   * What the server will compare the report with, so Kiểm tra gives the verdict Nộp will get. Asked at
   * every check: the previous period may have been filed or corrected meanwhile.
   */
  async function previousFor(m: SheetMetadata): Promise<Record<string, number | string> | undefined> {
    const unitCode = m.unit ?? ctx.me.unit?.code;
    if (!m.period || !unitCode) return undefined;
    try {
      return (await ctx.api.comparison(m.template, m.period, unitCode)).values ?? undefined;
    } catch {
      return undefined; // offline: the server compares when the report is filed
    }
  }

  async function checkSheet(read: TemplateSheetRead): Promise<SheetCheck[]> {
    const m = read.metadata!;
    // A sheet of the signed-in unit is checked with the rules of its kind, even if the workbook does not record it.
    const own = ctx.me.unit && m.unit === ctx.me.unit.code ? ctx.me.unit : undefined;
    const period = m.period ? parsePeriod(m.period) : undefined;
    const previous = await previousFor(m);
    return checkSheetRead(read, m.template, ctx.lang, own?.kind, ctx.today(), {
      ...(previous ? { previous } : {}),
      ...(own && period ? { unitUntil: lastDayIn(own, period) } : {}),
    });
  }

  /** The server's issues shown like the pane's own: at their cells, highlighted, each a button to its cell. */
  async function showServerIssues(check: SheetCheck, issues: readonly Issue[]): Promise<HTMLElement> {
    const placed = issues.map((i) => ({ ...i, addresses: i.addresses ?? i.cells.map((ref) => check.locate?.(ref)).filter((a): a is string => !!a) }));
    const served: SheetCheck = { ...check, report: { ...check.report, errors: placed.filter((i) => i.severity === 'error'), warnings: placed.filter((i) => i.severity === 'warning') } };
    lastCheck = [served];
    if (current) await showHighlights(ctx.port, current.sheet, lastCheck);
    return renderChecks(lastCheck, ctx);
  }

  async function runCheck(): Promise<SheetCheck[] | null> {
    replace(results, busy(t.check.running));
    try {
      const read = await ctx.port.readSheet();
      current = { metadata: read.metadata, sheet: read.grid.sheet };
      if (!read.metadata) {
        replace(results, message('info', t.sheet.notTemplate));
        return null;
      }
      lastCheck = await checkSheet(read);
      edited = false;
      ctx.memory.checkedSheet = read.grid.sheet;
      await showHighlights(ctx.port, read.grid.sheet, lastCheck);
      replace(results, renderChecks(lastCheck, ctx));
      renderSheet();
      return lastCheck;
    } catch (e) {
      replace(results, message('error', (e as Error).message || t.check.noSheet));
      return null;
    }
  }

  async function runSubmit(anyway = false): Promise<void> {
    if (submitting) return;
    submitting = true;
    renderSheet();
    try {
      await submitChecked(anyway);
    } finally {
      submitting = false;
      renderSheet();
    }
  }

  /** Files what Kiểm tra passed; content already filed as the latest revision is filed again only when `anyway`. */
  async function submitChecked(anyway: boolean): Promise<void> {
    // Values may have changed since the last check: check again, then send exactly what was checked.
    const checks = await runCheck();
    if (!checks) return;
    const [check] = checks;
    if (!check || !check.report.submittable) {
      results.prepend(message('warning', t.submit.blocked));
      return;
    }
    if (!check.submission.period) {
      results.prepend(message('error', t.submit.needPeriod));
      return;
    }
    results.append(busy(t.submit.running));
    const submission = { ...check.submission, ...(ctx.me.unit && !check.submission.unit ? { unit: ctx.me.unit.code } : {}) };
    const key = keys.keyFor(JSON.stringify(submission));
    try {
      const receipt = await ctx.api.submit(submission, key, { onlyIfChanged: !anyway });
      keys.settled();
      replace(results, renderChecks(checks, ctx), receiptCard(receipt));
    } catch (e) {
      keys.settled(e);
      if (e instanceof ApiError && e.problem?.code === 'submission_unchanged') {
        replace(
          results,
          renderChecks(checks, ctx),
          message('warning', h('span', { id: 'unchanged-note' }, t.submit.unchanged), ' ', button(t.submit.anyway, () => void runSubmit(true), { id: 'submit-anyway' })),
        );
      } else if (e instanceof ApiError && e.problem?.issues?.length) {
        replace(results, message('error', `${t.submit.refused} ${e.problem.detail}`), await showServerIssues(check, e.problem.issues));
      } else replace(results, message('error', (e as Error).message));
    }
    await refreshStatus();
  }

  function receiptCard(receipt: Receipt): HTMLElement {
    return h(
      'div',
      { class: 'card receipt', id: 'receipt' },
      message('success', t.submit.receipt(receipt.revision, formatTime(receipt.receivedAt))),
      h('p', { class: 'mono' }, `${t.submit.hash}: ${receipt.hash.slice(0, 16)}…`),
      receipt.late ? message('warning', t.submit.late(receipt.daysLate)) : null,
    );
  }

  async function refreshStatus(): Promise<void> {
    const m = current?.metadata;
    if (!m?.period) {
      replace(statusArea);
      return;
    }
    try {
      const list = await ctx.api.submissions({ template: m.template, period: m.period, ...(m.unit ? { unit: m.unit } : {}) });
      replace(statusArea, list.length ? statusCard(list) : null);
    } catch {
      replace(statusArea);
    }
  }

  function statusCard(list: SubmissionSummary[]): HTMLElement {
    return h(
      'div',
      { class: 'card', id: 'status-card' },
      h('h2', {}, t.status.previous),
      ...list.map((s) =>
        h(
          'div',
          { class: 'status-line' },
          h('span', {}, `${s.template} · ${s.unit} · ${t.status.revision(s.revision)} · ${formatTime(s.receivedAt)}`),
          statusBadge(s.status, ctx),
          s.status === 'returned' && s.review?.comment ? message('warning', t.status.returnedWith(s.review.comment, ctx.me.coordinator?.name ?? t.roles.dic)) : null,
        ),
      ),
    );
  }

  function renderInsert(): void {
    if (templates.length === 0) {
      replace(insertArea, h('h2', {}, t.sheet.newTemplate), message('info', t.sheet.noTemplates));
      return;
    }
    const templateSelect = select('insert-template', t.sheet.template, templates.map((tpl) => ({ value: tpl.id, label: `${tpl.id} · ${tpl.title[ctx.lang]}` })));
    const periodBox = h('div', { id: 'period-box' });
    const fillPeriods = () => {
      const tpl = getTemplate(valueOf(insertArea, 'insert-template'))!;
      const periods = recentPeriods(tpl.periodKinds, ctx.today(), 3);
      replace(periodBox, select('insert-period', t.sheet.period, periods.map((p) => ({ value: p.code, label: `${periodLabel(p, ctx.lang)} (${p.code})` }))));
    };
    const note = h('div', { id: 'insert-note', 'aria-live': 'polite' });
    replace(insertArea, h('h2', {}, t.sheet.newTemplate), templateSelect, periodBox, h('div', { class: 'actions' }, button(t.sheet.insert, () => void insert(note), { id: 'insert' })), note);
    insertArea.querySelector('#insert-template')!.addEventListener('change', fillPeriods);
    fillPeriods();
  }

  async function insert(note: HTMLElement): Promise<void> {
    const period = valueOf(insertArea, 'insert-period');
    // The version in force for the period chosen.
    const template = templateFor(valueOf(insertArea, 'insert-template'), period)!;
    const unit = ctx.me.unit ? { code: ctx.me.unit.code, name: ctx.me.unit.name, kind: ctx.me.unit.kind } : undefined;
    const options = { lang: ctx.lang, period, ...(unit ? { unit } : {}) };
    try {
      const recorded = (await ctx.port.templateSheets()).filter((m) => m.template === template.id);
      // The same template and period already has its sheet: open that one, not another.
      const same = recorded.find((m) => m.period === period && (!unit || !m.unit || m.unit === unit.code));
      if (same) {
        replace(note, message('warning', t.sheet.exists(same.sheet), button(t.sheet.open, () => void ctx.port.select(`'${same.sheet}'!A1`).then(refreshSheet), { id: 'open-existing' })));
        return;
      }
      let sheet = buildTemplateSheet(template, options);
      let metadata = sheetMetadataFor(template, options);
      // Another period of a template the workbook holds: its own sheet, named after its period.
      if ((await ctx.port.sheetNames()).includes(sheet.name)) ({ sheet, metadata } = anotherPeriodSheet(sheet, metadata, period));
      await ctx.port.writeSheets([sheet], [metadata]);
      replace(note, message('success', t.sheet.inserted(sheet.name)));
      lastCheck = null;
      replace(results);
      await refreshSheet();
    } catch (e) {
      replace(note, message('error', (e as Error).message));
    }
  }


  renderSheet();
  renderInsert();
  // Rebuilt for a language switch: the sheet checked before shows its issues again, in the new language.
  void refreshSheet().then(() => (current && ctx.memory.checkedSheet === current.sheet ? runCheck() : null));
  return root;
}

export function statusBadge(status: SubmissionSummary['status'] | 'missing', ctx: Ctx): HTMLElement {
  const color = status === 'accepted' ? 'success' : status === 'returned' || status === 'missing' ? 'danger' : 'informative';
  return h('fluent-badge', { appearance: 'tint', color, size: 'small', 'data-status': status }, ctx.t.status[status]);
}

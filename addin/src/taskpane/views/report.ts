/** The clerk's work: the open template sheet, Kiểm tra, Nộp, the receipt, what DIC said; and inserting a template. */
import type { Comparison, Receipt, SubmissionSummary } from '../../../../shared/api/schemas';
import { dueKey } from '../../../../shared/due';
import { parsePeriod, periodLabel } from '../../../../shared/periods';
import { getTemplate, templateFor } from '../../../../shared/templates';
import { anotherPeriodSheet, buildTemplateSheet, filledTemplateSheet, sheetMetadataFor, formatTime, type SheetMetadata, type SheetModel } from '../../../../shared/workbook';
import { ApiError } from '../../api/client';
import { FilingKeys } from '../../api/filing-keys';
import { checkSheetRead, type SheetCheck } from '../../check';
import type { TemplateSheetRead } from '../../excel/port';
import type { Ctx } from '../context';
import { busy, button, checkbox, h, message, replace, replaceKeepingFocus } from '../dom';
import { formatDateVi } from '../../../../shared/dates';
import type { Unit } from '../../../../shared/registry/units';
import { comparedNote } from './compared';
import { filerLine } from './who';
import { coveredPredecessors } from './covers';
import { showHighlights } from '../highlight';
import { renderChecks } from './issues';
import type { Issue } from '../../../../shared/validation';
import { lastDayIn } from '../../../../shared/registry/units';
import { dueView } from './due';
import { insertForm } from './insert';

export function reportView(ctx: Ctx): HTMLElement {
  const t = ctx.t;
  const root = h('section', { class: 'view', 'aria-label': t.tabs.report });
  const sheetArea = h('div', { class: 'card', id: 'sheet-card' });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const statusArea = h('div', { id: 'status-area' });
  // A successor's filing may include its predecessors' part of the period: asked beside Nộp, only where there are some.
  const coversArea = h('div', { id: 'covers-area' });
  const insertArea = insertForm(ctx, (template, period) => insert(template, period, note));
  const note = h('div', { id: 'insert-note', 'aria-live': 'polite' });
  insertArea.append(note);
  // A unit's first screen is what it has to file; an auditor's sheet comes first.
  const due = ctx.me.unit ? dueView(ctx, { insert: (template, period) => insert(template, period, dueNote), openFiled }) : null;
  const dueNote = h('div', { id: 'due-note', 'aria-live': 'polite' });
  if (due) due.root.append(dueNote);
  root.append(...(due ? [due.root] : []), sheetArea, coversArea, results, statusArea, insertArea);

  let current: { metadata: SheetMetadata | undefined; sheet: string } | null = null;
  let lastCheck: SheetCheck[] | null = null;
  /** The last check could not compare with the previous period (no connection): it cannot say the report is valid. */
  let incomplete = false;
  /** The server's reason, where it refused the comparison. */
  let refused: string | undefined;
  /** What the last check compared with, as the server will: named under the verdict. */
  let comparedWith: Comparison | null = null;
  /** The units the signed-in unit took over from during the open sheet's period, and whether the filing includes their part. */
  let predecessors: Unit[] = [];
  let covers = false;
  /** The registry of each period asked for once; the latest sheet's answer is the one shown. */
  const registryOf = new Map<string, Promise<Unit[]>>();
  let coversTurn = 0;
  /** Cells were edited since the last check. */
  let edited = false;
  let submitting = false;
  const keys = new FilingKeys();

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
    await Promise.all([refreshStatus(), refreshCovers(current?.sheet !== before)]);
  }

  /** The predecessors of the unit that ended inside the open sheet's period, from the registry of that period. */
  async function refreshCovers(otherSheet: boolean): Promise<void> {
    const period = current?.metadata?.period;
    const own = ctx.me.unit;
    if (otherSheet) covers = false;
    if (!own || !period || (current?.metadata?.unit && current.metadata.unit !== own.code)) {
      ++coversTurn;
      predecessors = [];
      return replace(coversArea);
    }
    const parsed = parsePeriod(period);
    const mine = ++coversTurn;
    let found: Unit[] = [];
    try {
      let units = registryOf.get(period);
      if (!units) {
        units = ctx.api.units(period);
        // A failed request is asked again next time.
        units.catch(() => registryOf.delete(period));
        registryOf.set(period, units);
      }
      found = parsed ? coveredPredecessors(await units, own.code, parsed) : [];
    } catch {
      found = [];
    }
    if (mine !== coversTurn) return;
    predecessors = found;
    renderCovers();
  }

  function renderCovers(): void {
    if (predecessors.length === 0) {
      covers = false;
      return replace(coversArea);
    }
    const names = predecessors.map((u) => t.pane.ended(u.name, formatDateVi(u.validTo!))).join('; ');
    const box = checkbox('covers-predecessors', t.pane.covers(names));
    const control = box.querySelector('fluent-checkbox') as HTMLElement & { checked: boolean };
    control.setAttribute('aria-describedby', 'covers-hint');
    if (covers) control.setAttribute('checked', '');
    control.addEventListener('change', () => (covers = control.checked === true));
    replaceKeepingFocus(coversArea, h('div', { class: 'card covers' }, box, h('p', { class: 'muted hint', id: 'covers-hint' }, t.pane.coversHint)));
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
    replaceKeepingFocus(
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
  async function previousFor(m: SheetMetadata): Promise<{ values?: Record<string, number | string>; compared?: Comparison; failed: boolean; refused?: string }> {
    const unitCode = m.unit ?? ctx.me.unit?.code;
    if (!m.period || !unitCode) return { failed: false };
    try {
      const compared = await ctx.api.comparison(m.template, m.period, unitCode);
      return compared.values ? { values: compared.values, compared, failed: false } : { compared, failed: false };
    } catch (e) {
      // Refused by the server (a sheet of another unit): said in its words. Offline: the server compares when the report is filed.
      return e instanceof ApiError && e.problem ? { failed: true, refused: e.message } : { failed: true };
    }
  }

  async function checkSheet(read: TemplateSheetRead): Promise<SheetCheck[]> {
    const m = read.metadata!;
    // A sheet of the signed-in unit is checked with the rules of its kind, even if the workbook does not record it.
    const own = ctx.me.unit && m.unit === ctx.me.unit.code ? ctx.me.unit : undefined;
    const period = m.period ? parsePeriod(m.period) : undefined;
    const previous = await previousFor(m);
    incomplete = previous.failed;
    refused = previous.refused;
    comparedWith = previous.compared ?? null;
    return checkSheetRead(read, m.template, ctx.lang, own?.kind, ctx.today(), {
      // The period and units compared, named in a jump warning exactly as the server names them.
      ...(previous.values && previous.compared ? { previous: previous.values, compared: { period: previous.compared.period, units: previous.compared.units } } : {}),
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

  /** The verdict of a check as shown: one that could not compare with the previous period says so and is never "valid". */
  const verdict = (checks: readonly SheetCheck[]) => {
    const shown = renderChecks(checks, ctx, { incomplete, ...(refused ? { refused } : {}) });
    if (comparedWith && !incomplete) shown.append(comparedNote(comparedWith, ctx));
    return shown;
  };

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
      const m = read.metadata;
      if (m.period && lastCheck.every((c) => c.report.submittable)) ctx.memory.checkedKeys.add(dueKey(m.template, m.period));
      await showHighlights(ctx.port, read.grid.sheet, lastCheck);
      replace(results, verdict(lastCheck));
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
    // Once Nộp can be pressed again: the question asked (file again anyway?) takes the keyboard.
    (results.querySelector('#submit-anyway') as HTMLElement | null)?.focus();
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
    const submission = {
      ...check.submission,
      ...(ctx.me.unit && !check.submission.unit ? { unit: ctx.me.unit.code } : {}),
      ...(covers && predecessors.length > 0 ? { coversPredecessors: true } : {}),
    };
    const key = keys.keyFor(JSON.stringify(submission));
    try {
      const receipt = await ctx.api.submit(submission, key, { onlyIfChanged: !anyway });
      keys.settled();
      // The receipt first, in view, with focus on it, announced: the clerk sees that Nộp worked.
      const card = receiptCard(receipt);
      replace(results, card, verdict(checks));
      card.scrollIntoView?.({ block: 'start' });
      card.focus();
      await due?.refresh();
    } catch (e) {
      keys.settled(e);
      if (e instanceof ApiError && e.problem?.code === 'submission_unchanged') {
        replace(
          results,
          message('warning', h('span', { id: 'unchanged-note' }, t.submit.unchanged), ' ', button(t.submit.anyway, () => void runSubmit(true), { id: 'submit-anyway' })),
          verdict(checks),
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
      { class: 'card receipt', id: 'receipt', tabindex: -1, role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
      message('success', t.submit.receipt(receipt.revision, formatTime(receipt.receivedAt))),
      h('p', { id: 'receipt-filer' }, filerLine(receipt.filedBy?.name ?? null, ctx.me.unit?.name ?? ctx.me.label ?? '', ctx)),
      receipt.report.coversPredecessors ? h('p', { id: 'receipt-covers' }, t.pane.coversFiled) : null,
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
          h('span', { class: 'muted' }, filerLine(s.submitterName ?? null, ctx.me.unit?.code === s.unit ? ctx.me.unit.name : s.unit, ctx, s.filerLabel)),
          statusBadge(s.status, ctx),
          s.status === 'returned' && s.review?.comment ? message('warning', t.status.returnedWith(s.review.comment, ctx.me.coordinator?.name ?? t.roles.dic)) : null,
        ),
      ),
    );
  }

  /** Writes a sheet and its record, then follows it as the open sheet. */
  async function writeTemplateSheet(sheet: SheetModel, metadata: SheetMetadata): Promise<void> {
    await ctx.port.writeSheets([sheet], [metadata]);
    lastCheck = null;
    replace(results);
    await refreshSheet();
  }

  /** The sheet a template and period gets: its own name when the workbook holds the template for another period. */
  async function placeFor(sheet: SheetModel, metadata: SheetMetadata, period: string): Promise<{ sheet: SheetModel; metadata: SheetMetadata }> {
    return (await ctx.port.sheetNames()).includes(sheet.name) ? anotherPeriodSheet(sheet, metadata, period) : { sheet, metadata };
  }

  const unitInfo = () => (ctx.me.unit ? { code: ctx.me.unit.code, name: ctx.me.unit.name, kind: ctx.me.unit.kind } : undefined);

  /** The sheet this workbook records for a template and period, if any. */
  async function recordedSheet(template: string, period: string): Promise<SheetMetadata | undefined> {
    const unit = ctx.me.unit;
    return (await ctx.port.templateSheets()).find((m) => m.template === template && m.period === period && (!unit || !m.unit || m.unit === unit.code));
  }

  async function insert(templateId: string, period: string, where: HTMLElement): Promise<void> {
    // The version in force for the period chosen.
    const template = templateFor(templateId, period)!;
    const unit = unitInfo();
    const options = { lang: ctx.lang, period, ...(unit ? { unit } : {}) };
    try {
      // The same template and period already has its sheet: open that one, not another.
      const same = await recordedSheet(template.id, period);
      if (same) {
        replace(where, message('warning', t.sheet.exists(same.sheet), button(t.sheet.open, () => void ctx.port.select(`'${same.sheet}'!A1`).then(refreshSheet), { id: 'open-existing' })));
        (where.querySelector('#open-existing') as HTMLElement | null)?.focus();
        return;
      }
      const placed = await placeFor(buildTemplateSheet(template, options), sheetMetadataFor(template, options), period);
      await writeTemplateSheet(placed.sheet, placed.metadata);
      replace(where, message('success', t.sheet.inserted(placed.sheet.name)));
    } catch (e) {
      replace(where, message('error', (e as Error).message));
    }
  }

  /** Writes a filed revision into its sheet (replacing the sheet of that template and period): a correction is an edit. */
  async function openFiled(filing: { id: string; revision: number; template: string; period: string }): Promise<void> {
    const template = getTemplate(filing.template)!;
    replace(dueNote, busy(ctx.t.loading));
    try {
      const detail = await ctx.api.revision(filing.id, filing.revision);
      const unit = unitInfo();
      const options = { lang: ctx.lang, period: filing.period, ...(unit ? { unit } : {}) };
      const same = await recordedSheet(template.id, filing.period);
      const model = filledTemplateSheet(template, detail.submission, options);
      const metadata = sheetMetadataFor(template, options);
      const placed = same ? { sheet: { ...model, name: same.sheet, names: same.sheet === model.name ? model.names : [] }, metadata: { ...metadata, sheet: same.sheet } } : await placeFor(model, metadata, filing.period);
      await ctx.port.writeSheets([placed.sheet], [placed.metadata], [], { replace: true });
      lastCheck = null;
      replace(results);
      await refreshSheet();
      // A filing that covered its predecessors reopens saying so: filed again, it still covers them.
      if (detail.submission.coversPredecessors && predecessors.length > 0) {
        covers = true;
        renderCovers();
      }
      replace(dueNote, message('success', ctx.t.day.opened(placed.sheet.name, filing.revision)));
    } catch (e) {
      replace(dueNote, message('error', (e as Error).message));
    }
  }

  renderSheet();
  void due?.refresh();
  // Rebuilt for a language switch: the sheet checked before shows its issues again, in the new language.
  void refreshSheet().then(() => (current && ctx.memory.checkedSheet === current.sheet ? runCheck() : null));
  return root;
}

export function statusBadge(status: SubmissionSummary['status'] | 'missing', ctx: Ctx): HTMLElement {
  const color = status === 'accepted' ? 'success' : status === 'returned' || status === 'missing' ? 'danger' : 'informative';
  return h('fluent-badge', { appearance: 'tint', color, size: 'small', 'data-status': status }, ctx.t.status[status]);
}

/**
 * One engine for every place a verdict is given: the task pane, the worker, the auditor's
 * custom function and the command line all call `validate(template, submission)`.
 */
import type { Lang } from '../i18n';
import { parsePeriod } from '../periods';
import { filingOpens, getTemplate, isFiledFor, templateFor, templateVersion } from '../templates';
import { splitRef } from '../templates/cells';
import type { Template, UnitKind } from '../templates/schema';
import type { Submission } from '../submission';
import { cellChecks } from './cell-checks';
import type { Issue, Report } from './issues';
import { inSheetRows, validateList } from './list';
import { renderMessage, renderTemplateUnknown } from './messages';
import { normalizeIndicator, type DraftIssue } from './normalize';
import { ruleChecks } from './rule-checks';
import { ENGINE_VERSION } from './version';

export interface ValidateOptions {
  lang?: Lang;
  /** The kind of the reporting unit; rows required for that kind are then checked. */
  unitKind?: UnitKind;
  /** The unit's figures of the previous period, for jump warnings. */
  previous?: Record<string, number | string | null>;
  /** Which period and whose figures `previous` holds (the unit's own, or those of the units it took over from). */
  compared?: { period: string; units: readonly string[] };
  /** Sheet address of a cell (`'BM03'!E12`), when the values came from a sheet. */
  locate?: (cellRef: string) => string | undefined;
  /** Number of provinces a rank is taken among, where the dated setting (shared/settings) is not to be used. */
  provinces?: number;
  /** Today in Viet Nam (ISO date), where the report is to be filed: a period not yet begun is refused. */
  today?: string;
  /** The last day of the period the unit was in force, when it ended during it: the rules of that day apply to its rows. */
  unitUntil?: string;
}

export function validate(template: Template, submission: Submission, options: ValidateOptions = {}): Report {
  const lang = options.lang ?? 'vi';
  const drafts: DraftIssue[] = [];
  const header = (code: DraftIssue['code'], params: DraftIssue['params']): void => {
    drafts.push({ code, severity: 'error', cells: [], values: {}, params });
  };

  // A sheet checked outside any report (the auditor's function) may carry no period.
  const period = submission.period === '' ? undefined : parsePeriod(submission.period);
  if (submission.template.toUpperCase() !== template.id) {
    header('template_unknown', { template: submission.template });
  } else if (submission.version !== template.version) {
    // The version named is the one in force for the period, where there is one.
    header('version_mismatch', { template: template.id, got: submission.version, expected: template.version, ...(period ? { period: period.code } : {}) });
  }
  if (!period && submission.period !== '') header('period_invalid', { period: submission.period });
  else if (period && !isFiledFor(template, period)) {
    header('period_not_allowed', { template: template.id, period: period.code });
  } else if (period && options.today && options.today < filingOpens(template, period)) {
    const opens = filingOpens(template, period);
    header('period_not_begun', { period: period.code, start: opens, ...(opens !== period.start ? { filedAfter: template.id } : {}) });
  }

  const values = submission.values ?? {};
  const notesIn = submission.notes ?? {};
  let normalizedValues: Record<string, number | string> = {};
  let normalizedRows: Record<string, string>[] | undefined;
  let notes = new Map<string, string>();
  let filledCells = 0;
  let rulesChecked = 0;
  let rulesSkipped = 0;

  if (drafts.some((d) => d.code === 'version_mismatch')) {
    // Figures of another version are never read against this one's rows.
  } else if (template.kind === 'indicator') {
    const normalized = normalizeIndicator(template, values, notesIn);
    const hasFigures = [...normalized.cells.values()].some((c) => c.info.column.key !== 'GC');
    const empty = !hasFigures && normalized.issues.length === 0;
    if (empty) header('empty_submission', {});
    // An empty report is one problem, not one per required row.
    const day = period ? (options.unitUntil && options.unitUntil < period.end ? options.unitUntil : period.end) : undefined;
    const cellOptions = empty ? { ...optionsFor(options, day), unitKind: undefined } : optionsFor(options, day);
    const cellIssues = [...normalized.issues, ...cellChecks(template, normalized, cellOptions)];
    drafts.push(...cellIssues);
    // The first cell of a single-cell issue is the one at fault.
    const broken = new Set(cellIssues.filter((i) => i.severity === 'error').map((i) => i.cells[0]!));
    const rules = ruleChecks(template, normalized, options.previous, broken, options.compared);
    drafts.push(...rules.issues);
    rulesChecked = rules.checked;
    rulesSkipped = rules.skipped;
    notes = normalized.notes;
    filledCells = normalized.cells.size;
    // Targets keep what was written ("> 90%"): the comparator is part of the figure.
    normalizedValues = Object.fromEntries(
      [...normalized.cells].map(([ref, cell]) => [ref, cell.kind === 'target' && typeof cell.raw === 'string' && cell.comparator !== '≥' ? cell.raw.trim() : cell.value]),
    );
  } else {
    const rows = submission.rows ?? [];
    const list = validateList(template, rows, period);
    if (list.rows.length === 0 && list.issues.length === 0) header('empty_submission', {});
    const locate = options.locate;
    drafts.push(...(locate ? list.issues.map((issue) => inSheetRows(issue, list.idsByPlace, locate)) : list.issues));
    normalizedRows = list.rows;
    filledCells = list.rows.reduce((n, r) => n + Object.values(r).filter((x) => x !== '').length, 0);
    for (const [id, note] of Object.entries(notesIn)) if (note.trim()) notes.set(id, note.trim());
    list.rows.forEach((row, i) => {
      const id = list.ids[i]!;
      if (!notes.has(id) && row.KQ) notes.set(id, row.KQ);
    });
  }

  // One explanation of a sharp change covers every sharp change of the report: they share their cause (a reorganisation, a new system).
  const jumpNote = drafts.filter((d) => d.code === 'jump').map((d) => notes.get(noteKey(d.cells[0]!))).find((n) => n !== undefined);
  const issues = drafts.map((draft) => finish(draft, template, lang, notes, options.locate, draft.code === 'jump' ? jumpNote : undefined));
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const report: Report = {
    valid: errors.length === 0,
    submittable: errors.length === 0 && warnings.every((w) => w.explained),
    template: template.id,
    templateVersion: template.version,
    engineVersion: ENGINE_VERSION,
    period: period?.code ?? submission.period,
    lang,
    errors,
    warnings,
    values: normalizedValues,
    stats: { filledCells, rulesChecked, rulesSkipped },
  };
  if (submission.unit) report.unit = submission.unit;
  if (normalizedRows) report.rows = normalizedRows;
  if (submission.coversPredecessors) report.coversPredecessors = true;
  return report;
}

/** Validates a submission against the template it names. */
export function validateSubmission(submission: Submission, options: ValidateOptions = {}): Report {
  const template = templateOfSubmission(submission);
  if (template) return validate(template, submission, options);
  const lang = options.lang ?? 'vi';
  const issue: Issue = {
    code: 'template_unknown',
    severity: 'error',
    cells: [],
    values: {},
    params: { template: submission.template },
    message: renderTemplateUnknown(submission.template, lang),
  };
  return {
    valid: false,
    submittable: false,
    template: submission.template,
    templateVersion: '',
    engineVersion: ENGINE_VERSION,
    period: submission.period,
    lang,
    errors: [issue],
    warnings: [],
    values: {},
    stats: { filledCells: 0, rulesChecked: 0, rulesSkipped: 0 },
  };
}

/**
 * The version a submission is checked against: the one in force for its period; without a period (an
 * auditor's sheet) the version it names where the catalogue has it, else the current one.
 */
export function templateOfSubmission(submission: Pick<Submission, 'template' | 'version' | 'period'>) {
  const period = parsePeriod(submission.period);
  if (period) return templateFor(submission.template, period);
  return templateVersion(submission.template, submission.version) ?? getTemplate(submission.template);
}

function optionsFor(options: ValidateOptions, day: string | undefined) {
  return {
    ...(options.unitKind ? { unitKind: options.unitKind } : {}),
    ...(options.provinces ? { provinces: options.provinces } : {}),
    ...(day ? { day } : {}),
  };
}

/** The row a cell belongs to, as notes are keyed. */
function noteKey(ref: string): string {
  return splitRef(ref)?.row ?? ref.slice(0, ref.lastIndexOf('.'));
}

function finish(
  draft: DraftIssue,
  template: Template,
  lang: Lang,
  notes: Map<string, string>,
  locate: ValidateOptions['locate'],
  /** A note that explains this warning when its own rows have none. */
  sharedNote?: string,
): Issue {
  const issue: Issue = { ...draft, message: renderMessage(draft, template, lang) };
  if (locate) {
    const addresses = draft.cells.map((c) => locate(c)).filter((a): a is string => typeof a === 'string');
    if (addresses.length > 0) issue.addresses = addresses;
  }
  if (draft.severity === 'warning') {
    const note = draft.cells.map((c) => notes.get(noteKey(c))).find((n) => n !== undefined) ?? sharedNote;
    issue.explained = note !== undefined;
    if (note !== undefined) issue.note = note;
  }
  return issue;
}

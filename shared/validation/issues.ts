/** What a validation finds: structured issues, words added later from a message table. */
import type { Lang } from '../i18n';
import { RULE_ISSUE_CODES, type RuleIssueCode } from '../rules';

export type Severity = 'error' | 'warning';

/** The issues the engine finds itself; rules between cells add theirs (shared/rules). */
export const ENGINE_ISSUE_CODES = [
  // the submission as a whole
  'template_unknown',
  'version_mismatch',
  'period_invalid',
  'period_not_allowed',
  'period_not_begun',
  'empty_submission',
  // single cells
  'unknown_cell',
  'unreadable_number',
  'ambiguous_number',
  'unit_mismatch',
  'several_numbers',
  'not_whole',
  'negative',
  'percent_range',
  'above_max',
  'implausibly_large',
  'rank_range',
  'required_missing',
  'approximate_value',
  'achievement_mismatch',
  // against the previous period
  'jump',
  // list templates
  'list_empty',
  'unknown_column',
  'list_missing_field',
  'duplicate_task',
  'status_unknown',
  'date_invalid',
  'task_overdue',
] as const;
export type EngineIssueCode = (typeof ENGINE_ISSUE_CODES)[number];

export type IssueCode = EngineIssueCode | RuleIssueCode;
export const ISSUE_CODES = [...ENGINE_ISSUE_CODES, ...RULE_ISSUE_CODES] as [IssueCode, ...IssueCode[]];

export type IssueValue = number | string | null;

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** The template rule that found it (`TT01.TONG`), when a rule did. */
  rule?: string;
  /** Cells involved, `ROW.COL`; for list templates `MA.COL` (or `#n.COL` for a row without code). */
  cells: string[];
  /** Sheet addresses of those cells (`'BM03'!E12`), when the values came from a sheet. */
  addresses?: string[];
  /** The values involved, by cell. */
  values: Record<string, IssueValue>;
  /** What the first cell should hold, where that is known. */
  expected?: IssueValue;
  /** Extra facts the message needs (written text, limits, candidates). */
  params?: Record<string, IssueValue | IssueValue[]>;
  message: string;
  /** Warnings only: explained by a note on one of the issue's rows. */
  explained?: boolean;
  note?: string;
}

export interface Report {
  /** No errors. */
  valid: boolean;
  /** Valid and every warning explained: what the server accepts. */
  submittable: boolean;
  template: string;
  templateVersion: string;
  engineVersion: string;
  period: string;
  unit?: string;
  lang: Lang;
  errors: Issue[];
  warnings: Issue[];
  /** Figures as read, in the template's units (percent points, tỷ đồng). */
  values: Record<string, number | string>;
  /** List templates: the rows as read (status codes, ISO dates). */
  rows?: Record<string, string>[];
  stats: { filledCells: number; rulesChecked: number; rulesSkipped: number };
}

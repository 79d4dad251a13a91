/** What a validation finds: structured issues, words added later from a message table. */
import { z } from 'zod';
import { LANGS } from '../i18n';
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
  // a consolidated sheet
  'total_mismatch',
] as const;
export type EngineIssueCode = (typeof ENGINE_ISSUE_CODES)[number];

export type IssueCode = EngineIssueCode | RuleIssueCode;
export const ISSUE_CODES = [...ENGINE_ISSUE_CODES, ...RULE_ISSUE_CODES] as [IssueCode, ...IssueCode[]];

const IssueValueSchema = z.union([z.number(), z.string(), z.null()]);
export type IssueValue = z.infer<typeof IssueValueSchema>;

export const IssueSchema = z.object({
  code: z.enum(ISSUE_CODES),
  severity: z.enum(['error', 'warning']),
  /** The template rule that found it (`TT01.TONG`), when a rule did. */
  rule: z.string().optional(),
  /** Cells involved, `ROW.COL`; for list templates `MA.COL` (or `#n.COL` for a row without code). */
  cells: z.array(z.string()),
  /** Sheet addresses of those cells (`'BM03'!E12`), when the values came from a sheet. */
  addresses: z.array(z.string()).optional(),
  /** The values involved, by cell. */
  values: z.record(z.string(), IssueValueSchema),
  /** What the first cell should hold, where that is known. */
  expected: IssueValueSchema.optional(),
  /** Extra facts the message needs (written text, limits, candidates). */
  params: z.record(z.string(), z.union([IssueValueSchema, z.array(IssueValueSchema)])).optional(),
  message: z.string(),
  /** Warnings only: explained by a note on one of the issue's rows. */
  explained: z.boolean().optional(),
  note: z.string().optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

/** A verdict, as the engine gives it, the server stores it and every client reads it back. */
export const ReportSchema = z.object({
  /** No errors. */
  valid: z.boolean(),
  /** Valid and every warning explained: what the server accepts. */
  submittable: z.boolean(),
  template: z.string(),
  templateVersion: z.string(),
  engineVersion: z.string(),
  period: z.string(),
  unit: z.string().optional(),
  lang: z.enum(LANGS),
  errors: z.array(IssueSchema),
  warnings: z.array(IssueSchema),
  /** Figures as read, in the template's units (percent points, tỷ đồng). */
  values: z.record(z.string(), z.union([z.number(), z.string()])),
  /** List templates: the rows as read (status codes, ISO dates). */
  rows: z.array(z.record(z.string(), z.string())).optional(),
  stats: z.object({ filledCells: z.number(), rulesChecked: z.number(), rulesSkipped: z.number() }),
  /** The filing says it includes the part of the period its unit's predecessors were in force. */
  coversPredecessors: z.boolean().optional(),
});
export type Report = z.infer<typeof ReportSchema>;

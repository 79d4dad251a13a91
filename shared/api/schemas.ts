/**
 * Requests and responses of the API, as zod schemas. The worker validates with them, the
 * add-in's client parses responses with them, and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { IssueSchema, ReportSchema } from '../validation/issues';
import { FilingRuleSchema, LocalizedSchema, PeriodKindSchema } from '../templates/schema';
import { UnitSchema } from '../registry/units';
import { safeText } from '../text/schema';
import { fieldIssue } from '../problems';
import { SubmissionSchema } from '../submission';
import { ConsolidationResultSchema, PeriodStatusResultSchema, ReviewStatusSchema } from '../consolidation/schema';

export { ReviewStatusSchema, SubmissionSchema, UnitSchema };

export const RoleSchema = z.enum(['unit', 'dic', 'auditor']);
export type Role = z.infer<typeof RoleSchema>;

export { IssueSchema, ReportSchema };

/** RFC 9457 problem details; validation problems carry the issues. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  issues: z.array(IssueSchema).optional(),
  /** How many issues there are; `issues` lists the first 200. */
  issueCount: z.number().int().optional(),
  report: ReportSchema.optional(),
  field: z.string().optional(),
  /** What exactly went wrong, where the type alone does not say. */
  code: z.string().optional(),
  /** Seconds to wait before trying again. */
  retryAfter: z.number().int().optional(),
  /** Registry records an import would rewrite, with the periods whose filings they cover. */
  conflicts: z.array(z.object({ code: z.string(), validFrom: z.string(), periods: z.array(z.string()) })).optional(),
  /** Each line of an uploaded file that could not be read (the unit registry CSV). */
  problems: z.array(z.object({ line: z.number().int().optional(), field: z.string().optional(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ReceiptSchema = z.object({
  id: z.string(),
  revision: z.number().int().positive(),
  status: ReviewStatusSchema,
  receivedAt: z.string(),
  late: z.boolean(),
  daysLate: z.number().int().min(0),
  hash: z.string(),
  report: ReportSchema,
  /** What the sharp-jump check compared with: the unit's previous period, or its predecessors' summed, or why it could not. */
  comparedWith: z
    .object({
      period: z.string(),
      units: z.array(z.string()),
      compared: z.boolean(),
      /** Why no comparison was made: a split, or a declared structural break (the 2025 reform) the unit was formed in. */
      reason: z.enum(['split', 'structural_break', 'partly_filed']).optional(),
    })
    .optional(),
  /** The person who filed, where the filer signed in as one (or used a token that belongs to one). */
  filedBy: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** The previous period's figures a report will be compared with, for the pane's Kiểm tra. */
export const ComparisonSchema = z.object({
  period: z.string(),
  units: z.array(z.string()),
  /** False when no fair comparison exists (a split, or only some predecessors filed); `values` is null then, and when nothing was filed before. */
  compared: z.boolean(),
  /** Why no comparison was made. */
  reason: z.enum(['split', 'structural_break', 'partly_filed']).optional(),
  values: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const ReviewSchema = z.object({
  id: z.number().int(),
  submissionId: z.string(),
  revision: z.number().int(),
  decision: z.enum(['accepted', 'returned']),
  comment: z.string().nullable(),
  reviewedBy: z.string(),
  reviewedAt: z.string(),
  /** The person who reviewed, where the reviewer signed in as one. */
  reviewerName: z.string().nullable().optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ReviewRequestSchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    comment: safeText(4000).trim().optional(),
    /** The revision reviewed; a newer one filed meanwhile makes the review a conflict. */
    revision: z.number().int().positive().optional(),
  })
  .refine((r) => r.decision === 'accept' || (r.comment !== undefined && r.comment.length > 0), { ...fieldIssue('review_comment_required'), path: ['comment'] });

export const SubmissionSummarySchema = z.object({
  id: z.string(),
  unit: z.string(),
  template: z.string(),
  period: z.string(),
  revision: z.number().int(),
  receivedAt: z.string(),
  firstReceivedAt: z.string(),
  late: z.boolean(),
  daysLate: z.number().int(),
  status: ReviewStatusSchema,
  warnings: z.number().int(),
  review: ReviewSchema.nullable(),
  /** The person who filed the latest revision, where the filer signed in as one. */
  submitterName: z.string().nullable().optional(),
  /** Where no person filed it: the label of the token it was filed with (DIC filing for a unit, a script). */
  filerLabel: z.string().optional(),
  /** The latest revision includes the part of the period its predecessors were in force. */
  coversPredecessors: z.boolean().optional(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

export const RevisionSchema = z.object({
  revision: z.number().int(),
  templateVersion: z.string(),
  engineVersion: z.string(),
  receivedAt: z.string(),
  daysLate: z.number().int(),
  hash: z.string(),
  source: z.enum(['json', 'xlsx']),
  warnings: z.number().int(),
  submittedBy: z.string(),
  /** The person who filed, where the filer signed in as one. */
  submitterName: z.string().nullable().optional(),
  /** Where no person filed it: the label of the token it was filed with. */
  filerLabel: z.string().optional(),
  reviews: z.array(ReviewSchema),
});

export const SubmissionDetailSchema = SubmissionSummarySchema.extend({ revisions: z.array(RevisionSchema) });
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;

export const RevisionDetailSchema = RevisionSchema.extend({
  submission: SubmissionSchema,
  report: ReportSchema,
});

export const MeSchema = z.object({
  tokenId: z.string(),
  role: RoleSchema,
  label: z.string().nullable(),
  unit: UnitSchema.nullable(),
  /** The department coordinating today (the DIC of the product), from the registry. */
  coordinator: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const TokenSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  unit: z.string().nullable(),
  label: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** The last day (Viet Nam) the token is accepted. */
  expiresAt: z.string().nullable(),
  /** The person the token belongs to (tokens made before people existed belong to no one). */
  personId: z.string().nullable().optional(),
});

export const TokenCreateRequestSchema = z
  .object({
    role: RoleSchema,
    unit: z.string().optional(),
    label: safeText(200).trim().optional(),
    /** The last day the token is accepted (YYYY-MM-DD); a year from today by default. */
    expiresAt: z.string().optional(),
    /** The person the token belongs to (id or login), who must hold the role today. */
    person: z.string().min(1).max(128).optional(),
  })
  .refine((t) => t.role !== 'unit' || t.unit, { ...fieldIssue('token_unit_required'), path: ['unit'] })
  .refine((t) => t.role !== 'auditor' || !t.unit, { ...fieldIssue('token_auditor_unit'), path: ['unit'] });

export const TokenCreatedSchema = TokenSchema.extend({ token: z.string() });

export const TokenRotateRequestSchema = z.object({ expiresAt: z.string().optional() });
export const TokenRotatedSchema = TokenCreatedSchema.extend({ replaces: z.string() });

export const TemplateSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  kind: z.enum(['indicator', 'list']),
  title: LocalizedSchema,
  periodKinds: z.array(PeriodKindSchema),
  filedBy: z.array(FilingRuleSchema),
  scope: z.enum(['unit', 'province']),
  /** Every version, oldest first: each in force for the periods whose last day is on or after its `from`. */
  versions: z.array(z.object({ version: z.string(), from: z.string() })),
});

export const HealthSchema = z.object({
  status: z.literal('ok'),
  engineVersion: z.string(),
  templates: z.array(z.string()),
  database: z.enum(['ok', 'unavailable']),
  time: z.string(),
});

/** The close a consolidation comes from, when its period is closed; `live` marks live figures of a closed period. */
export const ClosedMarkSchema = z.object({ version: z.number().int(), closedAt: z.string(), closedBy: z.string() });

export const ConsolidationSchema = ConsolidationResultSchema.extend({
  generatedAt: z.string(),
  province: z.string(),
  closed: ClosedMarkSchema.optional(),
  live: z.boolean().optional(),
});
export type ConsolidationResponse = z.infer<typeof ConsolidationSchema>;

export const PeriodConsolidationSchema = z.object({
  period: z.string(),
  province: z.string(),
  generatedAt: z.string(),
  engineVersion: z.string(),
  consolidations: z.array(ConsolidationResultSchema),
  /** Present when the period is closed: these are the figures as closed. */
  closed: ClosedMarkSchema.optional(),
  /** True for live figures of a closed period (`?live=true`): not what was closed. */
  live: z.boolean().optional(),
  /** True where the deployment holds illustrative figures (the demo): every output says so. */
  illustrative: z.boolean().optional(),
});
export type PeriodConsolidation = z.infer<typeof PeriodConsolidationSchema>;

export const PeriodStatusSchema = PeriodStatusResultSchema.extend({ generatedAt: z.string() });

/** A period that has filings: what the pane opens on, and offers beside the periods around today. */
export const FiledPeriodSummarySchema = z.object({
  period: z.string(),
  submissions: z.number(),
  units: z.number(),
  /** The latest first filing of the period. */
  lastFiledAt: z.string(),
});
export type FiledPeriodSummary = z.infer<typeof FiledPeriodSummarySchema>;
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;

export const RecordChangeSchema = z.object({ action: z.enum(['created', 'updated']), before: UnitSchema.nullable(), after: UnitSchema });

export const UnitImportResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Periods with filings whose expected, missing or summed units the import changes. */
  periodsChanged: z.array(z.string()),
  /** A preview: nothing was written. */
  dryRun: z.boolean(),
  changes: z.array(RecordChangeSchema),
});

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.unknown().nullable(),
  /** The person who acted, and the membership they acted under (absent for tokens that belong to no one). */
  person: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  membershipId: z.number().int().nullable().optional(),
});

// Closing a period

export const CloseRequestSchema = z.object({ note: safeText(2000).trim().optional() });
export const ReopenRequestSchema = z.object({
  reason: safeText(2000)
    .trim()
    .refine((r) => r.length > 0, fieldIssue('reopen_reason_required')),
});

/** A closed file: the SHA-256 of its bytes (also its ETag) and its size. */
export const ClosedFileSchema = z.object({ sha256: z.string(), bytes: z.number().int() });
export const ClosedFilesSchema = z.object({ json: ClosedFileSchema, xlsx: ClosedFileSchema, docx: ClosedFileSchema });

export const PeriodClosedSchema = z.object({
  period: z.string(),
  version: z.number().int(),
  closedAt: z.string(),
  /** The token that closed it. */
  closedBy: z.string(),
  files: ClosedFilesSchema,
});
export type PeriodClosed = z.infer<typeof PeriodClosedSchema>;

export const PeriodReopenedSchema = z.object({ period: z.string(), version: z.number().int(), reopenedAt: z.string(), reopenedBy: z.string(), reason: z.string() });

export const CloseVersionSchema = PeriodClosedSchema.omit({ period: true }).extend({
  note: z.string().nullable(),
  /** How this close ended, if it did. */
  reopened: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});

export const PeriodStateSchema = z.object({
  period: z.string(),
  closed: z.boolean(),
  /** A close under way (files being made): writes are already refused. */
  closing: z.boolean(),
  /** The close in force. */
  current: CloseVersionSchema.nullable(),
  /** Every close, the first first. */
  versions: z.array(CloseVersionSchema),
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

const CellValueSchema = z.union([z.number(), z.string(), z.null()]);
const CellChangeSchema = z.object({ ref: z.string(), before: CellValueSchema, after: CellValueSchema });
const MembershipSchema = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });

/** A filing received between two closes (or since the last one): whose, which revision, by whom, when. */
export const FilingBetweenClosesSchema = z.object({
  unit: z.string(),
  /** The unit's name as filed. */
  unitName: z.string().nullable(),
  template: z.string(),
  revision: z.number().int(),
  receivedAt: z.string(),
  /** The token that filed it, and the person where the filer signed in as one. */
  submittedBy: z.string(),
  submitterName: z.string().nullable(),
});

export const PeriodChangesSchema = z.object({
  period: z.string(),
  from: z.number().int(),
  /** The later close; absent when compared with the figures as they are now. */
  to: z.number().int().optional(),
  templates: z.array(
    z.object({
      template: z.string(),
      total: z.array(CellChangeSchema),
      units: z.array(z.object({ unit: z.string(), name: z.string(), cells: z.array(CellChangeSchema) })),
      expected: MembershipSchema,
      missing: MembershipSchema,
    }),
  ),
  /** The filings received after the `from` close (and up to the `to` close), the oldest first; at most 500. */
  filings: z.array(FilingBetweenClosesSchema).optional(),
});
export type PeriodChanges = z.infer<typeof PeriodChangesSchema>;
export type FilingBetweenCloses = z.infer<typeof FilingBetweenClosesSchema>;

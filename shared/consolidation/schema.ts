/**
 * The shapes consolidation produces, as zod schemas: the types of the pure functions are inferred
 * from them, and the API documents and checks the very same shapes.
 */
import { z } from 'zod';
import { UnitSchema } from '../registry/units';
import { CatalogueLevelSchema, LocalizedSchema } from '../templates/schema';

export const ReviewStatusSchema = z.enum(['received', 'accepted', 'returned']);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/** Who a line is about, as every table of units shows it. */
export const UnitRefSchema = UnitSchema.pick({ code: true, name: true, kind: true, parent: true });

export const StatusCountsSchema = z.object({
  total: z.number(),
  counts: z.record(z.string(), z.number()),
  /** Percent points, rounded to two decimals; null when there is nothing to count. */
  shares: z.record(z.string(), z.number().nullable()),
});
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

export const UnitLineSchema = UnitRefSchema.extend({
  expected: z.boolean(),
  /** Days of the period the unit was in force, when not all of it: its figures cover that part. */
  partOfPeriod: z.object({ from: z.string(), to: z.string() }).optional(),
  /** Whose figures the line shows for its part, when not its own filing for the period. */
  source: z
    .discriminatedUnion('kind', [
      /** Filings of shorter periods made before the unit ended (its flows only). */
      z.object({ kind: z.literal('shorter_periods'), periods: z.array(z.string()), submissions: z.array(z.object({ id: z.string(), revision: z.number() })) }),
      /** A successor's filing includes this unit's part: its flows are counted there, not here. */
      z.object({ kind: z.literal('successor'), successor: z.string() }),
      /** Nothing covers its part: the province's flows lack it. */
      z.object({ kind: z.literal('missing') }),
    ])
    .optional(),
  /** The filing includes the part of the period its predecessors were in force (it says so). */
  coversPredecessors: z.boolean().optional(),
  submission: z
    .object({
      id: z.string(),
      revision: z.number(),
      receivedAt: z.string(),
      firstReceivedAt: z.string(),
      daysLate: z.number(),
      status: ReviewStatusSchema,
      reviewComment: z.string().nullable(),
      warnings: z.number(),
      /** The template version of a filing made under another version than the period's: kept as filed, its figures not consolidated. */
      otherVersion: z.string().optional(),
      /** Who filed the revision consolidated and who reviewed it: the person, else the token's label. */
      submitterName: z.string().nullable().optional(),
      reviewerName: z.string().nullable().optional(),
    })
    .nullable(),
  values: z.record(z.string(), z.union([z.number(), z.string()])),
  statusCounts: StatusCountsSchema.optional(),
});
export type UnitLine = z.infer<typeof UnitLineSchema>;

export const DistrictCheckSchema = z.object({
  district: z.string(),
  ref: z.string(),
  districtValue: z.number(),
  communesSum: z.number(),
  communes: z.number(),
  /** Every commune of the district expected for the period has submitted. */
  complete: z.boolean(),
});
export type DistrictCheck = z.infer<typeof DistrictCheckSchema>;

/** A part of the period a unit that ended during it did not report, and nothing else covers. */
export const MissingPartSchema = z.object({ unit: z.string(), from: z.string(), to: z.string() });
export type MissingPart = z.infer<typeof MissingPartSchema>;

/** A predecessor's own filing of its part, not counted because its successor's filing says it includes that part. */
export const OverlapSchema = z.object({ unit: z.string(), successor: z.string(), cells: z.array(z.string()) });
export type Overlap = z.infer<typeof OverlapSchema>;

/** A sum whose provincial parts are left blank, because some counted units gave the total alone. */
export const BreakdownSchema = z.object({ total: z.string(), parts: z.array(z.string()), units: z.array(z.string()) });

export const OpenWarningSchema = z.object({ unit: z.string(), code: z.string(), cells: z.array(z.string()), message: z.string(), note: z.string().nullable() });
export type OpenWarning = z.infer<typeof OpenWarningSchema>;

const FiledCountSchema = z.object({ expected: z.number(), submitted: z.number() });

export const CompletenessSchema = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  missing: z.array(z.string()),
  late: z.array(z.object({ unit: z.string(), daysLate: z.number() })),
  returned: z.array(z.string()),
  accepted: z.array(z.string()),
  openWarnings: z.array(OpenWarningSchema),
  /** Submissions from units not expected for this template and period. */
  unexpected: z.array(z.string()),
  /** Units that ended during the period, whose part nothing covers (thiếu số liệu phần kỳ). */
  missingParts: z.array(MissingPartSchema),
  /** Units that ended during the period, whose part is covered by their filings of shorter periods. */
  coveredParts: z.array(MissingPartSchema.extend({ periods: z.array(z.string()) })),
  byKind: z.record(UnitSchema.shape.kind, FiledCountSchema),
  byDistrict: z.array(FiledCountSchema.extend({ district: z.string() })),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

export const ConsolidationResultSchema = z.object({
  template: z.object({ id: z.string(), version: z.string(), title: LocalizedSchema, kind: z.enum(['indicator', 'list']) }),
  period: z.string(),
  units: z.array(UnitLineSchema),
  total: z.object({ values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])), statusCounts: StatusCountsSchema.optional() }),
  districtChecks: z.array(DistrictCheckSchema),
  /** Predecessors' parts that would have been counted twice: each is counted once, in the successor's filing. */
  overlaps: z.array(OverlapSchema),
  /** Sums whose provincial parts are left blank (a unit filed the total without its breakdown). */
  breakdowns: z.array(BreakdownSchema),
  /**
   * For a template with catalogue rows: the body that keeps the province's catalogue, whether it filed,
   * and the catalogue by level as it filed it (the version's level rows: tỉnh and xã from 1 July 2025;
   * none before), each blank where it did not.
   */
  catalogue: z
    .object({
      keeper: z.object({ code: z.string(), name: z.string() }).nullable(),
      filed: z.boolean(),
      levels: z.array(z.object({ level: CatalogueLevelSchema, row: z.string(), value: z.number().nullable() })),
    })
    .nullable(),
  completeness: CompletenessSchema,
  /** How the province was organised in the period: whether it had districts, and who coordinated. */
  structure: z.object({ districts: z.boolean(), coordinator: z.object({ code: z.string(), name: z.string() }).nullable() }),
});
export type Consolidation = z.infer<typeof ConsolidationResultSchema>;
/** The province's catalogue by level, as the consolidation says it. */
export type CatalogueLevels = NonNullable<Consolidation['catalogue']>['levels'];

/** `missing_part`: a unit that ended during the period, whose part nothing covers; `covered`: its filings of shorter periods do. */
export const UnitTemplateStateSchema = z.enum(['missing', 'received', 'accepted', 'returned', 'late', 'missing_part', 'covered']);
export type UnitTemplateState = z.infer<typeof UnitTemplateStateSchema>;

export const PeriodStatusResultSchema = z.object({
  period: z.string(),
  templates: z.array(
    z.object({
      template: z.string(),
      title: LocalizedSchema,
      expected: z.number(),
      submitted: z.number(),
      onTime: z.number(),
      late: z.number(),
      missing: z.number(),
      returned: z.number(),
      accepted: z.number(),
      openWarnings: z.number(),
      /** Units that ended during the period whose part nothing covers. */
      missingParts: z.number(),
    }),
  ),
  units: z.array(UnitRefSchema.extend({ templates: z.record(z.string(), UnitTemplateStateSchema) })),
});
export type PeriodStatusResult = z.infer<typeof PeriodStatusResultSchema>;

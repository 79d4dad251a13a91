/**
 * The shape of a template definition. Every definition is parsed by this schema
 * when the registry loads, so a broken template fails in a test, not in a clerk's hands.
 */
import { z } from 'zod';
import { PERIOD_KINDS, PeriodKindSchema, type PeriodKind } from '../periods/kinds';
import { CELL_REF, COLUMN_KEY, CellRefSchema, ColumnKeySchema, ROW_CODE, RowCodeSchema, RuleSchema, type Rule } from '../rules';

export const LocalizedSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof LocalizedSchema>;

export const UNIT_KINDS = ['department', 'district', 'commune'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export { PERIOD_KINDS, PeriodKindSchema, type PeriodKind };

/** What a cell holds. `target` is a goal that may carry a comparator (`> 90%`) or be text. */
export const MeasureSchema = z.enum(['count', 'percent', 'money', 'score', 'rank', 'text', 'status', 'date', 'target']);
export type Measure = z.infer<typeof MeasureSchema>;

/** How a row's main value becomes a provincial figure. */
export const ConsolidationSchema = z.enum([
  'sum', // counts and money
  'ratio', // KQ recomputed from the summed TS / MS of the row
  'share', // a derived share recomputed from consolidated numerator and denominator
  'same', // one value for the province (targets, a score filed once)
  'list', // text or a percentage without a fraction: listed per unit, no total
]);
export type Consolidation = z.infer<typeof ConsolidationSchema>;

/**
 * What a summed figure measures, which decides how the province adds it (DHIS2's aggregation type,
 * carried across reorganisations):
 * - `flow`: over the period (records received, documents, incidents, classes, money): summed over
 *   units, each month of each unit counted once;
 * - `balance`: at the period's end (systems, staff, teams, households, accounts): from the units in
 *   force at the period's end, never a predecessor's value at its own end added to its successor's;
 * - `catalogue`: the province's one catalogue of procedures and services, counted by level: taken
 *   once from the body the registry names to keep it, never summed over units.
 */
export const AggregationSchema = z.enum(['flow', 'balance', 'catalogue']);
export type Aggregation = z.infer<typeof AggregationSchema>;

/** The level of government whose procedures a catalogue row counts (tỉnh / huyện / xã; no huyện from 1 July 2025). */
export const CatalogueLevelSchema = z.enum(['province', 'district', 'commune']);
export type CatalogueLevel = z.infer<typeof CatalogueLevelSchema>;

/** Whether a template's flows are for the period alone or cumulative from the start of the year (lũy kế). */
export const FlowSpanSchema = z.enum(['period', 'year-to-date']);
export type FlowSpan = z.infer<typeof FlowSpanSchema>;

export { ROW_CODE, COLUMN_KEY, CELL_REF };
export type CellRef = string;

export const ColumnSchema = z.object({
  key: ColumnKeySchema,
  label: LocalizedSchema,
  /** Omitted: the row's measure. */
  measure: MeasureSchema.optional(),
  /** Derived columns are formulas in the workbook and never typed. */
  derived: z.enum(['achievement']).optional(),
  /** How this column consolidates; `row` uses the row's rule. */
  consolidate: z.enum(['row', 'sum', 'same', 'none']).default('row'),
  width: z.number().positive().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RowSchema = z.object({
  code: RowCodeSchema,
  label: LocalizedSchema,
  /** Unit of measure shown to the clerk (`TTHC`, `hồ sơ`, `%`, `tỷ đồng`). */
  unit: LocalizedSchema,
  measure: MeasureSchema,
  /** Columns this row has, from the template's columns. */
  columns: z.array(ColumnKeySchema).min(1),
  consolidate: ConsolidationSchema,
  /** What its summed figures measure (rows summed over units, and fractions' numerators and denominators). */
  aggregation: AggregationSchema.optional(),
  /** A catalogue row that counts one level's part of the catalogue (BM03 TT01A tỉnh, TT01C xã). */
  catalogueLevel: CatalogueLevelSchema.optional(),
  /** A share computed from other cells; typed only where a clerk overrides it, then checked. */
  share: z.object({ numerator: z.array(CellRefSchema).min(1), denominator: CellRefSchema }).optional(),
  /** Highest allowed value (scores). */
  max: z.number().positive().optional(),
  /** The largest plausible figure, where the measure's ceiling (ceilings.ts) does not fit the row. */
  ceiling: z.number().positive().optional(),
  /** The result may be written as text (an explanation instead of a figure). */
  textAllowed: z.boolean().optional(),
  /** Unit kinds for which this row must be filled. */
  requiredFor: z.array(UnitKindSchema).optional(),
  /** A longer explanation for the clerk (what the numerator and denominator count). */
  hint: LocalizedSchema.optional(),
  /** Indentation in the sheet: 0 a heading figure, 1 a part, 2 a part of a part. */
  level: z.number().int().min(0).max(2).default(0),
  /** Where the row comes from in the source documents. */
  source: z.string().optional(),
});
export type Row = z.infer<typeof RowSchema>;

/** The rules a template declares: one module per kind, in shared/rules. */
export { RuleSchema, type Rule };

export const StatusSchema = z.object({ code: z.string().regex(/^[A-Z]{2,4}$/), label: LocalizedSchema, done: z.boolean() });
export type Status = z.infer<typeof StatusSchema>;

export const ListColumnSchema = z.object({
  key: ColumnKeySchema,
  label: LocalizedSchema,
  measure: z.enum(['text', 'status', 'date']),
  required: z.boolean(),
  width: z.number().positive().optional(),
});
export type ListColumn = z.infer<typeof ListColumnSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Who files a template from a day on; the rules of a template follow each other in time. */
export const FilingRuleSchema = z.object({
  /** First day the rule holds (ISO date). */
  from: IsoDate,
  kinds: z.array(UnitKindSchema).min(1),
  /** A unit of one kind fills the rows required of another (communes fill what districts filled). */
  standsFor: z.partialRecord(UnitKindSchema, UnitKindSchema).optional(),
});
export type FilingRule = z.infer<typeof FilingRuleSchema>;

/** A day of the year, `MM-DD`. */
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/**
 * A template filed after its period rather than during it (the DTI of year N is assessed and filed in
 * N+1): the first day it may be filed and the unit deadline, as days of the year after the period's end.
 */
export const FiledAfterPeriodSchema = z.object({
  opens: MonthDay,
  deadline: MonthDay,
  /** Why these days (the decision or plan they come from). */
  basis: z.string().min(1),
});
export type FiledAfterPeriod = z.infer<typeof FiledAfterPeriodSchema>;

const TemplateBase = {
  id: z.string().regex(/^BM\d{2}$/),
  /** A change of rows is a new version; old submissions keep theirs. */
  version: z.string().regex(/^\d{4}\.\d+$/),
  /**
   * The version is in force for the periods whose last day is on or after this day (ISO date), until
   * the next version's: a period is judged by its last day, as filing rules are (see versions.ts).
   */
  from: IsoDate.default('2000-01-01'),
  /** Ranks (measure `rank`) are taken among this many provinces: the universe of the year assessed, not of the filing day. */
  rankAmong: z.number().int().positive().optional(),
  filedAfterPeriod: FiledAfterPeriodSchema.optional(),
  title: LocalizedSchema,
  source: z.string(),
  periodKinds: z.array(PeriodKindSchema).min(1),
  /** Who files it, by date: the first rule from the beginning, later ones from their day. */
  filedBy: z.array(FilingRuleSchema).min(1),
  /** `province`: filed once for the whole province by the standing body (DIC). */
  scope: z.enum(['unit', 'province']).default('unit'),
  /** Flows for the period alone, or cumulative from the start of the year (lũy kế từ đầu năm). */
  flows: FlowSpanSchema.default('period'),
  /** Published reports truncate shares (9/63 as 14,28%); allow one unit of the last digit. */
  allowTruncatedShares: z.boolean().default(true),
};

export const IndicatorTemplateSchema = z.object({
  ...TemplateBase,
  kind: z.literal('indicator'),
  columns: z.array(ColumnSchema).min(1),
  rows: z.array(RowSchema).min(1),
  rules: z.array(RuleSchema),
});

export const ListTemplateSchema = z.object({
  ...TemplateBase,
  kind: z.literal('list'),
  listColumns: z.array(ListColumnSchema).min(1),
  statuses: z.array(StatusSchema).min(2),
  /** Rows prepared in a blank workbook. */
  blankRows: z.number().int().positive(),
});

export const TemplateSchema = z.discriminatedUnion('kind', [IndicatorTemplateSchema, ListTemplateSchema]);
export type IndicatorTemplate = z.infer<typeof IndicatorTemplateSchema>;
export type ListTemplate = z.infer<typeof ListTemplateSchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateSchema>;

/**
 * The unit registry as the API and the consolidation see it: records with validity dates, so a past
 * period consolidates with the hierarchy of its day. A record that ends may name the units that
 * took over (its successors) and how: a merge, a split or a rename.
 */
import { z } from 'zod';
import { UnitKindSchema } from '../templates/schema';
import { safeText } from '../text/schema';
import { fieldIssue } from '../problems';

const IsoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), fieldIssue('iso_date'));

const UnitCode = z.string().refine((s) => /^[A-Z0-9][A-Z0-9_-]{0,31}$/.test(s), fieldIssue('unit_code_format'));

export const UNIT_CHANGES = ['merge', 'split', 'rename'] as const;
export type UnitChange = (typeof UNIT_CHANGES)[number];

export const UnitSchema = z.object({
  code: UnitCode,
  name: safeText(200).min(1),
  kind: UnitKindSchema,
  /** The district a commune belongs to; none for a commune straight under the province, a district or a department. */
  parent: z.string().nullable(),
  coordinator: z.boolean(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  /** The units that took over when this record ended. */
  successors: z.array(UnitCode).default([]),
  /** How they took over. */
  change: z.enum(UNIT_CHANGES).nullable().default(null),
  /** The body the province names to keep its catalogue of administrative procedures and online services. */
  catalogue: z.boolean().optional(),
  /** The province the record belonged to, when not this one (units that joined in a province merger, before it). */
  province: z.string().nullable().optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** Does the record belong to this province? A unit of a province merged into it is, from the merger on. */
export function isMember(unit: Pick<Unit, 'province'>): boolean {
  return !unit.province;
}

/** Is the unit's record in force on `day` (ISO date)? */
export function validOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || unit.validTo >= day);
}

/** Does the unit's record hold at any time between `start` and `end`? */
export function validDuring(unit: Pick<Unit, 'validFrom' | 'validTo'>, start: string, end: string): boolean {
  return unit.validFrom <= end && (unit.validTo === null || unit.validTo >= start);
}

/** The records of a registry in force on `day`: the province as it stood that day. */
export function recordsOn(registry: readonly Unit[], day: string): Unit[] {
  return registry.filter((u) => validOn(u, day));
}

/** The last day of a period the unit was in force (its end, or the period's): the filing rule of that day applies to it. */
export function lastDayIn(unit: Pick<Unit, 'validTo'>, period: { end: string }): string {
  return unit.validTo !== null && unit.validTo < period.end ? unit.validTo : period.end;
}

/**
 * The unit registry as the API and the consolidation see it: records with validity dates, so a past
 * period consolidates with the hierarchy of its day. A record that ends may name the units that
 * took over (its successors) and how: a merge, a split or a rename.
 */
import { z } from 'zod';
import { UnitKindSchema } from '../templates/schema';
import { safeText } from '../text/schema';
import { fieldIssue } from '../problems';
import { CalendarDateSchema } from '../dates/calendar-date';

const IsoDate = CalendarDateSchema;

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
  /**
   * The other province the unit belonged to during this record (absent for this province): it
   * carries lineage for comparisons, and is never expected, shown or summed here.
   */
  province: safeText(100).min(1).optional(),
  /** The body the province names to keep its catalogue of administrative procedures (absent: not it). */
  catalogue: z.literal(true).optional(),
  /** Whom to call about the unit's reports: a person, a phone, an e-mail. */
  contact: safeText(200).min(1).optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** Is the unit's record in force on `day` (ISO date)? */
export function validOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || unit.validTo >= day);
}

/** Does the unit's record hold at any time between `start` and `end`? */
export function validDuring(unit: Pick<Unit, 'validFrom' | 'validTo'>, start: string, end: string): boolean {
  return unit.validFrom <= end && (unit.validTo === null || unit.validTo >= start);
}

/** The records of a registry in force on `day`: the province as it stood that day (its own units only). */
export function recordsOn(registry: readonly Unit[], day: string): Unit[] {
  return registry.filter((u) => isMember(u) && validOn(u, day));
}

/** The last day of a period the unit was in force (its end, or the period's): the filing rule of that day applies to it. */
export function lastDayIn(unit: Pick<Unit, 'validTo'>, period: { end: string }): string {
  return unit.validTo !== null && unit.validTo < period.end ? unit.validTo : period.end;
}

/** Is the record one of this province's (not of a province the unit belonged to before it joined)? */
export function isMember(unit: Pick<Unit, 'province'>): boolean {
  return unit.province === undefined;
}

/** A record with its optional fields present only when they say something, so records compare field by field. */
export function canonicalUnit(u: Unit): Unit {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parent: u.parent,
    coordinator: u.coordinator,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successors: u.successors,
    change: u.change,
    ...(u.province ? { province: u.province } : {}),
    ...(u.catalogue ? { catalogue: true as const } : {}),
    ...(u.contact ? { contact: u.contact } : {}),
  };
}

/** Do two records say the same thing? */
export function sameRecord(a: Unit, b: Unit): boolean {
  return JSON.stringify(canonicalUnit(a)) === JSON.stringify(canonicalUnit(b));
}

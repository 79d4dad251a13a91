/** The unit registry as the API and the consolidation see it. */
import { z } from 'zod';
import { UnitKindSchema } from '../templates/schema';
import { safeText } from '../text/schema';
import { fieldIssue } from '../problems';

const IsoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), fieldIssue('iso_date'));

export const UnitSchema = z.object({
  code: z.string().refine((s) => /^[A-Z0-9][A-Z0-9_-]{0,31}$/.test(s), fieldIssue('unit_code_format')),
  name: safeText(200).min(1),
  kind: UnitKindSchema,
  parent: z.string().nullable(),
  coordinator: z.boolean(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
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

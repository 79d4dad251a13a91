/** The unit registry as the API and the consolidation see it. */
import { z } from 'zod';
import { UnitKindSchema } from '../templates/schema';
import { safeText } from '../text/schema';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');

export const UnitSchema = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, 'mã đơn vị chỉ gồm chữ in hoa, số, - và _'),
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

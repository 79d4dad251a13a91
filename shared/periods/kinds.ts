/** The kinds of reporting period: quarter, half-year, year. */
import { z } from 'zod';

export const PERIOD_KINDS = ['Q', 'H', 'Y'] as const;
export const PeriodKindSchema = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

/** A submission as it travels outside a workbook (API, command line), as in TEMPLATES.md. */
import { z } from 'zod';
import { safeText } from '../text/schema';

export const CellValueSchema = z.union([z.number().finite(), safeText(4000), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const ListRowSchema = z.record(safeText(16), z.union([safeText(4000), z.number().finite(), z.null()]));
export type ListRow = z.infer<typeof ListRowSchema>;

export const SubmissionSchema = z.object({
  template: safeText(16).min(1),
  version: safeText(32).min(1),
  unit: safeText(64).min(1).optional(),
  period: safeText(16).min(1),
  values: z.record(safeText(32), CellValueSchema).default({}),
  notes: z.record(safeText(64), safeText(4000)).default({}),
  rows: z.array(ListRowSchema).max(5000).optional(),
});
export type Submission = z.input<typeof SubmissionSchema>;
export type ParsedSubmission = z.output<typeof SubmissionSchema>;

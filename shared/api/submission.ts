/** A submission as it travels outside a workbook (API, command line), as in TEMPLATES.md. */
import { z } from 'zod';

export const CellValueSchema = z.union([z.number().finite(), z.string(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const ListRowSchema = z.record(z.string(), z.union([z.string(), z.number().finite(), z.null()]));
export type ListRow = z.infer<typeof ListRowSchema>;

export const SubmissionSchema = z.object({
  template: z.string().min(1).max(16),
  version: z.string().min(1).max(32),
  unit: z.string().min(1).max(64).optional(),
  period: z.string().min(1).max(16),
  values: z.record(z.string().max(32), CellValueSchema).default({}),
  notes: z.record(z.string().max(64), z.string().max(4000)).default({}),
  rows: z.array(ListRowSchema).max(5000).optional(),
});
export type Submission = z.input<typeof SubmissionSchema>;
export type ParsedSubmission = z.output<typeof SubmissionSchema>;

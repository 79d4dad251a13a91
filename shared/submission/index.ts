/** A submission as it travels outside a workbook (API, command line), as in TEMPLATES.md. */
import { z } from 'zod';
import { safeText } from '../text/schema';

/**
 * The shape of a submission, with the text check given: what arrives is checked for characters no
 * file can hold; what was stored before that check existed is read back as it is.
 */
function submissionSchema(text: (max: number) => z.ZodString) {
  const cellValue = z.union([z.number().finite(), text(4000), z.null()]);
  const listRow = z.record(text(16), z.union([text(4000), z.number().finite(), z.null()]));
  return {
    cellValue,
    listRow,
    submission: z.object({
      template: text(16).min(1),
      version: text(32).min(1),
      unit: text(64).min(1).optional(),
      period: text(16).min(1),
      values: z.record(text(32), cellValue).default({}),
      notes: z.record(text(64), text(4000)).default({}),
      rows: z.array(listRow).max(5000).optional(),
      /** A successor's filing that includes the part of the period its predecessors were in force (not counted again). */
      coversPredecessors: z.boolean().optional(),
    }),
  };
}

const incoming = submissionSchema(safeText);

export const CellValueSchema = incoming.cellValue;
export type CellValue = z.infer<typeof CellValueSchema>;

export const ListRowSchema = incoming.listRow;
export type ListRow = z.infer<typeof ListRowSchema>;

export const SubmissionSchema = incoming.submission;
export type Submission = z.input<typeof SubmissionSchema>;
export type ParsedSubmission = z.output<typeof SubmissionSchema>;

/** A submission as the database keeps it. */
export const StoredSubmissionSchema = submissionSchema((max) => z.string().max(max)).submission;

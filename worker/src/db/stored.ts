/**
 * What the database holds as JSON text, read back through its schema: a stored report or submission
 * is data from another time, checked like any input before the code relies on its shape.
 */
import { StoredSubmissionSchema, type ParsedSubmission } from '../../../shared/submission';
import { ReportSchema, type Report } from '../../../shared/validation/issues';

export function storedReport(text: string): Report {
  return ReportSchema.parse(JSON.parse(text));
}

export function storedSubmission(text: string): ParsedSubmission {
  return StoredSubmissionSchema.parse(JSON.parse(text));
}

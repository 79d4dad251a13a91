/** Why a spreadsheet file could not be read: a problem of the product's one catalogue (shared/problems). */
import { CodedError } from '../shared/problems';

export class WorkbookReadError extends CodedError {
  override readonly name = 'WorkbookReadError';
}

/** A write whose guards no longer held (another request wrote first): a 409 the caller may retry. */
import { isWriteConflict } from '../db/guards';
import { fail } from './problem';

export const WRITE_CONFLICT_RETRY_SECONDS = 1;

export async function unlessConflicting<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isWriteConflict(e)) fail('write_conflict', {}, { retryAfter: WRITE_CONFLICT_RETRY_SECONDS });
    throw e;
  }
}

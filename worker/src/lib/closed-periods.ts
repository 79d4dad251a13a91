/**
 * A write that a closed period refuses: the triggers of migration 0010 abort it with `period_closed`,
 * and this turns that into the 409 naming the period. Registry changes are also checked before they
 * are written, so that a dry run says what the import would meet.
 */
import { closedPeriodsAltered } from '../../../shared/registry/closed-periods';
import type { Unit } from '../../../shared/registry/units';
import { closedSpans, lockOf } from '../db/closing';
import { fail } from './problem';

/** Whether a database error is a closed period's trigger refusing the write. */
export function isClosedRefusal(error: unknown): boolean {
  return error instanceof Error && /\bperiod_closed\b/.test(error.message);
}

/** The 409 for a write into `period`, closed (or being closed) now. */
export async function refuseClosed(db: D1Database, period: string): Promise<never> {
  const lock = await lockOf(db, period);
  if (lock?.state === 'closing') fail('period_closing', { period }, { retryAfter: 5 });
  fail('period_closed', { period, version: lock?.version ?? '' });
}

/** Runs a write of one period's filings or reviews, answering the 409 when the period is closed. */
export async function writeUnlessClosed<T>(db: D1Database, period: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isClosedRefusal(e)) await refuseClosed(db, period);
    throw e;
  }
}

type RecordChange = { before: Unit | null; after: Unit | null };

async function refuseAltered(db: D1Database, changes: readonly RecordChange[], always: boolean): Promise<void> {
  const spans = await closedSpans(db);
  const altered = closedPeriodsAltered(changes, spans);
  const periods = altered.length > 0 || !always ? altered : spans.map((s) => s.period);
  if (periods.length > 0) fail('period_closed', { period: periods.join(', '), version: '' });
}

/** Refuses registry changes that would alter a closed period, before anything is written. */
export function refuseRegistryChanges(db: D1Database, changes: readonly RecordChange[]): Promise<void> {
  return refuseAltered(db, changes, false);
}

/** Runs a registry write, answering the 409 when a period it alters was closed meanwhile. */
export async function writeRegistryUnlessClosed<T>(db: D1Database, changes: readonly RecordChange[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isClosedRefusal(e)) await refuseAltered(db, changes, true);
    throw e;
  }
}

/**
 * A write that a closed period refuses: the triggers of migration 0010 abort it with `period_closed`,
 * and this turns that into the 409 naming the period. Registry changes are also checked before they
 * are written, so that a dry run says what the import would meet.
 */
import { closedPeriodsAltered } from '../../../shared/registry/closed-periods';
import type { Unit } from '../../../shared/registry/units';
import { parsePeriod, periodContaining, PERIOD_KINDS } from '../../../shared/periods';
import { closedSpans, lockOf } from '../db/closing';
import { fail } from './problem';

/** Whether a database error is a closed period's trigger refusing the write. */
export function isClosedRefusal(error: unknown): boolean {
  return error instanceof Error && /\bperiod_closed\b/.test(error.message);
}

/**
 * The 409 for a write of a filing of `period`: the period itself is closed (or being closed), or one
 * containing it whose consolidation reads this filing (a unit that ended during it files shorter periods).
 */
export async function refuseClosed(db: D1Database, period: string): Promise<never> {
  const parsed = parsePeriod(period);
  const containing = parsed ? PERIOD_KINDS.filter((k) => k !== parsed.kind).map((k) => periodContaining(k, parsed.end)).filter((p) => p.start <= parsed.start && p.end >= parsed.end && p.code !== period) : [];
  for (const code of [period, ...containing.map((p) => p.code)]) {
    const lock = await lockOf(db, code);
    if (lock?.state === 'closing') fail('period_closing', { period: code }, { retryAfter: 5 });
    if (lock) fail('period_closed', { period: code, version: lock.version ?? '' });
  }
  fail('period_closed', { period, version: '' });
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

/**
 * Which closed periods a change of the registry would alter: a record in force some day of a closed
 * period that is added or removed, or that changes what it says about those days (its fields, or the
 * days of the period it covers). The database enforces the same rule with triggers
 * (worker/migrations/0010_closing.sql); this names the periods in the answer and lets a dry run say so.
 */
import type { Unit } from './units';

/** A closed period's code and its first and last day. */
export interface ClosedSpan {
  period: string;
  start: string;
  end: string;
}

const FOREVER = '9999-12-31';

/** The days of `span` the record covers, or null when it covers none. */
function daysIn(record: Pick<Unit, 'validFrom' | 'validTo'>, span: ClosedSpan): { from: string; to: string } | null {
  const from = record.validFrom > span.start ? record.validFrom : span.start;
  const until = record.validTo ?? FOREVER;
  const to = until < span.end ? until : span.end;
  return from <= to ? { from, to } : null;
}

function sameFields(a: Unit, b: Unit): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.kind === b.kind &&
    (a.parent ?? null) === (b.parent ?? null) &&
    a.coordinator === b.coordinator &&
    a.successors.join(' ') === b.successors.join(' ') &&
    (a.change ?? null) === (b.change ?? null) &&
    (a.province ?? null) === (b.province ?? null) &&
    (a.catalogue ?? null) === (b.catalogue ?? null) &&
    (a.contact ?? null) === (b.contact ?? null)
  );
}

/** Does replacing `before` by `after` (either absent: a record added or removed) alter the closed period? */
export function altersClosedPeriod(before: Unit | null, after: Unit | null, span: ClosedSpan): boolean {
  const was = before ? daysIn(before, span) : null;
  const is = after ? daysIn(after, span) : null;
  if (!was && !is) return false;
  if (!was || !is) return true;
  return was.from !== is.from || was.to !== is.to || !sameFields(before!, after!);
}

/** The closed periods a set of record changes would alter, in the order given. */
export function closedPeriodsAltered(changes: readonly { before: Unit | null; after: Unit | null }[], closed: readonly ClosedSpan[]): string[] {
  return closed.filter((span) => changes.some((c) => altersClosedPeriod(c.before, c.after, span))).map((s) => s.period);
}

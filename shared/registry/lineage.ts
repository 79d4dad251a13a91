/**
 * Who a unit succeeded: the registry's links from a record that ended to the units that took over.
 * A unit formed by a merger is compared with the sum of the units it merged from; after a split no
 * successor can be compared with the whole it came from.
 */
import { STRUCTURAL_BREAKS } from '../settings';
import { validDuring, type Unit } from './units';

export interface ComparisonBasis {
  /** The units whose previous figures stand for this unit's: itself, or those it took over from. */
  units: string[];
  /** False when no fair comparison exists (the unit came out of a split, or was formed in a structural break). */
  comparable: boolean;
  reason?: 'split' | 'structural_break';
}

/**
 * What the previous period of `code` is compared with: the unit itself when it was in force then,
 * together with every unit that merged into it since (so a department that absorbed another is
 * compared with both), or only the units it succeeded when it is new. A predecessor still in force
 * on the last day of the period filed (`currentEnd`) reported that period itself: its work is not yet
 * the unit's, so it is not part of the basis (a department of another province that joins on the
 * day after the period ends changes nothing about it).
 */
export function comparisonBasis(code: string, registry: readonly Unit[], previousStart: string, previousEnd: string, currentEnd: string): ComparisonBasis {
  const own = registry.some((u) => u.code === code && validDuring(u, previousStart, previousEnd));
  const predecessors = registry.filter(
    (u) => u.code !== code && u.successors.includes(code) && validDuring(u, previousStart, previousEnd) && u.validTo !== null && u.validTo < currentEnd,
  );
  const units = [...new Set([...(own ? [code] : []), ...predecessors.map((u) => u.code)])];
  if (units.length === 0) return { units, comparable: false };
  if (predecessors.some((u) => u.change === 'split')) return { units, comparable: false, reason: 'split' };
  // Across a day of structural break, a unit took over more than its predecessors' filings measured.
  const acrossBreak = predecessors.some((u) => u.validTo !== null && STRUCTURAL_BREAKS.includes(nextDay(u.validTo)));
  if (acrossBreak) return { units, comparable: false, reason: 'structural_break' };
  return { units, comparable: true };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The units a record took over from (its predecessors), for the pane and the API. */
export function predecessorsOf(code: string, registry: readonly Unit[]): Unit[] {
  return registry.filter((u) => u.code !== code && u.successors.includes(code));
}

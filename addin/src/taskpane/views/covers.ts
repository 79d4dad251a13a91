/**
 * Which predecessors a filing may say it covers: units that took over into this one and ended inside
 * the period (so part of the period was theirs). Another province's units are never summed here, so a
 * filing never covers them; a predecessor that ended on the period's last day left no part to the successor.
 */
import type { Period } from '../../../../shared/periods';
import type { Unit } from '../../../../shared/registry/units';

export function coveredPredecessors(units: readonly Unit[], unit: string, period: Pick<Period, 'start' | 'end'>): Unit[] {
  return units.filter((u) => u.code !== unit && u.successors.includes(unit) && !u.province && u.validTo !== null && u.validTo >= period.start && u.validTo < period.end);
}

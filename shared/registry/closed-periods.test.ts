import { describe, expect, it } from 'vitest';
import { demoRecord } from '../demo/registry';
import { altersClosedPeriod, closedPeriodsAltered, type ClosedSpan } from './closed-periods';
import type { Unit } from './units';

const H1: ClosedSpan = { period: '2025-H1', start: '2025-01-01', end: '2025-06-30' };
const Y2024: ClosedSpan = { period: '2024', start: '2024-01-01', end: '2024-12-31' };
const rec = (extra: Partial<Unit> = {}): Unit => demoRecord({ code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' }, { validFrom: '2020-01-01', validTo: null, ...extra });

describe('altersClosedPeriod', () => {
  it('a record in force some day of the period alters it when added, removed or edited', () => {
    expect(altersClosedPeriod(null, rec(), H1)).toBe(true);
    expect(altersClosedPeriod(rec(), null, H1)).toBe(true);
    expect(altersClosedPeriod(rec(), rec({ name: 'Huyện Krông Pắc' }), H1)).toBe(true);
    expect(altersClosedPeriod(rec(), rec({ successors: ['X'], change: 'merge' }), H1)).toBe(true);
  });

  it('an end moved within the period alters it; moved after it, or nothing of it covered, does not', () => {
    expect(altersClosedPeriod(rec(), rec({ validTo: '2025-03-31' }), H1)).toBe(true);
    expect(altersClosedPeriod(rec({ validTo: '2025-06-30' }), rec({ validTo: null }), H1)).toBe(false);
    expect(altersClosedPeriod(rec({ validTo: '2025-12-31' }), rec({ validTo: '2026-06-30' }), H1)).toBe(false);
    // Ending a record the day before the period leaves it out of the period: that alters it.
    expect(altersClosedPeriod(rec(), rec({ validTo: '2024-12-31' }), H1)).toBe(true);
    expect(altersClosedPeriod(null, rec({ validFrom: '2025-07-01' }), H1)).toBe(false);
    expect(altersClosedPeriod(rec({ validFrom: '2025-07-01' }), rec({ validFrom: '2025-07-01', name: 'X' }), H1)).toBe(false);
  });

  it('names every closed period a set of changes alters', () => {
    expect(closedPeriodsAltered([{ before: rec(), after: rec({ validTo: '2024-06-30' }) }], [Y2024, H1])).toEqual(['2024', '2025-H1']);
    expect(closedPeriodsAltered([{ before: null, after: rec({ validFrom: '2026-01-01' }) }], [Y2024, H1])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../../../shared/demo/registry';
import { parsePeriod } from '../../../../shared/periods';
import { coveredPredecessors } from './covers';

const covered = (unit: string, period: string) => coveredPredecessors(DEMO_REGISTRY, unit, parsePeriod(period)!).map((u) => u.code);

describe('the predecessors a filing may cover', () => {
  it('are the units merged into it that ended inside the period', () => {
    expect(covered('SNNMT', '2025-H1')).toEqual(['SNNPTNT', 'STNMT']);
    expect(covered('SNNMT', '2025-Q1')).toEqual(['SNNPTNT', 'STNMT']);
    expect(covered('SNNMT', '2025')).toEqual(['SNNPTNT', 'STNMT']);
  });

  it('never another province’s unit, nor one that ended before the period or on its last day', () => {
    // Phú Yên's finance department merged into STC on 1 July 2025: it is never summed in Đắk Lắk.
    expect(covered('STC', '2025-H1')).toEqual(['SKHDT']);
    expect(covered('STC', '2025')).toEqual(['SKHDT']);
    expect(covered('SNNMT', '2025-Q2')).toEqual([]);
    expect(covered('SNNMT', '2024-H2')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Unit } from '../registry/units';
import { demoRecord } from '../demo/registry';
import { parsePeriod } from '../periods';
import { TEMPLATES } from '../templates';
import { consolidate } from './consolidate';
import { periodStatus } from './period-status';

const unit = (code: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => demoRecord({ code, name: `Đơn vị ${code}`, kind }, extra);

// Krông Pắc renamed on 1 April 2024: two records of one code.
const REGISTRY: Unit[] = [
  unit('STTTT', 'department', { coordinator: true }),
  unit('KPA', 'district', { name: 'Huyện Krông Pắc (tên cũ)', validTo: '2024-03-31' }),
  unit('KPA', 'district', { name: 'Huyện Krông Pắc', validFrom: '2024-04-01' }),
  unit('KPA-A', 'commune', { parent: 'KPA' }),
];

const Q1 = parsePeriod('2024-Q1')!;
const H1 = parsePeriod('2024-H1')!;
const BM03 = TEMPLATES.find((t) => t.id === 'BM03')!;

describe('completeness of a period', () => {
  it('counts every template filed in the period, and marks who is missing, late or returned', () => {
    const status = periodStatus(TEMPLATES, H1, REGISTRY, [
      { unit: 'STTTT', template: 'BM03', status: 'accepted', daysLate: 0, warnings: 0 },
      { unit: 'KPA', template: 'BM03', status: 'received', daysLate: 3, warnings: 1 },
      { unit: 'KPA-A', template: 'BM03', status: 'returned', daysLate: 0, warnings: 0 },
    ]);
    expect(status.templates.map((t) => t.template)).not.toContain('BM07');
    expect(status.templates.find((t) => t.template === 'BM03')).toMatchObject({ expected: 3, submitted: 3, onTime: 2, late: 1, missing: 0, returned: 1, accepted: 1, openWarnings: 1 });
    expect(status.units.map((u) => [u.code, u.templates.BM03])).toEqual([
      ['STTTT', 'accepted'],
      ['KPA', 'late'],
      ['KPA-A', 'returned'],
    ]);
    expect(status.units.find((u) => u.code === 'KPA-A')!.templates.BM06).toBe('missing');
  });

  it('names a renamed unit as the consolidation does: by its record at the period’s end', () => {
    for (const [period, name] of [
      [Q1, 'Huyện Krông Pắc (tên cũ)'],
      [H1, 'Huyện Krông Pắc'],
    ] as const) {
      const status = periodStatus(TEMPLATES, period, REGISTRY, []);
      const consolidation = consolidate(BM03, period, REGISTRY, []);
      expect(status.units.filter((u) => u.code === 'KPA').map((u) => u.name)).toEqual([name]);
      expect(consolidation.units.filter((u) => u.code === 'KPA').map((u) => u.name)).toEqual([name]);
    }
  });
});

describe('units that ended during the period', () => {
  // A district abolished on 30 June 2025: the 2025 annual is covered by its half-year, or its part is missing.
  const registry: Unit[] = [
    unit('STTTT', 'department', { coordinator: true }),
    unit('D1', 'district', { validTo: '2025-06-30' }),
    unit('D2', 'district', { validTo: '2025-06-30' }),
    unit('XA', 'commune', { validFrom: '2025-07-01' }),
  ];
  const year = parsePeriod('2025')!;

  it('says whose part is covered by shorter filings and whose is missing, never leaving them out', () => {
    const status = periodStatus(TEMPLATES, year, registry, [], [{ unit: 'D1', template: 'BM03', period: '2025-H1' }]);
    const line = (code: string) => status.units.find((u) => u.code === code)?.templates.BM03;
    expect([line('D1'), line('D2'), line('XA')]).toEqual(['covered', 'missing_part', 'missing']);
    expect(status.templates.find((t) => t.template === 'BM03')).toMatchObject({ expected: 2, missing: 2, missingParts: 1 });
  });

  it('counts a predecessor covered when its successor’s filing says it includes it', () => {
    const merged: Unit[] = [...registry, unit('OLD', 'department', { validTo: '2025-02-28', successors: ['STTTT'], change: 'merge' })];
    const status = periodStatus(TEMPLATES, year, merged, [{ unit: 'STTTT', template: 'BM03', status: 'received', daysLate: 0, warnings: 0, coversPredecessors: true }]);
    expect(status.units.find((u) => u.code === 'OLD')?.templates.BM03).toBe('covered');
  });
});

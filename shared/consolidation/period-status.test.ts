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

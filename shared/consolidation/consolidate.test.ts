import { describe, expect, it } from 'vitest';
import type { Unit } from '../registry/units';
import { demoRecord } from '../demo/registry';
import { plan203Tasks, plan30Tasks } from '../demo/seed-figures';
import { parsePeriod } from '../periods';
import { getTemplate, templateFor } from '../templates';
import { validateSubmission } from '../validation';
import type { Submission } from '../submission';
import { SHARE_DECIMALS, consolidate, expectedUnits, type SubmittedReport } from './consolidate';
import { roundTo } from '../numbers/decimal';
import { MEASURE_CEILINGS } from '../templates/ceilings';
import { versionOf } from '../templates';

const unit = (code: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => demoRecord({ code, name: `Đơn vị ${code}`, kind }, extra);

const REGISTRY: Unit[] = [
  unit('STTTT', 'department', { coordinator: true }),
  unit('SYT', 'department'),
  unit('BMT', 'district'),
  unit('BMT-A', 'commune', { parent: 'BMT' }),
  unit('BMT-B', 'commune', { parent: 'BMT' }),
  unit('KPA', 'district'),
  unit('KPA-A', 'commune', { parent: 'KPA' }),
  // Merged into KPA-A on 1 July 2024: expected for 2024-Q1, not for 2024-H2.
  unit('KPA-OLD', 'commune', { parent: 'KPA', validTo: '2024-06-30' }),
];

const H1 = parsePeriod('2024-H1')!;

function report(code: string, submission: Omit<Submission, 'unit'>, extra: Partial<SubmittedReport> = {}): SubmittedReport {
  const r = validateSubmission({ ...submission, unit: code });
  return {
    unit: code,
    submissionId: `sub_${code}`,
    revision: 1,
    receivedAt: '2024-06-20T03:00:00Z',
    firstReceivedAt: '2024-06-20T03:00:00Z',
    status: 'received',
    values: r.values,
    ...(r.rows ? { rows: r.rows } : {}),
    warnings: r.warnings,
    ...extra,
  };
}

const bm04 = (values: Submission['values']) => ({ template: 'BM04', version: versionOf('BM04', '2024-H1'), period: '2024-H1', values });

describe('provincial totals', () => {
  const submissions = [
    report('STTTT', bm04({ 'VB01.KQ': 1000, 'VB02.KQ': 900, 'VB03.KQ': 100, 'HC01.TS': 90, 'HC01.MS': 100, 'HC01.KQ': 90 })),
    report('SYT', bm04({ 'VB01.KQ': 500, 'VB02.KQ': 450, 'VB03.KQ': 50, 'HC01.TS': 10, 'HC01.MS': 1000, 'HC01.KQ': 1 })),
    // BMT reports its own total, which includes its communes.
    report('BMT', bm04({ 'VB01.KQ': 300, 'VB02.KQ': 280, 'VB03.KQ': 20 })),
    report('BMT-A', bm04({ 'VB01.KQ': 100, 'VB02.KQ': 100, 'VB03.KQ': 0 })),
    report('BMT-B', bm04({ 'VB01.KQ': 150, 'VB02.KQ': 140, 'VB03.KQ': 10 })),
    // KPA has not submitted: its commune stands in for it.
    report('KPA-A', bm04({ 'VB01.KQ': 40, 'VB02.KQ': 40, 'VB03.KQ': 0 })),
  ];
  const c = consolidate(templateFor('BM04', H1)!, H1, REGISTRY, submissions);

  it('adds departments and districts, with communes standing in for a district that did not report', () => {
    expect(c.total.values['VB01.KQ']).toBe(1000 + 500 + 300 + 40);
    expect(c.total.values['VB03.KQ']).toBe(100 + 50 + 20 + 0);
  });

  it('recomputes ratios from summed numerators and denominators, never averaging them', () => {
    expect(c.total.values['HC01.TS']).toBe(100);
    expect(c.total.values['HC01.MS']).toBe(1100);
    expect(c.total.values['HC01.KQ']).toBe(roundTo((100 / 1100) * 100, SHARE_DECIMALS));
    expect(c.total.values['HC01.KQ']).not.toBeCloseTo((90 + 1) / 2, 1);
  });

  it('recomputes derived shares from the provincial cells', () => {
    // Nobody reported VB04: the share stays blank rather than 0.
    expect(c.total.values['TL01.KQ']).toBeNull();
  });

  it('flags a district total that differs from the sum of its communes', () => {
    expect(c.districtChecks).toContainEqual({ district: 'BMT', ref: 'VB01.KQ', districtValue: 300, communesSum: 250, communes: 2, complete: true });
  });

  it('lists departments, then each district followed by its communes', () => {
    expect(c.units.map((u) => u.code)).toEqual(['STTTT', 'SYT', 'BMT', 'BMT-A', 'BMT-B', 'KPA', 'KPA-A', 'KPA-OLD']);
  });

  it('knows who is missing, including a commune in force until the period’s last day', () => {
    expect(c.completeness).toMatchObject({ expected: 8, submitted: 6, missing: ['KPA', 'KPA-OLD'] });
    expect(c.completeness.byKind.district).toEqual({ expected: 2, submitted: 1 });
    expect(c.completeness.byDistrict).toEqual([
      { district: 'BMT', expected: 3, submitted: 3 },
      { district: 'KPA', expected: 3, submitted: 1 },
    ]);
  });
});

describe('figures at their ceilings', () => {
  it('a province of units at the largest figures intake accepts still sums to exact, finite totals', () => {
    const many = Array.from({ length: 220 }, (_, i) => unit(`D${i}`, 'department'));
    const top = MEASURE_CEILINGS.count!;
    const filed = many.map((u) => report(u.code, bm04({ 'VB01.KQ': top, 'VB02.KQ': top - 1, 'VB03.KQ': 1 })));
    expect(filed[0]!.values['VB01.KQ']).toBe(top);
    const c = consolidate(templateFor('BM04', H1)!, H1, many, filed);
    expect(c.total.values['VB01.KQ']).toBe(220 * top);
    expect(Number.isSafeInteger(c.total.values['VB01.KQ'])).toBe(true);
    expect(Object.values(c.total.values).every((v) => v === null || typeof v === 'string' || Number.isFinite(v))).toBe(true);
  });
});

describe('completeness', () => {
  it('counts late units by their first submission, returned ones and open warnings', () => {
    const budget = { template: 'BM07', version: versionOf('BM07'), period: '2024' };
    const y2024 = parsePeriod('2024')!;
    const subs = [
      report('STTTT', { ...budget, values: { 'KP01.KQ': 90, 'KP07.KQ': 1, 'KP08.KQ': 0, 'KP09.KQ': 100 }, notes: { KP09: 'Dự án SOC chuyển sang 2025' } }, { receivedAt: '2025-01-05T03:00:00Z', firstReceivedAt: '2024-12-23T03:00:00Z' }),
      report('SYT', { ...budget, values: { 'KP09.KQ': 5 } }, { status: 'returned', reviewComment: 'Thiếu chi tiết' }),
      report('BMT', { ...budget, values: { 'KP09.KQ': 7 } }, { status: 'accepted' }),
    ];
    const c = consolidate(getTemplate('BM07')!, y2024, REGISTRY, subs);
    expect(c.completeness.late).toEqual([{ unit: 'STTTT', daysLate: 4 }]);
    expect(c.completeness.returned).toEqual(['SYT']);
    expect(c.completeness.accepted).toEqual(['BMT']);
    expect(c.completeness.openWarnings).toHaveLength(1);
    expect(c.completeness.openWarnings[0]).toMatchObject({ unit: 'STTTT', code: 'share_below_min', note: 'Dự án SOC chuyển sang 2025' });
    expect(c.completeness.missing).toEqual(['KPA']);
    expect(c.units.find((u) => u.code === 'SYT')!.submission!.reviewComment).toBe('Thiếu chi tiết');
  });

  it('expects the units valid at the period’s end, of the kinds that file the template', () => {
    const bm06 = getTemplate('BM06')!;
    expect(expectedUnits(bm06, parsePeriod('2024-Q1')!, REGISTRY).map((u) => u.code)).toEqual(['BMT', 'BMT-A', 'BMT-B', 'KPA', 'KPA-A', 'KPA-OLD']);
    expect(expectedUnits(bm06, parsePeriod('2024-H2')!, REGISTRY).map((u) => u.code)).toEqual(['BMT', 'BMT-A', 'BMT-B', 'KPA', 'KPA-A']);
  });

  it('a province-wide template is expected from the coordinator only', () => {
    expect(expectedUnits(getTemplate('BM08')!, parsePeriod('2024')!, REGISTRY).map((u) => u.code)).toEqual(['STTTT']);
  });

  it('a province-wide score passes through as the province’s figure', () => {
    const c = consolidate(templateFor('BM08', '2023')!, parsePeriod('2023')!, REGISTRY, [
      report('STTTT', { template: 'BM08', version: versionOf('BM08', '2023'), period: '2023', values: { 'D1.KQ': 74, 'D1.XH': 22 } }),
    ]);
    expect(c.total.values['D1.KQ']).toBe(74);
    expect(c.total.values['D1.XH']).toBe(22);
  });

  it('a filing stored under another version than its period’s stays as filed, its figures not consolidated', () => {
    const y2024 = parsePeriod('2024')!;
    const points = report('STTTT', { template: 'BM08', version: '2024.1', period: '2024', values: { 'DT.KQ': 398.49 } }, { templateVersion: '2024.1' });
    const c = consolidate(templateFor('BM08', y2024)!, y2024, REGISTRY, [points]);
    expect(c.template.version).toBe('2025.1');
    const line = c.units.find((u) => u.code === 'STTTT')!;
    expect(line.submission).toMatchObject({ otherVersion: '2024.1', revision: 1 });
    expect(line.values).toEqual({});
    expect(c.total.values['DT.KQ'] ?? null).toBeNull();
    // The same filing under the period's version counts.
    const same = consolidate(templateFor('BM08', y2024)!, y2024, REGISTRY, [{ ...points, values: { 'DT.KQ': 0.6961 }, templateVersion: '2025.1' }]);
    expect(same.total.values['DT.KQ']).toBe(0.6961);
    expect(same.units.find((u) => u.code === 'STTTT')!.submission!.otherVersion).toBeUndefined();
  });
});

describe('task progress (BM02)', () => {
  it('counts and shares by status per unit and for the province: 28/129 completed across plans 30 and 203', () => {
    const task = (rows: Submission['rows']) => ({ template: 'BM02', version: versionOf('BM02'), period: '2024-H1', rows });
    const c = consolidate(getTemplate('BM02')!, H1, REGISTRY, [report('STTTT', task(plan30Tasks())), report('SYT', task(plan203Tasks()))]);
    expect(c.units[0]!.statusCounts).toMatchObject({ total: 66, counts: { HT: 18 }, shares: { HT: 27.27 } });
    expect(c.total.statusCounts).toMatchObject({ total: 129, counts: { HT: 28, TX: 22, DTH: 79, CTH: 0 } });
    expect(c.total.statusCounts!.shares.HT).toBe(21.71);
  });
});

import { describe, expect, it } from 'vitest';
import { demoRecord } from '../demo/registry';
import { planImport, registryProblems, retractionConflicts } from './history';
import { comparisonBasis } from './lineage';
import type { Unit } from './units';

const district = (code: string, extra: Partial<Unit> = {}) => demoRecord({ code, name: `Huyện ${code}`, kind: 'district' }, extra);
const commune = (code: string, parent: string | null, extra: Partial<Unit> = {}) => demoRecord({ code, name: `Xã ${code}`, kind: 'commune', parent }, extra);
const department = (code: string, extra: Partial<Unit> = {}) => demoRecord({ code, name: `Sở ${code}`, kind: 'department' }, extra);
const problemsOf = (records: Unit[]) => registryProblems(records).map((p) => [p.code, p.field, p.problem]);

describe('the registry as history', () => {
  it('takes communes straight under the province, and districts that outlive their communes', () => {
    expect(problemsOf([district('H1', { validTo: '2025-06-30' }), commune('X1', 'H1', { validTo: '2025-06-30' }), commune('X2', null, { validFrom: '2025-07-01' })])).toEqual([]);
  });

  it('refuses a commune that outlives its district, or hangs under a unit that is none', () => {
    expect(problemsOf([district('H1', { validTo: '2025-06-30' }), commune('X1', 'H1')])).toEqual([['X1', 'parent', 'registry_parent_ends_first']]);
    expect(problemsOf([department('S1'), commune('X1', 'S1')])).toEqual([['X1', 'parent', 'csv_parent_unknown']]);
  });

  it('accepts a parent whose records follow one another without a gap, and refuses a gap', () => {
    const renamed = [district('H1', { validTo: '2022-12-31' }), district('H1', { validFrom: '2023-01-01', validTo: '2025-06-30', name: 'Thị xã H1' })];
    expect(problemsOf([...renamed, commune('X1', 'H1', { validTo: '2025-06-30' })])).toEqual([]);
    const gap = [district('H1', { validTo: '2022-12-31' }), district('H1', { validFrom: '2023-02-01', validTo: '2025-06-30' })];
    expect(problemsOf([...gap, commune('X1', 'H1', { validTo: '2025-06-30' })])).toEqual([['X1', 'parent', 'registry_parent_ends_first']]);
  });

  it('refuses overlapping records of one code and two coordinators at once', () => {
    expect(problemsOf([department('S1', { validTo: '2024-12-31' }), department('S1', { validFrom: '2024-06-01' })])).toEqual([['S1', 'valid_from', 'registry_overlap']]);
    expect(problemsOf([department('S1', { coordinator: true, validTo: '2025-02-28' }), department('S2', { coordinator: true, validFrom: '2025-03-01' })])).toEqual([]);
    expect(problemsOf([department('S1', { coordinator: true }), department('S2', { coordinator: true, validFrom: '2025-03-01' })])).toEqual([['S2', 'coordinator', 'registry_two_coordinators']]);
  });

  it('wants an end, a kind of change and a successor in force the next day for every link', () => {
    expect(problemsOf([department('S1', { successors: ['S2'], change: 'merge' }), department('S2')])).toEqual([['S1', 'valid_to', 'registry_successors_need_end']]);
    expect(problemsOf([department('S1', { validTo: '2025-02-28', successors: ['S2'] }), department('S2')])).toEqual([['S1', 'change', 'registry_change_missing']]);
    expect(problemsOf([department('S1', { validTo: '2025-02-28', successors: ['S2'], change: 'merge' }), department('S2', { validFrom: '2025-04-01' })])).toEqual([
      ['S1', 'successors', 'registry_successor_missing'],
    ]);
  });
});

describe('planning an import', () => {
  const existing = [district('H1', { validTo: '2025-06-30' }), commune('X1', 'H1', { validTo: '2025-06-30' }), department('S1')];
  const filings = [{ unit: 'H1', period: '2023' }, { unit: 'H1', period: '2024-H1' }];

  it('refuses to edit in place a record that covers filed periods, naming them', () => {
    const plan = planImport(existing, [{ ...existing[0]!, kind: 'commune' }], filings);
    expect(plan.conflicts).toEqual([{ code: 'H1', validFrom: '2020-01-01', periods: ['2023', '2024-H1'] }]);
  });

  it('refuses to end a record before periods it filed for, but lets it end later', () => {
    expect(planImport(existing, [{ ...existing[0]!, validTo: '2023-12-31' }], filings).conflicts).toEqual([{ code: 'H1', validFrom: '2020-01-01', periods: ['2024-H1'] }]);
    expect(planImport(existing, [{ ...existing[0]!, validTo: '2024-06-30' }], filings).conflicts).toEqual([]);
  });

  it('lets a record without filings be edited, and describes every change with its before and after', () => {
    const plan = planImport(existing, [{ ...existing[1]!, name: 'Xã Một' }, department('S2', { validFrom: '2026-01-01' }), existing[2]!], filings);
    expect(plan.conflicts).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.changes).toEqual([
      { action: 'updated', before: existing[1], after: { ...existing[1], name: 'Xã Một' } },
      { action: 'created', before: null, after: department('S2', { validFrom: '2026-01-01' }) },
    ]);
  });

  it('reports only the problems the import brings, not those the registry already had', () => {
    const flawed = [...existing, department('S1', { validFrom: '2024-01-01' })];
    expect(planImport(flawed, [department('S3')], []).problems).toEqual([]);
    expect(planImport(flawed, [commune('X9', 'H1')], []).problems.map((p) => [p.code, p.problem])).toEqual([['X9', 'registry_parent_ends_first']]);
  });

  it('lets a record go only when no filing stands on it alone', () => {
    expect(retractionConflicts(existing[0]!, existing, filings)).toEqual(['2023', '2024-H1']);
    expect(retractionConflicts(existing[1]!, existing, filings)).toEqual([]);
  });
});

describe('comparing with the previous period across a reform', () => {
  const registry = [
    commune('A', 'H', { validTo: '2025-06-30', successors: ['AB'], change: 'merge' }),
    commune('B', 'H', { validTo: '2025-06-30', successors: ['AB'], change: 'merge' }),
    commune('AB', null, { validFrom: '2025-07-01' }),
    commune('C', 'H', { validTo: '2025-06-30', successors: ['C1', 'C2'], change: 'split' }),
    commune('C1', null, { validFrom: '2025-07-01' }),
    department('S1', { validTo: '2025-02-28', successors: ['S2'], change: 'merge' }),
    department('S2'),
    // Two communes merged on an ordinary day, not in the reform.
    commune('D', 'H', { validTo: '2024-03-31', successors: ['DE'], change: 'merge' }),
    commune('E', 'H', { validTo: '2024-03-31', successors: ['DE'], change: 'merge' }),
    commune('DE', 'H', { validFrom: '2024-04-01' }),
  ];

  it('compares a merged unit with the sum of the units it merged from', () => {
    expect(comparisonBasis('DE', registry, '2024-01-01', '2024-03-31')).toEqual({ units: ['D', 'E'], comparable: true });
  });

  it('declares the first period after the 2025 reform a structural break for a commune formed in it', () => {
    // Its old communes' figures leave out the district's work it took over: a jump check would only cry wolf.
    expect(comparisonBasis('AB', registry, '2025-01-01', '2025-06-30')).toEqual({ units: ['A', 'B'], comparable: false, reason: 'structural_break' });
  });

  it('compares a department with itself and the one it absorbed', () => {
    expect(comparisonBasis('S2', registry, '2025-01-01', '2025-06-30')).toEqual({ units: ['S2', 'S1'], comparable: true });
    expect(comparisonBasis('S2', registry, '2025-07-01', '2025-12-31')).toEqual({ units: ['S2'], comparable: true });
  });

  it('says no comparison is fair after a split', () => {
    expect(comparisonBasis('C1', registry, '2025-01-01', '2025-06-30')).toEqual({ units: ['C'], comparable: false, reason: 'split' });
  });
});

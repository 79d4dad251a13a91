import { describe, expect, it } from 'vitest';
import { demoRecord } from '../demo/registry';
import { inverseOf, planImport, registryProblems, retractionConflicts, type FiledEnd } from './history';
import { comparisonBasis } from './lineage';
import { addDays } from '../dates/calendar-date';
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

describe('a day without a coordinator', () => {
  it('is refused after the first coordinator, naming the days', () => {
    const gap = [department('S1', { coordinator: true, validTo: '2025-02-28' }), department('S2', { coordinator: true, validFrom: '2025-03-05' })];
    expect(registryProblems(gap).map((p) => [p.code, p.field, p.problem, p.params])).toEqual([['S1', 'valid_to', 'registry_no_coordinator', { from: '2025-03-01', to: '2025-03-04' }]]);
    const ended = [department('S1', { coordinator: true, validTo: '2025-02-28' })];
    expect(registryProblems(ended).map((p) => [p.code, p.problem, p.params])).toEqual([['S1', 'registry_no_coordinator', { from: '2025-03-01', to: '' }]]);
  });
  it('is no problem before the first coordinator, nor when one follows the other', () => {
    expect(problemsOf([department('S0'), department('S1', { coordinator: true, validFrom: '2021-01-01', validTo: '2025-02-28' }), department('S2', { coordinator: true, validFrom: '2025-03-01' })])).toEqual([]);
  });
});

describe('history that cannot be rewritten, and edits that can be undone', () => {
  const ended = district('H1', { validTo: '2025-06-30', successors: ['X2'], change: 'merge' });
  const registry = [ended, commune('X2', null, { validFrom: '2025-07-01' }), department('S1', { coordinator: true })];
  const filings = [{ unit: 'H1', period: '2025-H1' }];
  const filedEnds: FiledEnd[] = [{ code: 'H1', validFrom: '2020-01-01', validTo: '2025-06-30' }];
  it('refuses clearing or moving later the end a filed record had when it was filed', () => {
    const cleared = planImport(registry, [{ ...ended, validTo: null, successors: [], change: null }], filings, filedEnds);
    expect(cleared.conflicts).toEqual([{ code: 'H1', validFrom: '2020-01-01', periods: ['2025-H1'] }]);
    expect(planImport(registry, [{ ...ended, validTo: '2025-09-30', successors: [], change: null }], filings, filedEnds).conflicts).toHaveLength(1);
  });
  it('refuses changing the successors or the kind of change of an ended record that has filings', () => {
    expect(planImport(registry, [{ ...ended, successors: ['S1'] }], filings, filedEnds).conflicts).toEqual([{ code: 'H1', validFrom: '2020-01-01', periods: ['2025-H1'] }]);
    expect(planImport(registry, [{ ...ended, change: 'split' }], filings, filedEnds).conflicts).toHaveLength(1);
    expect(planImport(registry, [{ ...ended, successors: ['S1'] }], [], []).conflicts).toEqual([]);
  });
  it('lets a record filed while open be ended and succeeded, and that edit be undone by its inverse', () => {
    const open = district('H1');
    const start = [open, commune('X2', null, { validFrom: '2025-07-01' }), department('S1', { coordinator: true })];
    const openEnds: FiledEnd[] = [{ code: 'H1', validFrom: '2020-01-01', validTo: null }];
    const apply = planImport(start, [ended], filings, openEnds);
    expect(apply.conflicts).toEqual([]);
    expect(apply.problems).toEqual([]);
    const afterApply = start.map((u) => (u === open ? ended : u));
    const inverse = inverseOf(apply.changes);
    const undo = planImport(afterApply, inverse.restore, filings, openEnds);
    expect(undo.conflicts).toEqual([]);
    expect(undo.problems).toEqual([]);
    expect(afterApply.map((u) => undo.changes.find((c) => c.before === u)?.after ?? u)).toEqual(start);
  });
  it('names the periods with filings an import changes, and none for another province before it joined', () => {
    const filed = [{ unit: 'S1', period: '2024-H1' }, { unit: 'H1', period: '2025-H1' }];
    const joined = [
      department('PY-S1', { validTo: '2025-06-30', successors: ['S1'], change: 'merge', province: 'Phú Yên' }),
      commune('PY-X1', null, { validTo: '2025-06-30', successors: ['X2'], change: 'merge', province: 'Phú Yên' }),
    ];
    expect(planImport(registry, joined, filed).periodsChanged).toEqual([]);
    expect(planImport(registry, [department('S9', { validFrom: '2024-01-01' })], filed).periodsChanged).toEqual(['2024-H1', '2025-H1']);
    expect(planImport(registry, [{ ...registry[2]!, name: 'Sở Một' }], filed).periodsChanged).toEqual([]);
  });
});

describe('checks linear in the registry', () => {
  it('finds every overlap among 10,000 records of one code, reporting each once', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => department('S1', { validFrom: addDays('2000-01-01', i) }));
    const problems = registryProblems(many);
    expect(problems).toHaveLength(9_999);
    expect(problems[0]).toMatchObject({ validFrom: '2000-01-02', problem: 'registry_overlap', params: { other: '2000-01-01' } });
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
    expect(comparisonBasis('DE', registry, '2024-01-01', '2024-03-31', '2024-06-30')).toEqual({ units: ['D', 'E'], comparable: true });
  });

  it('declares the first period after the 2025 reform a structural break for a commune formed in it', () => {
    // Its old communes' figures leave out the district's work it took over: a jump check would only cry wolf.
    expect(comparisonBasis('AB', registry, '2025-01-01', '2025-06-30', '2025-12-31')).toEqual({ units: ['A', 'B'], comparable: false, reason: 'structural_break' });
  });

  it('compares a department with itself and the one it absorbed', () => {
    expect(comparisonBasis('S2', registry, '2025-01-01', '2025-06-30', '2025-12-31')).toEqual({ units: ['S2', 'S1'], comparable: true });
    expect(comparisonBasis('S2', registry, '2025-07-01', '2025-12-31', '2026-06-30')).toEqual({ units: ['S2'], comparable: true });
  });

  it('leaves out a predecessor still in force at the end of the period filed: its work is not yet the unit’s', () => {
    const joining = [...registry, department('PY-S2', { validTo: '2025-06-30', successors: ['S2'], change: 'merge' })];
    // S2's first half of 2025 against its second half of 2024: the department joining on 1 July filed 2025-H1 itself.
    expect(comparisonBasis('S2', joining, '2024-07-01', '2024-12-31', '2025-06-30')).toEqual({ units: ['S2', 'S1'], comparable: true });
    // Its second half of 2025 against the first: the joined department's part is now S2's, across the reform.
    expect(comparisonBasis('S2', joining, '2025-01-01', '2025-06-30', '2025-12-31')).toEqual({ units: ['S2', 'S1', 'PY-S2'], comparable: false, reason: 'structural_break' });
  });

  it('says no comparison is fair after a split', () => {
    expect(comparisonBasis('C1', registry, '2025-01-01', '2025-06-30', '2025-12-31')).toEqual({ units: ['C'], comparable: false, reason: 'split' });
  });
});

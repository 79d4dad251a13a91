/**
 * What each provincial figure means, checked by hand on a small province across the 2025 reform: the
 * catalogue counted once, balances at the period's end, flows with every month of every unit once,
 * ended units never silently absent, units of another province never counted before they joined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoRecord } from '../demo/registry';
import { parsePeriod } from '../periods';
import type { Unit } from '../registry/units';
import { getTemplate, templateFor, type IndicatorTemplate } from '../templates';
import { validate } from '../validation';
import { versionOf } from '../templates';
import { auditProvinceTotal } from './audit';
import { consolidate, type ShorterFiling, type SubmittedReport } from './consolidate';

const unit = (code: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => demoRecord({ code, name: `Đơn vị ${code}`, kind }, extra);

const REFORM_END = '2025-06-30';
const REGISTRY: Unit[] = [
  unit('VP', 'department', { catalogue: true }),
  unit('TT', 'department', { coordinator: true, validTo: '2025-02-28', successors: ['KH'], change: 'merge' }),
  unit('KH', 'department'),
  unit('D1', 'district', { validTo: REFORM_END }),
  unit('D1-A', 'commune', { parent: 'D1', validTo: REFORM_END, successors: ['XA'], change: 'merge' }),
  unit('D2', 'district', { validTo: REFORM_END }),
  unit('D3', 'district', { validTo: REFORM_END }),
  unit('XA', 'commune', { validFrom: '2025-07-01' }),
  // A commune of the province that merged into this one on 1 July 2025.
  unit('PY-OLD', 'commune', { province: 'Phú Yên', validTo: REFORM_END, successors: ['XB'], change: 'merge' }),
  unit('XB', 'commune', { validFrom: '2025-07-01' }),
];

const at = '2025-06-20T03:00:00Z';
function filed(code: string, values: Record<string, number>, extra: Partial<SubmittedReport> = {}): SubmittedReport {
  return { unit: code, submissionId: `sub_${code}`, revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values, warnings: [], ...extra };
}
const shorter = (code: string, period: string, values: Record<string, number>): ShorterFiling => ({ unit: code, period, submissionId: `sub_${code}_${period}`, revision: 1, values });

// The half-year keeps the version of the province with districts; the year is judged by its last day.
const BM03 = templateFor('BM03', '2025-H1') as IndicatorTemplate;
const BM03_YEAR = templateFor('BM03', '2025') as IndicatorTemplate;
const BM04 = getTemplate('BM04') as IndicatorTemplate;
const BM05 = getTemplate('BM05') as IndicatorTemplate;
const BM06 = getTemplate('BM06') as IndicatorTemplate;
const BM07 = getTemplate('BM07') as IndicatorTemplate;
const H1 = parsePeriod('2025-H1')!;
const YEAR = parsePeriod('2025')!;

describe('the catalogue of procedures is the province’s, counted once', () => {
  it('takes TT01 from the body that keeps the catalogue, never the sum over units (1.683, not 1.683 + 191 + 400 + 150)', () => {
    const c = consolidate(BM03, H1, REGISTRY, [
      filed('VP', { 'TT01.KQ': 1683, 'TT02.KQ': 676, 'TT03.KQ': 753, 'TT04.KQ': 254, 'HS01.KQ': 100_000 }),
      filed('D1', { 'TT01.KQ': 191, 'HS01.KQ': 50_000 }),
      filed('KH', { 'TT01.KQ': 400, 'HS01.KQ': 189_000 }),
      filed('TT', { 'TT01.KQ': 150, 'HS01.KQ': 3_000 }),
    ]);
    expect(c.total.values['TT01.KQ']).toBe(1683);
    expect(c.total.values['TT02.KQ']).toBe(676);
    // 676 / 1.683, from the catalogue's own figures.
    expect(c.total.values['TL01.KQ']).toBeCloseTo(40.1663695782, 8);
    // The 2025-H1 version counts the catalogue as a total only: no level rows (catalogue-levels.test.ts has them).
    expect(c.catalogue).toEqual({ keeper: { code: 'VP', name: 'Đơn vị VP' }, filed: true, levels: [] });
  });

  it('leaves the catalogue blank, and says so, when its keeper has not filed', () => {
    const c = consolidate(BM03, H1, REGISTRY, [filed('D1', { 'TT01.KQ': 191, 'HS01.KQ': 50_000 })]);
    expect(c.total.values['TT01.KQ']).toBeNull();
    expect(c.total.values['HS01.KQ']).toBe(50_000);
    expect(c.catalogue).toEqual({ keeper: { code: 'VP', name: 'Đơn vị VP' }, filed: false, levels: [] });
  });
});

describe('a department merged on 1 March 2025 and its successor, in 2025-H1', () => {
  it('counts the predecessor’s months once: in the successor’s filing when it says it includes them, and says so at the cells', () => {
    const c = consolidate(BM03, H1, REGISTRY, [
      filed('VP', { 'TT01.KQ': 1683, 'HS01.KQ': 100_000 }),
      filed('TT', { 'HS01.KQ': 3_000, 'HS03.KQ': 2_900 }),
      filed('KH', { 'HS01.KQ': 189_000, 'HS03.KQ': 180_000 }, { coversPredecessors: true }),
    ]);
    expect(c.total.values['HS01.KQ']).toBe(289_000);
    expect(c.overlaps).toEqual([{ unit: 'TT', successor: 'KH', cells: ['HS01.KQ', 'HS03.KQ'] }]);
    expect(c.units.find((u) => u.code === 'TT')).toMatchObject({ source: { kind: 'successor', successor: 'KH' }, values: {} });
  });

  it('adds the predecessor’s part when the successor’s filing is its own only (192.000 = 189.000 + 3.000 is right then)', () => {
    const c = consolidate(BM03, H1, REGISTRY, [filed('TT', { 'HS01.KQ': 3_000 }), filed('KH', { 'HS01.KQ': 189_000 })]);
    expect(c.total.values['HS01.KQ']).toBe(192_000);
    expect(c.overlaps).toEqual([]);
  });

  it('takes balances from the units in force at the period’s end: IT staff 25 + 4, never the merged department’s 10 at its own end', () => {
    const c = consolidate(BM05, H1, REGISTRY, [
      filed('TT', { 'AT08.KQ': 10, 'AT06.KQ': 2 }),
      filed('KH', { 'AT08.KQ': 25, 'AT06.KQ': 3 }),
      filed('D1', { 'AT08.KQ': 4, 'AT06.KQ': 1 }),
    ]);
    expect(c.total.values['AT08.KQ']).toBe(29);
    // Incidents are a flow: each unit's months, the merged department's two among them.
    expect(c.total.values['AT06.KQ']).toBe(6);
  });
});

describe('the 2025 annual, across the reform', () => {
  const annual = consolidate(
    BM04,
    YEAR,
    REGISTRY,
    [filed('VP', { 'VB01.KQ': 10_000, 'VB02.KQ': 9_000, 'VB03.KQ': 1_000 }), filed('XA', { 'VB01.KQ': 2_000, 'VB02.KQ': 1_900, 'VB03.KQ': 100 }), filed('XB', { 'VB01.KQ': 700, 'VB02.KQ': 700, 'VB03.KQ': 0 })],
    [
      shorter('D1', '2025-H1', { 'VB01.KQ': 1_000, 'VB02.KQ': 900, 'VB03.KQ': 100 }),
      shorter('D1', '2025-Q1', { 'VB01.KQ': 480, 'VB02.KQ': 430, 'VB03.KQ': 50 }),
      shorter('D1-A', '2025-H1', { 'VB01.KQ': 200, 'VB02.KQ': 200, 'VB03.KQ': 0 }),
      shorter('D2', '2025-Q1', { 'VB01.KQ': 300, 'VB02.KQ': 290, 'VB03.KQ': 10 }),
      shorter('D2', '2025-Q2', { 'VB01.KQ': 500, 'VB02.KQ': 480, 'VB03.KQ': 20 }),
      // A unit of the other province filed here by mistake: never counted.
      shorter('PY-OLD', '2025-H1', { 'VB01.KQ': 9_999, 'VB02.KQ': 9_999, 'VB03.KQ': 0 }),
    ],
  );

  it('covers an abolished district’s January–June by its 2025-H1 (or by Q1 + Q2), and counts each once', () => {
    // 10.000 + 2.000 + 700 + 1.000 (D1’s half-year) + 800 (D2’s two quarters); D1-A is inside D1’s figure.
    expect(annual.total.values['VB01.KQ']).toBe(14_500);
    expect(annual.units.find((u) => u.code === 'D1')).toMatchObject({ source: { kind: 'shorter_periods', periods: ['2025-H1'] }, partOfPeriod: { from: '2025-01-01', to: REFORM_END }, expected: false });
    expect(annual.units.find((u) => u.code === 'D2')).toMatchObject({ source: { kind: 'shorter_periods', periods: ['2025-Q1', '2025-Q2'] }, values: { 'VB01.KQ': 800 } });
  });

  it('lists a district nothing covers as missing its part, never silently absent', () => {
    expect(annual.units.find((u) => u.code === 'D3')).toMatchObject({ source: { kind: 'missing' }, submission: null });
    // The department merged on 1 March filed nothing of its January–February: missing too.
    expect(annual.completeness.missingParts).toEqual([
      { unit: 'TT', from: '2025-01-01', to: '2025-02-28' },
      { unit: 'D3', from: '2025-01-01', to: REFORM_END },
    ]);
    expect(annual.completeness.coveredParts.map((p) => p.unit)).toEqual(['D1', 'D1-A', 'D2']);
    // Expected (and so missing) are the units in force at the year's end; the ended ones are their own list.
    expect(annual.completeness.missing).toEqual(['KH']);
    expect(annual.completeness.expected).toBe(4);
  });

  it('shows no unit of the other province, nor counts its filing', () => {
    expect(annual.units.map((u) => u.code)).not.toContain('PY-OLD');
  });

  it('adds balances only of the units in force on 31 December: the districts’ June figures are not the province’s December', () => {
    const c = consolidate(BM06, YEAR, REGISTRY, [filed('XA', { 'XH06.KQ': 2_500, 'NL01.KQ': 2 }), filed('XB', { 'XH06.KQ': 1_000, 'NL01.KQ': 1 })], [
      shorter('D1', '2025-H1', { 'XH06.KQ': 5_000, 'NL01.KQ': 4 }),
    ]);
    expect(c.total.values['XH06.KQ']).toBe(3_500);
    // Classes are a flow: the district’s half-year counts.
    expect(c.total.values['NL01.KQ']).toBe(7);
    expect(c.units.find((u) => u.code === 'D1')!.values).toEqual({ 'NL01.KQ': 4 });
  });

  it('a template filed only for the year leaves an abolished district’s part missing: no shorter filing exists', () => {
    const c = consolidate(BM07, YEAR, REGISTRY, [filed('VP', { 'KP09.KQ': 10 })]);
    expect(c.completeness.missingParts.map((p) => p.unit)).toEqual(['TT', 'D1', 'D2', 'D3']);
  });

  it('the auditor recomputes the same total from the sheet’s rows', () => {
    const rows = annual.units.map((u) => ({ code: u.code, values: { ...u.values } }));
    expect(auditProvinceTotal(BM04, YEAR, { code: 'TỈNH', values: { ...annual.total.values } }, rows, REGISTRY, 'vi')).toEqual([]);
  });
});

describe('a total filed without its optional breakdown', () => {
  it('leaves the province’s breakdown blank and names who gave the total alone, so the provincial row passes its own rule', () => {
    const c = consolidate(BM03, H1, REGISTRY, [
      filed('VP', { 'TT01.KQ': 1683, 'TT02.KQ': 676, 'TT03.KQ': 753, 'TT04.KQ': 254, 'HS01.KQ': 100_000, 'HS05.KQ': 5_000, 'HS05A.KQ': 1_000, 'HS05B.KQ': 2_000, 'HS05C.KQ': 2_000 }),
      filed('D1', { 'HS01.KQ': 50_000, 'HS05.KQ': 1_200 }),
    ]);
    expect(c.total.values['HS05.KQ']).toBe(6_200);
    expect([c.total.values['HS05A.KQ'], c.total.values['HS05B.KQ'], c.total.values['HS05C.KQ']]).toEqual([null, null, null]);
    expect(c.breakdowns).toEqual([{ total: 'HS05.KQ', parts: ['HS05A.KQ', 'HS05B.KQ', 'HS05C.KQ'], units: ['D1'] }]);
    const values = Object.fromEntries(Object.entries(c.total.values).filter(([, v]) => v !== null)) as Record<string, number>;
    const report = validate(BM03, { template: 'BM03', version: versionOf('BM03', '2025-H1'), period: '2025-H1', values });
    expect(report.errors).toEqual([]);
  });
});

describe('properties', () => {
  const months = (from: number, to: number) => to - from + 1;
  const lastDay = (m: number) => new Date(Date.UTC(2025, m, 0)).toISOString().slice(0, 10);

  it('no month of any unit is counted twice, and none that a filing covers is lost', () => {
    // Departments in force all year; others merge into them at the end of a month, each filing its months as its figure.
    const scenario = fc.record({
      keep: fc.integer({ min: 1, max: 3 }),
      ended: fc.array(fc.record({ endMonth: fc.integer({ min: 1, max: 11 }), into: fc.nat(), own: fc.boolean(), shorter: fc.subarray(['2025-H1', '2025-H2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']) }), { maxLength: 5 }),
      covers: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(scenario, ({ keep, ended, covers }) => {
        const kept = Array.from({ length: keep }, (_, i) => unit(`K${i}`, 'department'));
        const gone = ended.map((e, i) => ({ ...e, into: `K${e.into % keep}`, record: unit(`G${i}`, 'department', { validTo: lastDay(e.endMonth), successors: [`K${e.into % keep}`], change: 'merge' }) }));
        const registry = [...kept, ...gone.map((g) => g.record)];
        const includes = (k: string) => covers[Number(k.slice(1))]! && gone.some((g) => g.into === k);
        const reports = kept.map((k) => filed(k.code, { 'HS01.KQ': 12 + (includes(k.code) ? gone.filter((g) => g.into === k.code).reduce((n, g) => n + g.endMonth, 0) : 0) }, { coversPredecessors: includes(k.code) }));
        const parts: ShorterFiling[] = [];
        for (const g of gone) {
          if (g.own) reports.push(filed(g.record.code, { 'HS01.KQ': g.endMonth }));
          for (const code of g.shorter) {
            const p = parsePeriod(code)!;
            const first = Number(p.start.slice(5, 7));
            const last = Math.min(Number(p.end.slice(5, 7)), g.endMonth);
            if (last >= first) parts.push(shorter(g.record.code, code, { 'HS01.KQ': months(first, last) }));
          }
        }
        const c = consolidate(BM03_YEAR, YEAR, registry, reports, parts);
        // The months the filings cover, each unit's counted once.
        let expected = 12 * keep;
        for (const g of gone) {
          const covered = includes(g.into) || g.own || c.units.find((u) => u.code === g.record.code)?.source?.kind === 'shorter_periods';
          if (covered) expected += g.endMonth;
          else expect(c.completeness.missingParts.map((m) => m.unit)).toContain(g.record.code);
        }
        expect(c.total.values['HS01.KQ']).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a unit that joins later never changes an earlier period', () => {
    const joiner = fc.record({
      code: fc.constantFrom('NEW1', 'NEW2'),
      kind: fc.constantFrom<Unit['kind']>('department', 'commune'),
      // Joins after the half-year; before, it belonged to another province (or did not exist).
      before: fc.constantFrom<'absent' | 'other-province'>('absent', 'other-province'),
      value: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(joiner, ({ code, kind, before, value }) => {
        const base = [filed('VP', { 'TT01.KQ': 1683, 'HS01.KQ': 100_000 }), filed('D1', { 'HS01.KQ': 50_000 })];
        const was = consolidate(BM03, H1, REGISTRY, base);
        const added = [unit(code, kind, { validFrom: '2025-07-01' }), ...(before === 'other-province' ? [unit(code, kind, { province: 'Phú Yên', validTo: REFORM_END })] : [])];
        const filings = before === 'other-province' ? [...base, filed(code, { 'HS01.KQ': value })] : base;
        expect(consolidate(BM03, H1, [...REGISTRY, ...added], filings)).toEqual(was);
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * The province's catalogue by level from 1 July 2025 (BM03 2025.1: TT01A tỉnh, TT01C xã), checked by
 * hand: taken once from the body that keeps it, never summed over the communes that file BM03 too, and
 * blank where that body gave no level. Periods before the reform keep the total alone (2024.1).
 */
import { describe, expect, it } from 'vitest';
import { demoRecord } from '../demo/registry';
import { parsePeriod } from '../periods';
import type { Unit } from '../registry/units';
import { templateFor, versionOf, type IndicatorTemplate } from '../templates';
import { validate } from '../validation';
import { auditProvinceTotal } from './audit';
import { consolidate, type SubmittedReport } from './consolidate';

const unit = (code: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => demoRecord({ code, name: `Đơn vị ${code}`, kind }, extra);
const REGISTRY: Unit[] = [
  unit('VP', 'department', { catalogue: true }),
  unit('KH', 'department', { coordinator: true }),
  unit('D1', 'district', { validTo: '2025-06-30' }),
  unit('XA', 'commune', { validFrom: '2025-07-01' }),
  unit('XB', 'commune', { validFrom: '2025-07-01' }),
];
const at = '2025-12-20T03:00:00Z';
const filed = (code: string, values: Record<string, number>): SubmittedReport => ({
  unit: code,
  submissionId: `sub_${code}`,
  revision: 1,
  receivedAt: at,
  firstReceivedAt: at,
  status: 'received',
  values,
  warnings: [],
});

const H2 = parsePeriod('2025-H2')!;
const BM03_H2 = templateFor('BM03', H2) as IndicatorTemplate;
// The keeper's catalogue: 1.540 procedures, 1.370 of the province and 170 of the communes.
const KEEPER = { 'TT01.KQ': 1540, 'TT01A.KQ': 1370, 'TT01C.KQ': 170, 'TT02.KQ': 700, 'TT03.KQ': 600, 'TT04.KQ': 240, 'HS01.KQ': 90_000 };

/** The provincial row as a sheet holds it: blank cells absent. */
const filledCells = (values: Record<string, number | string | null>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Record<string, number>;

describe('the catalogue by level, from 1 July 2025', () => {
  it('takes every level from the keeper once: 1.370 tỉnh + 170 xã = 1.540, whatever the communes filed', () => {
    const c = consolidate(BM03_H2, H2, REGISTRY, [
      filed('VP', KEEPER),
      // Communes file the records they handled; a commune that also typed its own list is not added.
      filed('XA', { 'TT01.KQ': 103, 'TT01C.KQ': 103, 'HS01.KQ': 4_000, 'HS05.KQ': 900, 'HS05A.KQ': 100, 'HS05C.KQ': 800 }),
      filed('XB', { 'TT01C.KQ': 95, 'HS01.KQ': 3_000 }),
    ]);
    expect([c.total.values['TT01.KQ'], c.total.values['TT01A.KQ'], c.total.values['TT01C.KQ']]).toEqual([1540, 1370, 170]);
    expect(c.total.values['HS01.KQ']).toBe(97_000);
    expect(c.catalogue).toEqual({
      keeper: { code: 'VP', name: 'Đơn vị VP' },
      filed: true,
      levels: [
        { level: 'province', row: 'TT01A', value: 1370 },
        { level: 'commune', row: 'TT01C', value: 170 },
      ],
    });
    expect(c.template.version).toBe(versionOf('BM03', '2025-H2'));
    // The untouched provincial row passes the version's own rules and the auditor's recomputation.
    const values = filledCells(c.total.values);
    expect(validate(BM03_H2, { template: 'BM03', version: BM03_H2.version, period: H2.code, values }).errors).toEqual([]);
    const rows = c.units.map((u) => ({ code: u.code, values: { ...u.values } }));
    expect(auditProvinceTotal(BM03_H2, H2, { code: 'TỈNH', values: { ...c.total.values } }, rows, REGISTRY, 'vi')).toEqual([]);
  });

  it('leaves every level blank, and says the keeper has not filed, when it has not', () => {
    const c = consolidate(BM03_H2, H2, REGISTRY, [filed('XA', { 'TT01C.KQ': 103, 'HS01.KQ': 4_000 })]);
    expect(c.catalogue).toEqual({
      keeper: { code: 'VP', name: 'Đơn vị VP' },
      filed: false,
      levels: [
        { level: 'province', row: 'TT01A', value: null },
        { level: 'commune', row: 'TT01C', value: null },
      ],
    });
    expect(c.total.values['TT01C.KQ']).toBeNull();
  });

  it('a keeper that gave the total without its levels: the levels stay blank, named as a breakdown, and the row still passes', () => {
    const { 'TT01A.KQ': _a, 'TT01C.KQ': _c, ...totalOnly } = KEEPER;
    const c = consolidate(BM03_H2, H2, REGISTRY, [filed('VP', totalOnly)]);
    expect(c.total.values['TT01.KQ']).toBe(1540);
    expect(c.catalogue!.levels.map((l) => l.value)).toEqual([null, null]);
    expect(c.breakdowns).toContainEqual({ total: 'TT01.KQ', parts: ['TT01A.KQ', 'TT01C.KQ'], units: ['VP'] });
    expect(validate(BM03_H2, { template: 'BM03', version: BM03_H2.version, period: H2.code, values: filledCells(c.total.values) }).errors).toEqual([]);
  });

  it('sums digitised records by the two levels left: HS05 = HS05A + HS05C, no district part', () => {
    const c = consolidate(BM03_H2, H2, REGISTRY, [
      filed('VP', { ...KEEPER, 'HS05.KQ': 5_000, 'HS05A.KQ': 5_000, 'HS05C.KQ': 0 }),
      filed('XA', { 'HS01.KQ': 4_000, 'HS05.KQ': 900, 'HS05A.KQ': 100, 'HS05C.KQ': 800 }),
    ]);
    expect([c.total.values['HS05.KQ'], c.total.values['HS05A.KQ'], c.total.values['HS05C.KQ']]).toEqual([5_900, 5_100, 800]);
    expect(c.total.values).not.toHaveProperty('HS05B.KQ');
  });
});

describe('before the reform: the catalogue as a total, as it was filed and published', () => {
  it('2025-H1 keeps the version without level rows; its consolidation says no level', () => {
    const H1 = parsePeriod('2025-H1')!;
    const bm03 = templateFor('BM03', H1) as IndicatorTemplate;
    expect(bm03.rows.some((r) => r.catalogueLevel)).toBe(false);
    const c = consolidate(bm03, H1, REGISTRY, [filed('VP', { 'TT01.KQ': 1683, 'HS01.KQ': 1 }), filed('D1', { 'TT01.KQ': 191, 'HS01.KQ': 2 })]);
    expect(c.total.values['TT01.KQ']).toBe(1683);
    expect(c.catalogue).toEqual({ keeper: { code: 'VP', name: 'Đơn vị VP' }, filed: true, levels: [] });
  });
});

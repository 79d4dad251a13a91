import { describe, expect, it } from 'vitest';
import { registryProblems } from '../registry/history';
import { catalogueKeeperOn, coordinatorOn } from '../registry/coordinator';
import { isMember, validOn } from '../registry/units';
import { comparisonBasis } from '../registry/lineage';
import { DEMO_REGISTRY } from './registry';

describe('the demo registry', () => {
  it('is a valid history: no overlaps, one coordinator at a time, parents outliving children, successors in place', () => {
    expect(registryProblems(DEMO_REGISTRY)).toEqual([]);
  });

  it('has districts before 1 July 2025 and communes straight under the province after', () => {
    const on = (day: string) => DEMO_REGISTRY.filter((u) => isMember(u) && validOn(u, day));
    expect(on('2025-06-30').filter((u) => u.kind === 'district')).toHaveLength(15);
    expect(on('2025-07-01').filter((u) => u.kind === 'district')).toEqual([]);
    expect(on('2025-07-01').filter((u) => u.kind === 'commune').every((u) => u.parent === null)).toBe(true);
  });

  it('is coordinated by the Department of Information and Communications, then by Science and Technology from 1 March 2025', () => {
    expect(coordinatorOn(DEMO_REGISTRY, '2025-02-28')?.code).toBe('STTTT');
    expect(coordinatorOn(DEMO_REGISTRY, '2025-03-01')).toEqual({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' });
  });

  it('has the office of the People’s Committee keep the catalogue of procedures throughout, and a contact for every unit of the province', () => {
    for (const day of ['2020-01-01', '2024-06-30', '2025-03-01', '2026-12-04']) expect(catalogueKeeperOn(DEMO_REGISTRY, day)?.code).toBe('VPUBND');
    expect(DEMO_REGISTRY.filter(isMember).every((u) => u.contact && u.contact.length <= 200)).toBe(true);
  });

  it('carries Phú Yên’s units until 30 June 2025 as another province’s, each succeeded by a unit here', () => {
    const joined = DEMO_REGISTRY.filter((u) => !isMember(u));
    expect(joined.length).toBeGreaterThanOrEqual(12);
    expect(joined.every((u) => u.province === 'Phú Yên' && u.validTo === '2025-06-30')).toBe(true);
    expect(joined.filter((u) => u.kind !== 'district').every((u) => u.successors.length === 1 && u.change === 'merge')).toBe(true);
    // Its lineage is kept; the first half-year after the reform is a declared break, so no jump check.
    expect(comparisonBasis('SONGCAU', DEMO_REGISTRY, '2025-01-01', '2025-06-30', '2025-12-31')).toEqual({ units: ['PY-SONGCAU-XUANPHU', 'PY-SONGCAU-XUANYEN', 'PY-SONGCAU-XUANTHANH'], comparable: false, reason: 'structural_break' });
    expect(coordinatorOn(DEMO_REGISTRY, '2024-06-30')?.code).toBe('STTTT');
  });

  it('compares Sở Tài chính’s 2025-H1 with itself and the department it absorbed in March, not with Phú Yên’s, which joined after', () => {
    const basis = comparisonBasis('STC', DEMO_REGISTRY, '2024-07-01', '2024-12-31', '2025-06-30');
    expect(basis.comparable).toBe(true);
    expect(basis.units).toContain('SKHDT');
    expect(basis.units).not.toContain('PY-STC');
  });
});

import { describe, expect, it } from 'vitest';
import { demoProvinceConsolidations } from '../demo/province';
import { demoRecord, syntheticProvince } from '../demo/registry';
import { parsePeriod } from '../periods';
import { templateFor, type IndicatorTemplate } from '../templates';
import { auditProvinceTotal, type SheetRow } from './audit';

// The version of the audited period (2024.1), as its sheet was written.
const template = templateFor('BM03', '2024') as IndicatorTemplate;
const [bm03] = demoProvinceConsolidations('2024', [template], 80);
const registry = syntheticProvince(80).map((u) => demoRecord(u));
const year = parsePeriod('2024')!;
const rows: SheetRow[] = bm03!.units.filter((u) => u.submission).map((u) => ({ code: u.code, values: { ...u.values } }));
const total: SheetRow = { code: 'TỈNH', values: { ...bm03!.total.values }, locate: (ref) => `'TH_BM03'!${ref}` };

describe('the auditor recomputing a consolidated sheet’s provincial total', () => {
  it('finds nothing on the sheet as the consolidation wrote it', () => {
    expect(auditProvinceTotal(template, year, total, rows, registry, 'vi')).toEqual([]);
  });

  it('flags the total of a cell whose unit row was changed by one, at the total’s cell, with the recomputed value', () => {
    const changed = rows.map((r) => (r.code === 'SYT' ? { ...r, values: { ...r.values, 'HS01.KQ': (r.values['HS01.KQ'] as number) + 1 } } : r));
    const issues = auditProvinceTotal(template, year, total, changed, registry, 'vi');
    expect(issues[0]).toMatchObject({ code: 'total_mismatch', cells: ['HS01.KQ'], addresses: ["'TH_BM03'!HS01.KQ"] });
    // The shares built on HS01 no longer match either.
    expect(issues.slice(1).every((i) => i.code === 'total_mismatch' && template.rows.find((r) => `${r.code}.KQ` === i.cells[0])?.share?.denominator === 'HS01.KQ')).toBe(true);
    expect(issues[0]!.expected).toBe((total.values['HS01.KQ'] as number) + 1);
    expect(issues[0]!.message).toContain('tính lại từ các đơn vị');
  });

  it('takes the catalogue from the body that keeps it: another unit’s catalogue figure changes nothing, the keeper’s does', () => {
    const bump = (code: string) => rows.map((r) => (r.code === code ? { ...r, values: { ...r.values, 'TT01.KQ': (r.values['TT01.KQ'] as number) + 1 } } : r));
    expect(auditProvinceTotal(template, year, total, bump('SYT'), registry, 'vi')).toEqual([]);
    expect(auditProvinceTotal(template, year, total, bump('VPUBND'), registry, 'vi')[0]).toMatchObject({ cells: ['TT01.KQ'], expected: (total.values['TT01.KQ'] as number) + 1 });
  });

  it('recomputes shares from the summed parts, not by averaging', () => {
    const typed = { ...total, values: { ...total.values, 'TL09.KQ': 50 } };
    const issues = auditProvinceTotal(template, year, typed, rows, registry, 'en');
    expect(issues.map((i) => i.cells[0])).toEqual(['TL09.KQ']);
    expect(issues[0]!.message).toContain('recomputed from the units on the sheet');
  });
});

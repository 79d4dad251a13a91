import { describe, expect, it } from 'vitest';
import { TEMPLATES, filesTemplate } from '../templates';
import { validateSubmission } from '../validation';
import { demoSubmission } from './generate';
import { syntheticProvince } from './registry';

describe('demo submissions', () => {
  it('are valid and submittable for every template and every kind of unit that files it', () => {
    const province = syntheticProvince(60);
    for (const template of TEMPLATES) {
      const periods = template.periodKinds.includes('H') ? ['2024-H1', '2024'] : ['2024'];
      for (const period of periods) {
        for (const unit of province.filter((u) => filesTemplate(template, { kind: u.kind, coordinator: true }, '2024-12-31'))) {
          const report = validateSubmission(demoSubmission(template.id, unit, period), { unitKind: unit.kind });
          expect(report.errors, `${template.id} ${unit.code} ${period}`).toEqual([]);
          expect(report.submittable, `${template.id} ${unit.code} ${period}`).toBe(true);
        }
      }
    }
  });

  it('follow the version of their period: the keeper gives the catalogue by level from 2025-H2, nobody a district part', () => {
    const keeper = { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', kind: 'department' as const, catalogue: true };
    const commune = { code: 'XA', name: 'UBND xã A', kind: 'commune' as const };
    const after = demoSubmission('BM03', keeper, '2025-H2').values!;
    expect(after['TT01A.KQ']).toBeGreaterThan(after['TT01C.KQ'] as number);
    expect((after['TT01A.KQ'] as number) + (after['TT01C.KQ'] as number)).toBe(after['TT01.KQ']);
    expect(validateSubmission(demoSubmission('BM03', keeper, '2025-H2'), { unitKind: 'department' }).errors).toEqual([]);
    const communes = demoSubmission('BM03', commune, '2026-Q1').values!;
    expect(communes).not.toHaveProperty('HS05B.KQ');
    expect(communes).not.toHaveProperty('TT01C.KQ');
    expect(communes['HS05.KQ']).toBe((communes['HS05A.KQ'] as number) + (communes['HS05C.KQ'] as number));
    // Before the reform: the total alone, and the district part as the version has it.
    const before = demoSubmission('BM03', keeper, '2024-H1').values!;
    expect(before).not.toHaveProperty('TT01A.KQ');
    expect(before).toHaveProperty('HS05B.KQ');
  });

  it('are the same for the same unit, template and period', () => {
    const [unit] = syntheticProvince(1);
    expect(demoSubmission('BM03', unit!, '2024-H1')).toEqual(demoSubmission('BM03', unit!, '2024-H1'));
    expect(demoSubmission('BM03', unit!, '2024-H1')).not.toEqual(demoSubmission('BM03', unit!, '2024-H2'));
  });

  it('a synthetic province has 220 units under 15 districts', () => {
    const province = syntheticProvince();
    expect(province).toHaveLength(220);
    expect(new Set(province.map((u) => u.code)).size).toBe(220);
    expect(province.filter((u) => u.kind === 'district')).toHaveLength(15);
  });
});

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

import { describe, expect, it } from 'vitest';
import { demoProvinceConsolidations } from '../../../../shared/demo/province';
import { parsePeriod } from '../../../../shared/periods';
import { getTemplate } from '../../../../shared/templates';
import type { Ctx } from '../context';
import { STRINGS } from '../i18n';
import { chaseMessage, chaseUnits, isOverdue } from './chase';

const period = parsePeriod('2024-H1')!;
/** The demo province's filings, with a third of the units not having filed BM03 nor BM04, and some BM04 returned. */
const consolidations = demoProvinceConsolidations('2024-H1', ['BM03', 'BM04'].map((id) => getTemplate(id)!), 60).map((c) => ({
  ...c,
  units: c.units.map((u, i) => {
    const { submission, ...rest } = u;
    if (i % 3 === 0) return rest as typeof u;
    if (c.template.id === 'BM04' && i % 5 === 1 && submission) return { ...u, submission: { ...submission, status: 'returned' as const } };
    return u;
  }),
}));

describe('whom DIC chases', () => {
  it('one entry per unit, with every template it has not filed', () => {
    const units = chaseUnits(consolidations, period, '2024-07-10');
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    const missingLines = consolidations.reduce((n, c) => n + c.units.filter((u) => u.expected && !u.submission).length, 0);
    expect(units.reduce((n, u) => n + u.missing.length, 0)).toBe(missingLines);
    // Missing reports first, the longest overdue on top.
    const firstWithout = units.findIndex((u) => u.missing.length === 0);
    if (firstWithout >= 0) expect(units.slice(firstWithout).every((u) => u.missing.length === 0)).toBe(true);
  });

  it('is red only once the deadline has passed', () => {
    const before = chaseUnits(consolidations, period, '2024-06-10');
    const after = chaseUnits(consolidations, period, '2024-07-10');
    const missingOnly = (units: typeof before) => units.filter((u) => u.missing.length && !u.returned.length);
    expect(missingOnly(before).length).toBeGreaterThan(0);
    expect(missingOnly(before).some(isOverdue)).toBe(false);
    expect(missingOnly(after).every(isOverdue)).toBe(true);
    // Filed late only: never red. Returned: red, the report is to be filed again.
    expect(after.filter((u) => !u.missing.length && !u.returned.length && u.late.length).some(isOverdue)).toBe(false);
    expect(after.filter((u) => u.returned.length).every(isOverdue)).toBe(true);
  });

  it('writes a message to copy in Vietnamese, with the templates and the deadline, in either language of the pane', () => {
    const unit = chaseUnits(consolidations, period, '2024-07-10').find((u) => u.missing.length > 1)!;
    for (const lang of ['vi', 'en'] as const) {
      const text = chaseMessage(unit, period, 'Sở Thông tin và Truyền thông', { t: STRINGS[lang] } as Ctx);
      expect(text).toContain(`Kính gửi ${unit.name}`);
      for (const id of unit.missing) expect(text).toContain(id);
      expect(text).toContain('6 tháng đầu năm 2024');
      expect(text).toContain('24/06/2024');
    }
  });
});

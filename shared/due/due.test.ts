import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates';
import { dueFor, dueKey, type FiledSummary } from './index';

const commune = { kind: 'commune' as const, coordinator: false, validFrom: '2025-07-01', validTo: null };
const district = { kind: 'district' as const, coordinator: false, validFrom: '2000-01-01', validTo: '2025-06-30' };
const filing = (template: string, period: string, status: FiledSummary['status'], revision = 1, comment: string | null = null): FiledSummary => ({
  id: `sub_${template}_${period}`,
  template,
  period,
  revision,
  status,
  review: comment ? { comment } : null,
});

describe('what a unit has to file', () => {
  it('lists every template and period of the last year with its deadline, returned reports first with the comment', () => {
    const items = dueFor(commune, TEMPLATES, [filing('BM03', '2026-Q3', 'returned', 2, 'HS04 chưa khớp'), filing('BM04', '2026-Q3', 'accepted')], { today: '2026-12-04' });
    expect(items[0]).toMatchObject({ template: 'BM03', state: 'returned', comment: 'HS04 chưa khớp', overdue: true, deadline: '2026-09-24' });
    expect(items.find((i) => i.template === 'BM04' && i.period.code === '2026-Q3')).toMatchObject({ state: 'accepted', overdue: false });
    // The quarter under way is due, not overdue; the year's deadline, 19 December, is a Saturday: Monday 21.
    expect(items.find((i) => i.template === 'BM03' && i.period.code === '2026-Q4')).toMatchObject({ state: 'not_started', overdue: false, deadline: '2026-12-21' });
    expect(items.find((i) => i.template === 'BM01' && i.period.code === '2026')).toMatchObject({ deadline: '2026-12-21' });
    // A commune files BM01 from the reform on, and never BM08 (the coordinating department's).
    expect(items.some((i) => i.template === 'BM08')).toBe(false);
    // Nothing before the commune began (1 July 2025), nothing of a period not yet begun.
    expect(items.every((i) => i.period.end >= '2025-07-01' && i.period.start <= '2026-12-04')).toBe(true);
  });

  it('puts what is still to file before what is filed, the oldest deadline first', () => {
    const items = dueFor(commune, TEMPLATES, [], { today: '2026-12-04' });
    const states = items.map((i) => i.state);
    expect(new Set(states)).toEqual(new Set(['not_started']));
    const deadlines = items.map((i) => i.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(items[0]!.overdue).toBe(true);
  });

  it('marks a sheet checked on this computer and not filed yet', () => {
    const items = dueFor(commune, TEMPLATES, [], { today: '2026-12-04', checked: new Set([dueKey('BM06', '2026-Q4')]) });
    expect(items.find((i) => i.template === 'BM06' && i.period.code === '2026-Q4')?.state).toBe('checked');
  });

  it('a district that ended on 30 June 2025 files the periods up to its end with the templates it filed then', () => {
    const items = dueFor(district, TEMPLATES, [filing('BM03', '2025-Q2', 'received')], { today: '2026-12-04' });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.period.start <= '2025-06-30')).toBe(true);
    // BM01 (half-year and year) and BM02 are district templates by the rules of 30 June 2025.
    expect(items.some((i) => i.template === 'BM01' && i.period.code === '2025-H1')).toBe(true);
    expect(items.some((i) => i.template === 'BM01' && i.period.code === '2025')).toBe(true);
    expect(items.find((i) => i.template === 'BM03' && i.period.code === '2025-Q2')?.state).toBe('filed');
  });

  it('takes the latest revision of each filing', () => {
    const items = dueFor(commune, TEMPLATES, [filing('BM03', '2026-Q3', 'returned', 1, 'sai'), filing('BM03', '2026-Q3', 'received', 2)], { today: '2026-12-04' });
    expect(items.find((i) => i.template === 'BM03' && i.period.code === '2026-Q3')).toMatchObject({ state: 'filed', comment: null, overdue: false });
  });
});

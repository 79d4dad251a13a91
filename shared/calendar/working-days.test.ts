import { describe, expect, it } from 'vitest';
import { daysLate, parsePeriod } from '../periods';
import { PUBLIC_HOLIDAYS } from './holidays';
import { dayOffReason, isWorkingDay, workingDayFrom } from './working-days';
import { isCalendarDate } from '../dates/calendar-date';

describe('working days', () => {
  it('skips weekends, Tết and holidays with their compensatory days, and counts worked Saturdays', () => {
    expect(workingDayFrom('2026-12-19')).toBe('2026-12-21');
    expect(workingDayFrom('2025-01-25')).toBe('2025-02-03');
    expect(workingDayFrom('2026-04-26')).toBe('2026-04-28');
    expect(workingDayFrom('2024-06-24')).toBe('2024-06-24');
    expect(dayOffReason('2026-02-17')).toBe('Tết Nguyên đán');
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-05-02')).toBe(false);
    // 2023: Giỗ Tổ and 30/4 on the weekend were compensated on 2 and 3 May; Saturday 6 May was an ordinary weekend day.
    expect(workingDayFrom('2023-04-29')).toBe('2023-05-04');
    expect(isWorkingDay('2023-05-06')).toBe(false);
  });
  it('holds every year from 2020 to 2027, each day a real one', () => {
    for (let year = 2020; year <= 2027; year++) {
      const days = PUBLIC_HOLIDAYS.filter((d) => d.day.startsWith(String(year)));
      expect(days.filter((d) => d.name.startsWith('Tết Nguyên đán')).length, String(year)).toBeGreaterThanOrEqual(5);
      expect(days.some((d) => d.day === `${year}-04-30`)).toBe(true);
      expect(days.some((d) => d.day === `${year}-09-02`)).toBe(true);
    }
    expect(PUBLIC_HOLIDAYS.every((d) => isCalendarDate(d.day))).toBe(true);
  });
});

describe('deadlines as people count them', () => {
  it('moves a Saturday deadline to Monday: a Monday filing is on time, Tuesday one day late', () => {
    const year = parsePeriod('2026')!;
    expect(year.unitDeadline).toBe('2026-12-21');
    expect(daysLate(year, '2026-12-21T09:00:00+07:00')).toBe(0);
    expect(daysLate(year, '2026-12-22T09:00:00+07:00')).toBe(1);
  });
  it('moves DIC’s own deadline upward the same way', () => {
    expect(parsePeriod('2026-H1')!.dicDeadline).toBe('2026-06-29');
    expect(parsePeriod('2025-Q3')!.unitDeadline).toBe('2025-09-24');
    expect(parsePeriod('2026-Q1')!.dicDeadline).toBe('2026-03-30');
  });
});

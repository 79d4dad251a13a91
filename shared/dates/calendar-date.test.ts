import { describe, expect, it } from 'vitest';
import { addDays, CalendarDateSchema, dayAfter, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2025-06-31', '2025-13-01', '0000-00-00', '2027-02-30', '2025-02-29', '2025-6-30', '2025-06-30T00:00:00Z', ' 2025-06-30', '2025-00-10'])('refuses %s', (s) => {
    expect(isCalendarDate(s)).toBe(false);
    expect(CalendarDateSchema.safeParse(s).success).toBe(false);
  });
  it.each(['2024-02-29', '2000-02-29', '2025-06-30', '2025-12-31', '9999-12-31', '0001-01-01'])('takes %s', (s) => {
    expect(isCalendarDate(s)).toBe(true);
  });
  it('counts days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(dayAfter('9999-12-31')).toBe('9999-12-31');
  });
});

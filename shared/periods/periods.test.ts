import { describe, expect, it } from 'vitest';
import { daysLate, hasBegun, parsePeriod, periodBefore, periodInSentence, periodLabel, previousPeriod, sameTimeYearBefore, vietnamDay } from './index';

describe('periods', () => {
  it('reads the three kinds of period', () => {
    expect(parsePeriod('2024')).toMatchObject({ code: '2024', kind: 'Y', start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriod('2024-h1')).toMatchObject({ code: '2024-H1', kind: 'H', index: 1, start: '2024-01-01', end: '2024-06-30' });
    expect(parsePeriod('2024-Q3')).toMatchObject({ kind: 'Q', start: '2024-07-01', end: '2024-09-30' });
    for (const bad of ['2024-H3', '2024-Q5', '24-H1', '2024/H1', '', '1999']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('has the deadlines of seed 004 §VI: before the 25th of the quarter’s last month, before 20 December', () => {
    expect(parsePeriod('2024-Q3')).toMatchObject({ unitDeadline: '2024-09-24', dicDeadline: '2024-09-30' }); // 29/9/2024 was a Sunday
    expect(parsePeriod('2024')).toMatchObject({ unitDeadline: '2024-12-19', dicDeadline: '2024-12-24' });
    expect(parsePeriod('2024-H1')).toMatchObject({ unitDeadline: '2024-06-24' });
    expect(parsePeriod('2024-Q4')).toMatchObject({ unitDeadline: '2024-12-19' });
  });

  it('counts days late in Viet Nam time', () => {
    const q3 = parsePeriod('2024-Q3')!;
    expect(daysLate(q3, '2024-09-24T16:59:00Z')).toBe(0); // 23:59 on the 24th in Hà Nội
    expect(daysLate(q3, '2024-09-24T17:00:00Z')).toBe(1); // midnight: the 25th
    expect(daysLate(q3, '2024-10-04T03:00:00Z')).toBe(10);
    expect(daysLate(q3, '2024-01-01T00:00:00Z')).toBe(0);
  });

  it('knows whether a period has begun, on Viet Nam’s calendar', () => {
    const q1 = parsePeriod('2027-Q1')!;
    expect(vietnamDay('2026-12-31T16:59:00Z')).toBe('2026-12-31');
    expect(vietnamDay('2026-12-31T17:00:00Z')).toBe('2027-01-01');
    expect(hasBegun(q1, vietnamDay('2026-12-31T16:59:00Z'))).toBe(false);
    expect(hasBegun(q1, vietnamDay('2026-12-31T17:00:00Z'))).toBe(true);
  });

  it('names periods for people and finds the previous one', () => {
    expect(periodLabel(parsePeriod('2024-H1')!)).toBe('6 tháng đầu năm 2024');
    expect(periodLabel(parsePeriod('2024-Q3')!)).toBe('Quý III năm 2024');
    expect(periodLabel(parsePeriod('2024-Q3')!, 'en')).toBe('Q3 2024');
    expect(previousPeriod(parsePeriod('2024-H1')!)).toBe('2023-H2');
    expect(previousPeriod(parsePeriod('2024-Q2')!)).toBe('2024-Q1');
    expect(previousPeriod(parsePeriod('2024')!)).toBe('2023');
    // Before the first period input accepts there is still a period, with its days.
    expect(periodBefore(parsePeriod('2000-Q1')!)).toMatchObject({ code: '1999-Q4', start: '1999-10-01', end: '1999-12-31' });
    expect(sameTimeYearBefore(parsePeriod('2024-H1')!).code).toBe('2023-H1');
    expect(sameTimeYearBefore(parsePeriod('2000')!).code).toBe('1999');
    expect(parsePeriod('1999-Q4')).toBeUndefined();
  });
});

describe('a period named inside a sentence', () => {
  it('loses the capital of its name in Vietnamese, as in "kỳ năm 2025"', () => {
    expect(periodInSentence(parsePeriod('2025')!)).toBe('năm 2025');
    expect(periodInSentence(parsePeriod('2026-Q3')!)).toBe('quý III năm 2026');
    expect(periodInSentence(parsePeriod('2024-H1')!)).toBe('6 tháng đầu năm 2024');
    expect(periodInSentence(parsePeriod('2024-H2')!, 'en')).toBe('second half of 2024');
    expect(periodInSentence(parsePeriod('2026-Q3')!, 'en')).toBe('Q3 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { vietnamDay } from '../periods';
import { trainingInstant } from './training-clock';

describe('trainingInstant', () => {
  const real = new Date('2026-12-04T19:30:15.250Z'); // 02:30:15 on 5 December in Viet Nam

  it('puts a calendar day at the real time of day in Viet Nam', () => {
    const at = trainingInstant('2025-06-10', real)!;
    expect(at.toISOString()).toBe('2025-06-09T19:30:15.250Z');
    expect(vietnamDay(at)).toBe('2025-06-10');
  });

  it('takes an ISO instant as it is, with any offset', () => {
    expect(trainingInstant('2025-06-10T08:15:00+07:00', real)!.toISOString()).toBe('2025-06-10T01:15:00.000Z');
    expect(trainingInstant(' 2024-12-31T23:59:59.5Z ', real)!.toISOString()).toBe('2024-12-31T23:59:59.500Z');
  });

  it.each(['', 'hôm nay', '2025-02-30', '2025-13-01', '10/06/2025', '2025-6-10', '2025-06-10T24:00Z', '2025-06-10T08:00', '1899-12-31', `2025-06-10${' '.repeat(40)}x`])(
    'refuses %j',
    (value) => expect(trainingInstant(value, real)).toBeUndefined(),
  );
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../shared/periods';
import type { Ctx } from './context';
import { periodChoices } from './periods';

const ctxOn = (today: string, filed: string[]) => ({ today: () => today, api: { filedPeriods: async () => filed.map((period) => ({ period })) } }) as unknown as Ctx;

describe('the periods a view offers', () => {
  it('lists those under way, then every past one newest first, filed or not, each once', async () => {
    const { periods, initial } = await periodChoices(ctxOn('2025-06-10', ['2024', '2025-Q1', '2024-H1', '2023', '2022-H2']));
    const codes = periods.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    const today = '2025-06-10';
    const current = periods.filter((p) => p.start <= today && today <= p.end);
    expect(periods.slice(0, current.length)).toEqual(current);
    const past = periods.slice(current.length);
    for (let i = 1; i < past.length; i++) {
      const [a, b] = [past[i - 1]!, past[i]!];
      // Newer ends first; of the same end, the quarter, then the half, then the year (shared/periods newestFirst).
      expect(a.end > b.end || (a.end === b.end && a.start >= b.start)).toBe(true);
    }
    expect(codes).toEqual(expect.arrayContaining(['2023', '2022-H2', '2024-H1']));
    expect(codes.indexOf('2024')).toBeLessThan(codes.indexOf('2024-H1'));
    expect(codes.indexOf('2024-H1')).toBeLessThan(codes.indexOf('2023'));
    expect(codes.indexOf('2023')).toBeLessThan(codes.indexOf('2022-H2'));
    expect(parsePeriod(initial)).not.toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { getTemplate, templateFor } from '../templates';
import { rankUniverse } from './rank-universe';

describe('the universe a rank is among', () => {
  it('is the DTI scheme’s of the period: 63 until DTI 2023, 34 from DTI 2024; none for a template that ranks nothing', () => {
    for (const [year, among] of [['2023', 63], ['2024', 34], ['2025', 34]] as const) {
      const period = parsePeriod(year)!;
      expect(rankUniverse(templateFor('BM08', period)!, period)).toBe(among);
    }
    expect(rankUniverse(getTemplate('BM03')!, parsePeriod('2024')!)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { rankUniverse } from './rank-universe';

describe('the number a rank is among', () => {
  it('is 63 provinces for DTI up to 2023 and 34 from DTI 2024; other templates have none', () => {
    expect(rankUniverse('BM08', parsePeriod('2023')!)).toBe(63);
    expect(rankUniverse('BM08', parsePeriod('2024')!)).toBe(34);
    expect(rankUniverse('BM08', parsePeriod('2025')!)).toBe(34);
    expect(rankUniverse('BM03', parsePeriod('2024')!)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { PROVINCE_COUNT, hasDistricts, on } from './index';

describe('settings that change with time', () => {
  it('take the value in force on the day: 63 provinces until 30 June 2025, 34 from 1 July', () => {
    expect(on(PROVINCE_COUNT, '2024-12-31')).toBe(63);
    expect(on(PROVINCE_COUNT, '2025-06-30')).toBe(63);
    expect(on(PROVINCE_COUNT, '2025-07-01')).toBe(34);
    expect(on(PROVINCE_COUNT, '1999-01-01')).toBe(63);
    expect([hasDistricts('2025-06-30'), hasDistricts('2025-07-01')]).toEqual([true, false]);
  });
});

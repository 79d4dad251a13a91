import { describe, expect, it } from 'vitest';
import { decimalsOf, roundTo, shiftDecimal, sumDecimal, toPlainString, truncateTo } from './decimal';
import { formatNumber, formatPercent } from './format';

describe('decimal helpers', () => {
  it('counts written decimals, also in exponent notation', () => {
    expect(decimalsOf(74.65)).toBe(2);
    expect(decimalsOf(1683)).toBe(0);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1.5e-7)).toBe(8);
  });

  it('moves the decimal point on digits, not floats', () => {
    expect(shiftDecimal(0.6302, 2)).toBe(63.02);
    expect(0.6302 * 100).not.toBe(63.02);
    expect(shiftDecimal(63.02, -2)).toBe(0.6302);
    expect(shiftDecimal(409.8, -3)).toBe(0.4098);
    expect(shiftDecimal(1.5e-7, 2)).toBe(0.000015);
    expect(toPlainString(1.5e21)).toBe('1500000000000000000000');
  });

  it('rounds half away from zero and truncates', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(27.2727, 2)).toBe(27.27);
    expect(roundTo(19.6969, 2)).toBe(19.7);
    expect(truncateTo(19.6969, 2)).toBe(19.69);
    expect(truncateTo(14.2857, 2)).toBe(14.28);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });

  it('adds reported figures exactly (409,8 = 288 + 56 + 50 + 15,8)', () => {
    expect(sumDecimal([288, 56, 50, 15.8])).toBe(409.8);
    expect(sumDecimal([0.1, 0.2])).toBe(0.3);
    expect(sumDecimal([5.9, 9.9])).toBe(15.8);
  });

  it('formats in the reader’s convention', () => {
    expect(formatNumber(1345670)).toBe('1.345.670');
    expect(formatNumber(1345670, 'en')).toBe('1,345,670');
    expect(formatNumber(409.8)).toBe('409,8');
    expect(formatPercent(74.65)).toBe('74,65%');
    expect(formatPercent(27.2727, 'vi', 2)).toBe('27,27%');
    expect(formatNumber(-1234.5, 'vi', 2)).toBe('-1.234,50');
  });
});

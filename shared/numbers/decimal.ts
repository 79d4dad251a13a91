/**
 * Decimal helpers. Reported figures are decimal strings; doing the bookkeeping on
 * their written digits (not on binary floats) keeps 0.6302 → 63,02 % exact.
 */

/** Digits after the decimal point in the shortest representation of `n`. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const s = String(Math.abs(n));
  const exp = s.indexOf('e');
  if (exp >= 0) {
    const mantissa = s.slice(0, exp);
    const power = Number(s.slice(exp + 1));
    const dot = mantissa.indexOf('.');
    const mantissaDecimals = dot >= 0 ? mantissa.length - dot - 1 : 0;
    return Math.max(0, mantissaDecimals - power);
  }
  const dot = s.indexOf('.');
  return dot >= 0 ? s.length - dot - 1 : 0;
}

/** `digits` read as a number with the decimal point after `pointAt` of them (negative: zeros before). */
function placePoint(digits: string, pointAt: number): string {
  if (pointAt <= 0) return '0.' + '0'.repeat(-pointAt) + digits;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
}

/** Plain decimal string (no exponent) of a finite number. */
export function toPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa = '0', powerText = '0'] = String(Math.abs(n)).split('e');
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  return (n < 0 ? '-' : '') + placePoint(intPart + fracPart, intPart.length + Number(powerText));
}

/**
 * Multiplies by 10^places by moving the decimal point in the written digits,
 * so that 0.6302 becomes exactly 63.02 (a float multiplication gives 63.019999…).
 */
export function shiftDecimal(n: number, places: number): number {
  if (!Number.isFinite(n) || places === 0) return n;
  const s = toPlainString(n);
  const negative = s.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? s.slice(1) : s).split('.');
  return Number((negative ? '-' : '') + placePoint(intPart + fracPart, intPart.length + places));
}

/** Rounds half away from zero at `decimals` digits, on the decimal representation. */
export function roundTo(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  const sign = n < 0 ? -1 : 1;
  const scaled = shiftDecimal(Math.abs(n), decimals);
  // A tiny nudge absorbs binary noise such as 1.005 → 1.00499999…
  const rounded = Math.floor(scaled + 0.5 + 1e-9);
  return sign * shiftDecimal(rounded, -decimals);
}

/** Truncates toward zero at `decimals` digits. */
export function truncateTo(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  const sign = n < 0 ? -1 : 1;
  const scaled = shiftDecimal(Math.abs(n), decimals);
  return sign * shiftDecimal(Math.floor(scaled + 1e-9), -decimals);
}

/** Exact sum when every operand has few decimals; otherwise a float sum. */
export function sumDecimal(values: readonly number[]): number {
  const decimals = Math.max(0, ...values.map(decimalsOf));
  if (decimals <= 6) {
    let total = 0;
    for (const v of values) total += Math.round(shiftDecimal(v, decimals));
    return shiftDecimal(total, -decimals);
  }
  return values.reduce((a, b) => a + b, 0);
}

/** Absolute slack below which two computed values count as equal. */
export function floatSlack(...values: number[]): number {
  return 1e-9 * Math.max(1, ...values.map(Math.abs));
}

/** Half a unit of the last written digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

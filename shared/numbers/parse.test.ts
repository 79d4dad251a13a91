import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './format';
import { roundTo } from './decimal';
import { MAX_NUMBER_TEXT, fromCellNumber, parseNumberText, type ParseResult } from './parse';

const value = (r: ParseResult) => (r.ok ? r.value : undefined);

describe('parseNumberText: numbers as clerks write them (DOMAIN.md)', () => {
  it.each([
    ['1.345.670', 'integer', 1345670, 0],
    ['74,65%', 'percent', 74.65, 2],
    ['74,65 %', 'percent', 74.65, 2],
    ['409,8 tỷ đồng', 'money', 409.8, 1],
    ['98.51%', 'percent', 98.51, 2],
    ['96.1%', 'percent', 96.1, 1],
    ['715 003', 'integer', 715003, 0],
    ['1.683 thủ tục', 'integer', 1683, 0],
    ['5.092 người', 'integer', 5092, 0],
    ['0,5', 'money', 0.5, 1],
    ['1.234.567,89', 'money', 1234567.89, 2],
    ['1,234,567.89', 'money', 1234567.89, 2],
    ['63.02%', 'percent', 63.02, 2],
    ['100%', 'percent', 100, 0],
    ['41,6', 'decimal', 41.6, 1],
  ] as const)('%s in a %s cell is %d with %d decimals', (text, kind, expected, decimals) => {
    const r = parseNumberText(text, kind);
    expect(r).toMatchObject({ ok: true, value: expected, decimals });
  });

  it('reads qualifiers and keeps them, so an approximate figure can be flagged', () => {
    expect(parseNumberText('hơn 5.092', 'integer')).toMatchObject({ ok: true, value: 5092, qualifier: 'more_than' });
    expect(parseNumberText('gần 16 tỷ', 'money')).toMatchObject({ ok: true, value: 16, qualifier: 'about' });
    expect(parseNumberText('khoảng 40 tỷ đồng', 'money')).toMatchObject({ ok: true, value: 40, qualifier: 'about' });
    expect(parseNumberText('trên 80%', 'percent')).toMatchObject({ ok: true, value: 80, qualifier: 'more_than' });
    expect(parseNumberText('> 90%', 'percent')).toMatchObject({ ok: true, value: 90, qualifier: 'more_than' });
    expect(parseNumberText('≥ 90%', 'percent')).toMatchObject({ ok: true, value: 90, qualifier: 'at_least' });
    expect(parseNumberText('đạt 82%', 'percent')).toMatchObject({ ok: true, value: 82 });
    expect((parseNumberText('đạt 82%', 'percent') as { qualifier?: string }).qualifier).toBeUndefined();
  });

  it('converts scale words to the cell unit: money cells hold tỷ đồng', () => {
    expect(parseNumberText('29.473,482 triệu đồng', 'money')).toMatchObject({ ok: true, value: 29.473482, scaledFrom: 'triệu đồng' });
    expect(parseNumberText('3.432 triệu đồng', 'money')).toMatchObject({ ok: true, value: 3.432 });
    expect(parseNumberText('ước đạt 2.100 tỷ đồng', 'money')).toMatchObject({ ok: true, value: 2100, qualifier: 'about' });
    expect(parseNumberText('1,7 triệu', 'integer')).toMatchObject({ ok: true, value: 1700000, decimals: 0 });
    expect(parseNumberText('2.100 tỷ đồng', 'money')).toMatchObject({ ok: true, value: 2100 });
  });

  it('reports ambiguity instead of guessing', () => {
    // 1.586 % read the Vietnamese way is 1586 %, impossible; read the English way 1,586 %: a guess either way.
    expect(parseNumberText('1.586', 'percent')).toEqual({ ok: false, reason: 'ambiguous', text: '1.586', candidates: [1586, 1.586] });
    expect(parseNumberText('100.000%', 'percent')).toMatchObject({ ok: false, reason: 'ambiguous' });
    // "119,637 khách hàng" (seed 001) groups thousands English-style; as a count the Vietnamese reading is not whole.
    expect(parseNumberText('119,637', 'integer')).toMatchObject({ ok: false, reason: 'ambiguous', candidates: [119.637, 119637] });
  });

  it('follows the Vietnamese convention where it gives a possible value', () => {
    expect(parseNumberText('1.586', 'integer')).toMatchObject({ ok: true, value: 1586, convention: 'vi' });
    expect(parseNumberText('1.586', 'money')).toMatchObject({ ok: true, value: 1586 });
    expect(parseNumberText('12,345', 'money')).toMatchObject({ ok: true, value: 12.345, decimals: 3 });
    expect(parseNumberText('74,650%', 'percent')).toMatchObject({ ok: true, value: 74.65, decimals: 3 });
  });

  it('reports what cannot be read, and why', () => {
    expect(parseNumberText('', 'integer')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseNumberText('   ', 'integer')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseNumberText('chưa tính được', 'percent')).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(parseNumberText('12.34.567', 'integer')).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(parseNumberText('1 23 456', 'integer')).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(parseNumberText('82% hộ gia đình, 100% xã', 'percent')).toMatchObject({ ok: false, reason: 'several_numbers' });
    expect(parseNumberText('74,65%', 'integer')).toMatchObject({ ok: false, reason: 'unit_mismatch', unit: '%' });
    expect(parseNumberText('409,8 tỷ đồng', 'integer')).toMatchObject({ ok: false, reason: 'unit_mismatch', unit: 'tỷ đồng' });
    expect(parseNumberText('#DIV/0!', 'percent')).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('reads signs so that validation can refuse negatives', () => {
    expect(value(parseNumberText('-5', 'integer'))).toBe(-5);
    expect(value(parseNumberText('−5', 'integer'))).toBe(-5);
    expect(value(parseNumberText('(5)', 'integer'))).toBe(-5);
    expect(value(parseNumberText('5.092.', 'integer'))).toBe(5092);
  });
});

describe('fromCellNumber: numbers Excel already holds', () => {
  it('a percent-formatted cell holds the fraction', () => {
    expect(fromCellNumber(0.7465, '0.00%', 'percent')).toMatchObject({ value: 74.65, decimals: 2 });
    expect(fromCellNumber(0.6302, '0.00%', 'percent')).toMatchObject({ value: 63.02, decimals: 2 });
    expect(fromCellNumber(74.65, 'General', 'percent')).toMatchObject({ value: 74.65 });
    expect(fromCellNumber(1683, '#,##0', 'integer')).toMatchObject({ value: 1683, decimals: 0 });
  });
});

describe('properties', () => {
  it('a whole number written the Vietnamese way reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseNumberText(formatNumber(n, 'vi'), 'integer')).toMatchObject({ ok: true, value: n });
      }),
    );
  });

  it('a money figure written the Vietnamese way reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 3 }), (thousandths, d) => {
        const x = roundTo(thousandths / 1000, d);
        expect(parseNumberText(formatNumber(x, 'vi', d), 'money')).toMatchObject({ ok: true, value: x });
      }),
    );
  });

  it('an English-style figure with both separators reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 999_999_999 }), fc.integer({ min: 1, max: 3 }), (thousandths, d) => {
        const x = roundTo(thousandths / 1000, d);
        const r = parseNumberText(formatNumber(x, 'en', d), 'money');
        expect(r).toMatchObject({ ok: true, value: x, convention: 'en' });
      }),
    );
  });

  it('a percentage written with d decimals reads back at that precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2 }), (basis, d) => {
        const p = roundTo(basis / 100, d);
        const r = parseNumberText(formatPercent(p, 'vi', d), 'percent');
        if (r.ok) {
          expect(r.value).toBe(p);
          expect(r.decimals).toBe(d);
        } else {
          expect(r.reason).toBe('ambiguous');
        }
      }),
    );
  });

  it('a percent cell holding k/10000 reads as exactly k/100 percent points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (k) => {
        expect(fromCellNumber(k / 10_000, '0.00%', 'percent').value).toBe(Number((k / 100).toFixed(2)));
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('integer', 'decimal', 'percent', 'money'), (text, kind) => {
        const r = parseNumberText(text, kind as 'integer');
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('linear time: adversarial texts of any size get the right answer', () => {
  // Each shape makes a text of about n characters; past MAX_NUMBER_TEXT every one is unreadable before any pattern runs.
  const SHAPES: [string, (n: number) => string, (text: string) => Partial<ParseResult>][] = [
    ['trailing separators', (n) => '1' + '.,'.repeat(n), () => ({ ok: true, value: 1 })],
    ['separators between digits', (n) => '1.1' + '.1'.repeat(n), () => ({ ok: false, reason: 'unreadable' })],
    ['spaces between digits', (n) => '1.1' + '.1'.repeat(n), () => ({ ok: false, reason: 'unreadable' })],
    ['qualifiers without a number', (n) => 'hơn '.repeat(n) + 'x', () => ({ ok: false, reason: 'unreadable' })],
    ['a long noun phrase', (n) => '5 ' + 'người '.repeat(n), () => ({ ok: true, value: 5 })],
    ['a long run of digits', (n) => '9'.repeat(n), (text) => ({ ok: true, value: Number(text) })],
    ['unclosed brackets', (n) => '('.repeat(n) + '1', () => ({ ok: false, reason: 'unreadable' })],
  ];
  for (const [shape, make, answer] of SHAPES) {
    it(shape, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100_000 }), (size) => {
          const text = make(Math.ceil(size / make(1).length));
          const expected = text.length > MAX_NUMBER_TEXT ? { ok: false, reason: 'unreadable' } : answer(text);
          expect(parseNumberText(text, 'integer')).toMatchObject(expected);
        }),
        { numRuns: 60 },
      );
    });
  }
});

import { describe, expect, it } from 'vitest';
import { columnTextPoints, textPoints, widthForPoints, wrappedLines } from './text-width';

describe('text width in Times New Roman', () => {
  it('measures letters by their own width, not by their count', () => {
    // Times New Roman: i is 278 thousandths of an em, m 778, at 11 pt.
    expect(textPoints('i', 11)).toBeCloseTo(3.058, 2);
    expect(textPoints('m', 11)).toBeCloseTo(8.558, 2);
    // A code of capitals is wider than a name of as many letters.
    expect(textPoints('BMT-HOATHANG', 11)).toBeGreaterThan(textPoints('Buôn Ma Thuột', 11));
    expect(textPoints('BMT-HOATHANG', 11, { bold: true })).toBeGreaterThan(textPoints('BMT-HOATHANG', 11));
  });

  it('measures Vietnamese letters as composed or decomposed alike, and an unknown character as an em', () => {
    expect(textPoints('Thuột', 11)).toBe(textPoints('Thuột'.normalize('NFD'), 11));
    expect(textPoints('\u4e2d', 10)).toBe(10);
  });

  it('fits a column to a code: the width found holds it on one line', () => {
    const points = textPoints('BMT-HOATHANG', 11);
    const width = widthForPoints(points);
    expect(columnTextPoints(width)).toBeGreaterThanOrEqual(points);
    expect(columnTextPoints(width - 1)).toBeLessThan(points);
    expect(wrappedLines('BMT-HOATHANG', columnTextPoints(width), 11)).toBe(1);
    expect(wrappedLines('BMT-HOATHANG', columnTextPoints(width - 1), 11)).toBe(2);
  });

  it('wraps at spaces, one line per paragraph at least', () => {
    const line = textPoints('Sở Thông tin', 11) + 1;
    expect(wrappedLines('Sở Thông tin và Truyền thông', line, 11)).toBe(3);
    expect(wrappedLines('Sở\nThông', line, 11)).toBe(2);
    expect(wrappedLines('', line, 11)).toBe(1);
    // Blanks left to fill by hand take their room.
    const words = textPoints('Số /BC', 11) + textPoints(' ', 11) * 2;
    expect(wrappedLines('Số /BC', words, 11)).toBe(1);
    expect(wrappedLines('Số' + ' '.repeat(40) + '/BC', words, 11)).toBe(2);
  });
});

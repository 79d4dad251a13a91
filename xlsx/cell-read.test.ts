import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellProblem, cellReference, cellValue, rowNumber } from './cell-read';

describe('cell positions as Excel writes them', () => {
  it('reads plain row numbers and one-cell references within the grid, and nothing else', () => {
    expect(rowNumber('7')).toBe(6);
    expect(rowNumber('1048576')).toBe(1048575);
    for (const bad of ['0', '1e3', '8e0', '07', ' 7', '+7', '1048577', '0x10', '']) expect(rowNumber(bad), bad).toBeUndefined();
    expect(cellReference('E7')).toEqual({ row: 6, col: 4 });
    expect(cellReference('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ['e7', '$E$7', 'E7:E8', 'XFE1', 'E0', 'E1e3', '7E', 'AAAA1']) expect(cellReference(bad), bad).toBeUndefined();
  });
});

describe('cell values as Excel reads them', () => {
  const problem = (type: string, raw: string, strings: string[] = []) => {
    try {
      cellValue(type, raw, '', strings);
    } catch (e) {
      if (e instanceof CellProblem) return e.message;
      throw e;
    }
    return undefined;
  };

  it('reads numbers in xsd:double’s decimal form and refuses hex, words and infinities', () => {
    expect(cellValue('n', '1683', '', [])).toBe(1683);
    expect(cellValue('n', '-0.5e3', '', [])).toBe(-500);
    expect(cellValue('n', '.25', '', [])).toBe(0.25);
    for (const bad of ['0x48', 'Infinity', '-Infinity', 'NaN', '1e999', '1_000', '1,5', '0b1', '١٢']) expect(problem('n', bad), bad).toMatch(/malformed number/);
  });

  it('refuses a shared string that is not there, a boolean other than 0/1/true/false, and a date that is not ISO 8601', () => {
    expect(cellValue('s', '1', '', ['a', 'b'])).toBe('b');
    expect(problem('s', '2', ['a', 'b'])).toMatch(/shared string "2" is missing \(2 strings\)/);
    expect(problem('s', '-1', ['a'])).toMatch(/missing/);
    expect(cellValue('b', '1', '', [])).toBe(true);
    expect(problem('b', '2')).toMatch(/boolean "2"/);
    expect(problem('d', '30/06/2024')).toMatch(/malformed date/);
  });

  it('never reads a number Number() would take but Excel would not', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', 'x', 'b', 'o', ' ', '_', 'I', 'n', 'f') }), (raw) => {
        const excel = /^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?\s*$/.test(raw) && Number.isFinite(Number(raw));
        if (raw.trim() === '') expect(cellValue('n', raw, '', [])).toBeNull();
        else if (excel) expect(cellValue('n', raw, '', [])).toBe(Number(raw));
        else expect(problem('n', raw)).toMatch(/malformed number/);
      }),
      { numRuns: 1000 },
    );
  });
});

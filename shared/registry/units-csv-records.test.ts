/** The CSV tokenizer of the registry: right records for any text, in one pass whatever its shape. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords, unitsToCsv } from './units-csv';
import { DEMO_REGISTRY } from '../demo/registry';

const quoteField = (f: string): string => (/[",\n\r]/.test(f) || f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f);

describe('CSV records', () => {
  it('reads quoted commas, quotes and line breaks, counts lines as a person does, and leaves blank lines out', () => {
    expect(parseCsvRecords('\uFEFFcode,name\r\n\r\nKPA,"Krông ""Pắc"",\nmới"\n,\nBMT,x"y"')).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 3, fields: ['KPA', 'Krông "Pắc",\nmới'] },
      { line: 6, fields: ['BMT', 'x"y"'] },
    ]);
    expect(parseCsvRecords('"unterminated,\nfield')).toEqual([{ line: 1, fields: ['unterminated,\nfield'] }]);
    expect(parseCsvRecords('"ab"cd,e')).toEqual([{ line: 1, fields: ['abcd', 'e'] }]);
  });

  it('reads back what the registry writes', () => {
    const text = unitsToCsv(DEMO_REGISTRY);
    const records = parseCsvRecords(text);
    expect(records).toHaveLength(DEMO_REGISTRY.length + 1);
    expect(records[1]!.fields[0]).toBe(DEMO_REGISTRY[0]!.code);
  });

  it('reads back any records written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'đ', ' ', ',', '"', '\n', '\r', '\r\n', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.map(quoteField).join(',')).join('\r\n');
        expect(parseCsvRecords(text).map((r) => r.fields)).toEqual(rows.filter((r) => r.some((f) => f.trim() !== '')));
      }),
      { numRuns: 300 },
    );
  });

  it('answers adversarial texts of any size right, in one pass', () => {
    // Each shape once cost time quadratic in its length, or a record per byte.
    const SHAPES: [(n: number) => string, (n: number) => { line: number; fields: string[] }[]][] = [
      [(n) => '\n'.repeat(n), () => []],
      [(n) => '\r'.repeat(n) + 'a', (n) => [{ line: n + 1, fields: ['a'] }]],
      [(n) => '"'.repeat(2 * n + 1), (n) => [{ line: 1, fields: ['"'.repeat(n)] }]],
      [(n) => '"' + '\n'.repeat(n), () => []],
      [(n) => '"x"'.repeat(n), (n) => [{ line: 1, fields: ['x' + '"x'.repeat(n - 1)] }]],
      [(n) => ','.repeat(n) + 'a', (n) => [{ line: 1, fields: [...Array<string>(n).fill(''), 'a'] }]],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: SHAPES.length - 1 }), (n, shape) => {
        const [make, expected] = SHAPES[shape]!;
        expect(parseCsvRecords(make(n))).toEqual(expected(n));
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * BM03's versions: 2024.1 for the periods ending before 1 July 2025, as filed; 2025.1 from then on,
 * with the catalogue by level (TT01A tỉnh, TT01C xã) and no district digitisation (HS05B).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validate } from '../validation';
import { buildTemplateSheet, cellName } from '../workbook';
import { BM03, BM03_TWO_LEVEL } from './bm03';
import { templateFor, versionOf, versionsOf, type IndicatorTemplate } from './index';

const codes = (t: unknown) => (t as IndicatorTemplate).rows.map((r) => r.code);
const row = (t: IndicatorTemplate, code: string) => t.rows.find((r) => r.code === code);
const filing = (period: string, values: Record<string, number>) => ({ template: 'BM03', version: versionOf('BM03', period), unit: 'X', period, values });

describe('which BM03 a period gets', () => {
  it('2024.1 until the periods ending on 30 June 2025, 2025.1 from those ending on or after 1 July 2025', () => {
    expect(versionsOf('BM03').map((v) => [v.version, v.from])).toEqual([
      ['2024.1', '2000-01-01'],
      ['2025.1', '2025-07-01'],
    ]);
    for (const period of ['2021', '2024-H1', '2025-Q1', '2025-Q2', '2025-H1']) expect(versionOf('BM03', period), period).toBe('2024.1');
    // The year 2025 ends after the reform, and is judged by its last day.
    for (const period of ['2025-Q3', '2025-H2', '2025', '2026-Q1', '2030']) expect(versionOf('BM03', period), period).toBe('2025.1');
    expect(templateFor('BM03', '2025-H2')).toBe(BM03_TWO_LEVEL);
  });

  it('2025.1 counts TT01 by level, as catalogue rows right under it, and drops HS05B with its rule', () => {
    const next = BM03_TWO_LEVEL as IndicatorTemplate;
    expect(codes(next).slice(0, 4)).toEqual(['TT01', 'TT01A', 'TT01C', 'TT02']);
    for (const [code, level] of [['TT01A', 'province'], ['TT01C', 'commune']] as const) {
      expect(row(next, code), code).toMatchObject({ aggregation: 'catalogue', catalogueLevel: level, consolidate: 'sum', level: 1 });
    }
    expect(codes(next)).not.toContain('HS05B');
    expect(codes(next)).not.toContain('TT01B');
    expect(next.rules.find((r) => r.id === 'TT01.CAP')).toMatchObject({ kind: 'sum', total: 'TT01.KQ', parts: ['TT01A.KQ', 'TT01C.KQ'] });
    expect(next.rules.find((r) => r.id === 'HS05.TONG')).toMatchObject({ kind: 'sum', total: 'HS05.KQ', parts: ['HS05A.KQ', 'HS05C.KQ'] });
    expect(next.rules.find((r) => r.id === 'TT01.TONG')).toMatchObject({ parts: ['TT02.KQ', 'TT03.KQ', 'TT04.KQ'] });
  });

  it('2024.1 is left as filed: no level rows, HS05 = HS05A + HS05B + HS05C', () => {
    const old = BM03 as IndicatorTemplate;
    expect(codes(old).filter((c) => !c.startsWith('TL'))).toEqual(['TT01', 'TT02', 'TT03', 'TT04', 'TT05', 'TT06', 'TT07', 'TT08', 'TT09', 'HS01', 'HS02', 'HS03', 'HS04', 'HS05', 'HS05A', 'HS05B', 'HS05C']);
    expect(old.rows.some((r) => r.catalogueLevel)).toBe(false);
    expect(old.rules.find((r) => r.id === 'HS05.TONG')).toMatchObject({ parts: ['HS05A.KQ', 'HS05B.KQ', 'HS05C.KQ'] });
    expect(Object.isFrozen(old.rows)).toBe(true);
    // The definition periods were filed under, pinned: a change to it must be a new version instead.
    expect(createHash('sha256').update(JSON.stringify(old)).digest('hex')).toBe('3c51fabff786a45123bc01359bd1ef763e4b94b185fdbbb731104c32539b7b68');
  });

  it('moves the rows below TT01 two lines down in the 2025.1 sheet, and ends HS05B there', () => {
    const at = (template: typeof BM03, ref: string) => buildTemplateSheet(template, { period: '2025-H2' }).names.find((n) => n.name === cellName('BM03', ref))?.row;
    expect(at(BM03_TWO_LEVEL, 'TT01A.KQ')).toBe(at(BM03_TWO_LEVEL, 'TT01.KQ')! + 1);
    expect(at(BM03_TWO_LEVEL, 'TT02.KQ')).toBe(at(BM03, 'TT02.KQ')! + 2);
    // HS05C takes HS05B's line back: two lines down, one up.
    expect(at(BM03_TWO_LEVEL, 'HS05C.KQ')).toBe(at(BM03, 'HS05C.KQ')! + 1);
    expect(at(BM03_TWO_LEVEL, 'HS05B.KQ')).toBeUndefined();
  });
});

describe('filings checked against their period’s BM03', () => {
  const records = { 'HS01.KQ': 10_000, 'HS02.KQ': 3_000, 'HS03.KQ': 9_000, 'HS04.KQ': 8_900 };

  it('a 2025-Q2 filing still has HS05B, and its sum holds', () => {
    const report = validate(templateFor('BM03', '2025-Q2')!, filing('2025-Q2', { ...records, 'HS05.KQ': 600, 'HS05A.KQ': 100, 'HS05B.KQ': 200, 'HS05C.KQ': 300 }));
    expect(report.errors).toEqual([]);
  });

  it('a 2025-Q3 filing with HS05B is refused at that cell, as any cell its version does not have', () => {
    const report = validate(templateFor('BM03', '2025-Q3')!, filing('2025-Q3', { ...records, 'HS05.KQ': 600, 'HS05A.KQ': 100, 'HS05B.KQ': 200, 'HS05C.KQ': 300 }));
    // The district part is not read, so 600 ≠ 100 + 300 is the sum the commune must mend too.
    expect(report.errors.map((e) => [e.code, e.cells])).toEqual([
      ['unknown_cell', ['HS05B.KQ']],
      ['sum_mismatch', ['HS05.KQ', 'HS05A.KQ', 'HS05C.KQ']],
    ]);
    expect(report.errors[0]!.message).toContain('không có trong mẫu BM03 phiên bản 2025.1');
    const { 'HS05B.KQ': _gone, ...without } = { ...records, 'HS05.KQ': 600, 'HS05A.KQ': 100, 'HS05B.KQ': 200, 'HS05C.KQ': 300 };
    expect(validate(BM03_TWO_LEVEL, filing('2025-Q3', without)).errors.map((e) => e.rule)).toEqual(['HS05.TONG']);
    expect(validate(BM03_TWO_LEVEL, filing('2025-Q3', { ...without, 'HS05.KQ': 400 })).errors).toEqual([]);
  });

  it('the keeper’s catalogue by level adds up to TT01 (1.370 + 170 = 1.540), or is refused naming the sum', () => {
    const keeper = { 'TT01.KQ': 1540, 'TT02.KQ': 700, 'TT03.KQ': 600, 'TT04.KQ': 240, ...records };
    expect(validate(BM03_TWO_LEVEL, filing('2025-H2', { ...keeper, 'TT01A.KQ': 1370, 'TT01C.KQ': 170 })).errors).toEqual([]);
    const wrong = validate(BM03_TWO_LEVEL, filing('2025-H2', { ...keeper, 'TT01A.KQ': 1370, 'TT01C.KQ': 103 }));
    expect(wrong.errors.map((e) => [e.code, e.rule])).toEqual([['sum_mismatch', 'TT01.CAP']]);
    // The total alone, without its levels, is a filing the rule skips (a blank is not zero).
    expect(validate(BM03_TWO_LEVEL, filing('2025-H2', keeper)).errors).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { validate } from '../validation';
import { BM03 } from './bm03';
import { TemplateDefinitionError } from './define';
import { templateFor, templateOf, templateVersion, versionOf, versionsOf, type IndicatorTemplate } from './index';
import { checkVersions, nextVersion, versionInForce } from './versions';

const codes = (t: unknown) => (t as IndicatorTemplate).rows.map((r) => r.code);

describe('a new version as a small change of the one before', () => {
  const next = nextVersion(BM03, { version: '2030.1', from: '2030-01-01', dropRows: ['HS05B'] }) as IndicatorTemplate;

  it('ends rows together with every rule naming them, and keeps the rest', () => {
    expect(codes(next)).not.toContain('HS05B');
    expect(codes(next).length).toBe(codes(BM03).length - 1);
    expect(next.rules.some((r) => JSON.stringify(r).includes('HS05B'))).toBe(false);
    expect((BM03 as IndicatorTemplate).rules.some((r) => JSON.stringify(r).includes('HS05B'))).toBe(true);
    expect(next.rules.length).toBeLessThan((BM03 as IndicatorTemplate).rules.length);
    expect(Object.isFrozen(next.rows)).toBe(true);
  });

  it('refuses a version that does not come after the one before, repeats it, or ends a row it does not have', () => {
    expect(() => nextVersion(BM03, { version: '2030.1', from: BM03.from })).toThrow(TemplateDefinitionError);
    expect(() => nextVersion(BM03, { version: BM03.version, from: '2030-01-01' })).toThrow(/trùng/);
    expect(() => nextVersion(BM03, { version: '2030.1', from: '2030-01-01', dropRows: ['XX01'] })).toThrow(/XX01/);
    expect(() => checkVersions([next, BM03])).toThrow(/sau phiên bản/);
  });

  it('leaves a filing of an earlier period valid: each period is checked against its own version', () => {
    const versions = checkVersions([BM03, next]);
    const old = parsePeriod('2029-H2')!;
    const later = parsePeriod('2030-Q1')!;
    expect(versionInForce(versions, old.end)).toBe(BM03);
    expect(versionInForce(versions, later.end)).toBe(next);
    const filed = { template: 'BM03', version: BM03.version, period: old.code, values: { 'HS05.KQ': 30, 'HS05A.KQ': 10, 'HS05B.KQ': 10, 'HS05C.KQ': 10 } };
    expect(validate(versionInForce(versions, old.end), filed).valid).toBe(true);
    const refused = validate(versionInForce(versions, later.end), { ...filed, period: later.code });
    expect(refused.errors.map((e) => e.code)).toEqual(['version_mismatch']);
    expect(refused.errors[0]!.message).toContain('phiên bản áp dụng cho kỳ 2030-Q1 là 2030.1');
  });
});

describe('the catalogue by period', () => {
  it('judges a period by its last day: BM01, BM03 and BM04 lose their district rows from the periods ending from 1 July 2025', () => {
    for (const [id, row] of [['BM01', 'CT05B'], ['BM03', 'HS05B'], ['BM04', 'HC02']] as const) {
      expect(codes(templateFor(id, '2025-H1')), id).toContain(row);
      expect(codes(templateFor(id, '2025-Q2')), id).toContain(row);
      expect(codes(templateFor(id, '2025-Q3')), id).not.toContain(row);
      // The year 2025 ends after the reform: the communes' structure and its version.
      expect(codes(templateFor(id, '2025')), id).not.toContain(row);
      expect(versionOf(id, '2024-H1')).not.toBe(versionOf(id, '2025-H2'));
    }
  });

  it('BM08 follows the DTI year: 922/QĐ-BTTTT until DTI 2023, 405/QĐ-BKHCN from DTI 2024', () => {
    expect(templateFor('BM08', '2021')!.source).toContain('922/QĐ-BTTTT');
    expect(templateFor('BM08', '2023')!.version).toBe('2024.1');
    expect(templateFor('BM08', '2024')!.version).toBe('2025.1');
    expect(templateFor('BM08', '2030')!.version).toBe('2025.1');
    expect(versionsOf('BM08').map((v) => v.from)).toEqual(['2000-01-01', '2024-01-01']);
  });

  it('finds a version by name, as a workbook or a stored filing names it; an unknown one falls back to the current', () => {
    expect(templateVersion('BM08', '2024.1')).toBe(templateFor('BM08', '2021'));
    expect(templateVersion('BM08', '1999.1')).toBeUndefined();
    expect(templateOf({ id: 'BM08', version: '1999.1' })!.version).toBe('2025.1');
    expect(templateFor('BM99', '2024')).toBeUndefined();
    // A period that cannot be read gets the current version (and is refused for itself).
    expect(templateFor('BM01', '2025-H3')!.version).toBe(versionOf('BM01'));
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { filerMismatch, filesTemplate, filingRuleOn, isFiledFor, requiredKinds } from './filing';
import { getTemplate } from './index';

const BM01 = getTemplate('BM01')!;
const BM03 = getTemplate('BM03')!;
const BM06 = getTemplate('BM06')!;
const BM08 = getTemplate('BM08')!;
const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';

describe('who files a template', () => {
  it('every kind of unit files BM03; a department does not file BM06, the districts and communes do', () => {
    for (const kind of ['department', 'district', 'commune'] as const) expect(filesTemplate(BM03, { kind }, BEFORE)).toBe(true);
    expect(filerMismatch(BM06, { kind: 'department' }, BEFORE)).toBe('kind');
    expect(filerMismatch(BM06, { kind: 'commune' }, BEFORE)).toBeNull();
  });

  it('the province-wide BM08 is filed by the coordinating department alone', () => {
    expect(filerMismatch(BM08, { kind: 'department', coordinator: true }, AFTER)).toBeNull();
    expect(filerMismatch(BM08, { kind: 'department' }, AFTER)).toBe('coordinator');
    expect(filerMismatch(BM08, { kind: 'district', coordinator: true }, BEFORE)).toBe('kind');
  });

  it('from 1 July 2025 the commune level files what districts filed, and fills their required rows; old periods keep their rule', () => {
    expect(filesTemplate(BM01, { kind: 'commune' }, BEFORE)).toBe(false);
    expect(filesTemplate(BM01, { kind: 'district' }, BEFORE)).toBe(true);
    expect(filesTemplate(BM01, { kind: 'commune' }, AFTER)).toBe(true);
    expect(filesTemplate(BM01, { kind: 'district' }, AFTER)).toBe(false);
    expect(filingRuleOn(BM01, AFTER).kinds).toEqual(['department', 'commune']);
    expect(requiredKinds(BM03, 'commune', AFTER)).toEqual(['commune', 'district']);
    expect(requiredKinds(BM03, 'commune', BEFORE)).toEqual(['commune']);
  });
});

describe('for which periods', () => {
  it('BM03 is filed for a quarter, a half-year and a year; BM08 for a year only', () => {
    for (const code of ['2024-Q2', '2024-H1', '2024']) expect(isFiledFor(BM03, parsePeriod(code)!)).toBe(true);
    expect(isFiledFor(BM08, parsePeriod('2024-H1')!)).toBe(false);
    expect(isFiledFor(BM08, parsePeriod('2024')!)).toBe(true);
  });
});

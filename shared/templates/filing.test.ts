import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { filerMismatch, filesTemplate, isFiledFor } from './filing';
import { getTemplate } from './index';

const BM03 = getTemplate('BM03')!;
const BM06 = getTemplate('BM06')!;
const BM08 = getTemplate('BM08')!;

describe('who files a template', () => {
  it('every kind of unit files BM03; a department does not file BM06, the districts and communes do', () => {
    for (const kind of ['department', 'district', 'commune'] as const) expect(filesTemplate(BM03, { kind })).toBe(true);
    expect(filerMismatch(BM06, { kind: 'department' })).toBe('kind');
    expect(filerMismatch(BM06, { kind: 'commune' })).toBeNull();
  });

  it('the province-wide BM08 is filed by the coordinating department alone', () => {
    expect(filerMismatch(BM08, { kind: 'department', coordinator: true })).toBeNull();
    expect(filerMismatch(BM08, { kind: 'department' })).toBe('coordinator');
    expect(filerMismatch(BM08, { kind: 'district', coordinator: true })).toBe('kind');
  });
});

describe('for which periods', () => {
  it('BM03 is filed for a quarter, a half-year and a year; BM08 for a year only', () => {
    for (const code of ['2024-Q2', '2024-H1', '2024']) expect(isFiledFor(BM03, parsePeriod(code)!)).toBe(true);
    expect(isFiledFor(BM08, parsePeriod('2024-H1')!)).toBe(false);
    expect(isFiledFor(BM08, parsePeriod('2024')!)).toBe(true);
  });
});

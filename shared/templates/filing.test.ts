import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { expectedUnits } from '../consolidation';
import { DEMO_REGISTRY } from '../demo/registry';
import { daysLateFor, expectedFilerDay, filerDay, filerMismatch, filesTemplate, filingOpens, filingRuleOn, isFiledFor, requiredKinds, unitDeadlineFor } from './filing';
import { getTemplate, templateFor } from './index';

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

describe('a template filed after its period: the DTI of year N, assessed and filed in N+1', () => {
  const y2024 = parsePeriod('2024')!;
  const dti2024 = templateFor('BM08', y2024)!;

  it('opens on 1 January N+1 and is due on 31 March N+1; other templates keep their period and its deadline', () => {
    expect(filingOpens(dti2024, y2024)).toBe('2025-01-01');
    expect(unitDeadlineFor(dti2024, y2024)).toBe('2025-03-31');
    expect(filingOpens(BM03, y2024)).toBe('2024-01-01');
    expect(unitDeadlineFor(BM03, y2024)).toBe(y2024.unitDeadline);
  });

  it('is not late when filed in March N+1, and counts days from its own deadline after that', () => {
    expect(daysLateFor(dti2024, y2024, '2025-03-20T03:00:00Z')).toBe(0);
    expect(daysLateFor(dti2024, y2024, '2025-03-31T16:00:00Z')).toBe(0);
    expect(daysLateFor(dti2024, y2024, '2025-04-03T03:00:00Z')).toBe(3);
    // The same day counts 86 days late for a template filed during its period.
    expect(daysLateFor(BM03, y2024, '2025-03-15T03:00:00Z')).toBe(86);
  });

  it('is filed by the coordinating department of the filing day, and expected of the one in force on its deadline', () => {
    expect(filerDay(dti2024, y2024.end, '2025-03-20')).toBe('2025-03-20');
    expect(filerDay(BM03, y2024.end, '2025-03-20')).toBe(y2024.end);
    expect(expectedFilerDay(dti2024, y2024)).toBe('2025-03-31');
    // After the merger of 1 March 2025 the Sở KH&CN coordinates: it is the one expected to file DTI 2024.
    expect(expectedUnits(dti2024, y2024, DEMO_REGISTRY).map((u) => u.code)).toEqual(['SKHCN']);
    expect(expectedUnits(templateFor('BM08', '2023')!, parsePeriod('2023')!, DEMO_REGISTRY).map((u) => u.code)).toEqual(['STTTT']);
  });
});

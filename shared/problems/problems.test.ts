import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n';
import { CodedError, FIELD_CODES, PROBLEM_CODES, PROBLEM_KINDS, PROBLEM_WORDS, renderField, renderProblem, type ProblemCode } from './index';

describe('the problem catalogue', () => {
  it('words every problem and every field problem in every language, and gives every problem a kind with a status', () => {
    for (const code of Object.keys(PROBLEM_CODES) as ProblemCode[]) {
      expect(PROBLEM_KINDS[PROBLEM_CODES[code]].status, code).toBeGreaterThanOrEqual(400);
      for (const lang of LANGS) expect(renderProblem(code, { path: '/x', limit: 1048576 }, lang).length, `${code} ${lang}`).toBeGreaterThan(5);
    }
    for (const code of FIELD_CODES) for (const lang of LANGS) expect(renderField({ code }, lang).length).toBeGreaterThan(5);
  });

  it('keeps a problem as data until it is shown, then words it in the reader’s language', () => {
    const e = new CodedError('part_too_large', { part: 'xl/worksheets/sheet1.xml', limit: 8 * 1024 * 1024 });
    expect(e.describe('vi')).toBe('Thành phần "xl/worksheets/sheet1.xml" của tệp .xlsx khi giải nén lớn hơn 8 MB.');
    expect(e.describe('en')).toBe('Part "xl/worksheets/sheet1.xml" of the .xlsx file inflates to more than 8 MB.');
    expect(Object.keys(PROBLEM_WORDS.en.problems).sort()).toEqual(Object.keys(PROBLEM_WORDS.vi.problems).sort());
  });
});

/**
 * One failure model for the whole product: a problem is a code with its facts, of one kind (which
 * gives the HTTP status), worded late in the reader's language. Field problems (a zod check, a CSV
 * line) are coded the same way; zod's own messages come from its locale for that language.
 */
import { z } from 'zod';
import { catalogue, type Lang } from '../i18n';
import { PROBLEM_CODES, type ProblemCode, type ProblemParams } from './codes';
import { en } from './en';
import { FIELD_CODES, type FieldCode } from './fields';
import { PROBLEM_KINDS, type ProblemKind } from './kinds';
import { vi } from './vi';

export { PROBLEM_CODES, PROBLEM_KINDS, FIELD_CODES, type ProblemCode, type ProblemParams, type ProblemKind, type FieldCode };

export const PROBLEM_WORDS = catalogue({ vi, en });

export function problemKind(code: ProblemCode): ProblemKind {
  return PROBLEM_CODES[code];
}

export function renderProblem(code: ProblemCode, params: ProblemParams, lang: Lang): string {
  return PROBLEM_WORDS[lang].problems[code](params);
}

/** A problem thrown where it is found, and worded where it is shown. */
export class CodedError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
  ) {
    super(PROBLEM_WORDS.vi.problems[code](params));
    this.name = 'CodedError';
  }

  describe(lang: Lang): string {
    return renderProblem(this.code, this.params, lang);
  }
}

/** A problem of one field or line, before it is worded. */
export interface FieldProblem {
  line?: number;
  field?: string;
  code: FieldCode;
  params?: ProblemParams;
}

export function renderField(problem: Pick<FieldProblem, 'code' | 'params'>, lang: Lang): string {
  return PROBLEM_WORDS[lang].fields[problem.code](problem.params ?? {});
}

/** A check of a schema that reports one of our field problems (its words come at parse time). */
export function fieldIssue(code: FieldCode, params: ProblemParams = {}): { params: { problem: FieldCode } & ProblemParams } {
  return { params: { problem: code, ...params } };
}

const ZOD_LOCALES = { vi: z.locales.vi(), en: z.locales.en() } satisfies Record<Lang, { localeError: z.core.$ZodErrorMap }>;

/** zod's issues in the reader's language: our coded checks from the catalogue, the rest from zod's locale. */
export function zodErrors(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => {
    const problem = (issue as { params?: { problem?: unknown } }).params?.problem;
    if (issue.code === 'custom' && typeof problem === 'string' && (FIELD_CODES as readonly string[]).includes(problem)) {
      return renderField({ code: problem as FieldCode, params: (issue as { params: ProblemParams }).params }, lang);
    }
    return ZOD_LOCALES[lang].localeError(issue);
  };
}

/** A line of a problem list: where, and what, in the reader's language. */
export function problemLine(lang: Lang, line: number | undefined, field: string | undefined, message: string): string {
  return line === undefined ? `${field ?? PROBLEM_WORDS[lang].root}: ${message}` : PROBLEM_WORDS[lang].line(line, field, message);
}

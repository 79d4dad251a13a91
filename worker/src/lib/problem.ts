/**
 * One error shape for every failure: RFC 9457 problem details. Handlers throw a coded problem
 * (shared/problems); `problemResponse` words it in the caller's language, its kind gives the status.
 */
import type { Context } from 'hono';
import { PROBLEM_MEDIA_TYPE } from '../../../shared/api/media';
import { PROBLEM_KINDS, problemKind, renderProblem, type ProblemCode, type ProblemKind, type ProblemParams } from '../../../shared/problems';
import type { HistoryConflict } from '../../../shared/registry/history';
import type { Issue, Report } from '../../../shared/validation/issues';
import type { AppEnv } from '../env';

/** A problem lists at most this many issues or lines (and says how many there are), so the answer stays small. */
export const MAX_PROBLEM_ISSUES = 200;

export interface ProblemExtras {
  issues?: Issue[];
  /** How many issues there are, when `issues` lists only the first ones. */
  issueCount?: number;
  report?: Report;
  field?: string;
  /** Seconds to wait before trying again (also sent as `Retry-After`). */
  retryAfter?: number;
  problems?: { line?: number; field?: string; message: string }[];
  /** Methods the address takes (also sent as `Allow`). */
  allow?: string;
  /** Registry records that would rewrite history, with the periods whose filings they cover. */
  conflicts?: HistoryConflict[];
}

export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
    readonly extras: ProblemExtras = {},
    /** The code's own kind, unless where it was found says otherwise (a bad template named in a field is 422, in a path 404). */
    readonly kind: ProblemKind = problemKind(code),
  ) {
    super(renderProblem(code, params, 'en'));
    this.name = 'ProblemError';
  }
}

export function fail(code: ProblemCode, params?: ProblemParams, extras?: ProblemExtras): never {
  throw new ProblemError(code, params, extras);
}

/** A problem about one field of a body or query: 422 naming the field, whatever the code's own kind. */
export function failAt(field: string, code: ProblemCode, params?: ProblemParams, extras?: ProblemExtras): never {
  throw new ProblemError(code, params, { ...extras, field }, 'invalid');
}

export function problemResponse(c: Context<AppEnv>, error: ProblemError): Response {
  const lang = c.get('lang') ?? 'vi';
  const { status, title } = PROBLEM_KINDS[error.kind];
  const { allow, ...extras } = error.extras;
  const body = {
    type: `urn:chitieu:problem:${error.kind}`,
    title: title[lang],
    status,
    detail: renderProblem(error.code, error.params, lang),
    instance: new URL(c.req.url).pathname,
    code: error.code,
    ...extras,
  };
  const headers: Record<string, string> = { 'content-type': `${PROBLEM_MEDIA_TYPE}; charset=utf-8` };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="chitieu"';
  if (error.extras.retryAfter !== undefined) headers['retry-after'] = String(error.extras.retryAfter);
  if (allow) headers.allow = allow;
  return new Response(JSON.stringify(body), { status, headers });
}

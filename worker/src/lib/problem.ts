/**
 * One error shape for every failure: RFC 9457 problem details, in the caller's language.
 * Handlers throw a ProblemError; `app.onError` turns it into the response.
 */
import type { Context } from 'hono';
import { PROBLEM_MEDIA_TYPE } from '../../../shared/api/media';
import type { Issue, Report } from '../../../shared/validation/issues';
import type { AppEnv } from '../env';

export type ProblemKind =
  | 'bad-request'
  | 'malformed-json'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'too-large'
  | 'too-many-requests'
  | 'unsupported-media-type'
  | 'invalid'
  | 'validation'
  | 'internal';

const STATUS: Record<ProblemKind, number> = {
  'bad-request': 400,
  'malformed-json': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'too-large': 413,
  'too-many-requests': 429,
  'unsupported-media-type': 415,
  invalid: 422,
  validation: 422,
  internal: 500,
};

const TITLE: Record<ProblemKind, { vi: string; en: string }> = {
  'bad-request': { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  'malformed-json': { vi: 'JSON không đọc được', en: 'Malformed JSON' },
  unauthorized: { vi: 'Chưa xác thực', en: 'Not authenticated' },
  forbidden: { vi: 'Không được phép', en: 'Forbidden' },
  'not-found': { vi: 'Không tìm thấy', en: 'Not found' },
  'method-not-allowed': { vi: 'Phương thức không được nhận', en: 'Method not allowed' },
  conflict: { vi: 'Xung đột', en: 'Conflict' },
  'too-large': { vi: 'Nội dung quá lớn', en: 'Content too large' },
  'too-many-requests': { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  'unsupported-media-type': { vi: 'Loại nội dung không hỗ trợ', en: 'Unsupported media type' },
  invalid: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  validation: { vi: 'Báo cáo chưa đạt yêu cầu', en: 'The report does not pass validation' },
  internal: { vi: 'Lỗi máy chủ', en: 'Server error' },
};

/** A problem lists at most this many issues or lines (and says how many there are), so the answer stays small. */
export const MAX_PROBLEM_ISSUES = 200;

export interface ProblemExtras {
  /** What exactly went wrong, where the kind alone does not say (`formula_without_result`). */
  code?: string;
  issues?: Issue[];
  /** How many issues there are, when `issues` lists only the first ones. */
  issueCount?: number;
  report?: Report;
  field?: string;
  /** Seconds to wait before trying again (also sent as `Retry-After`). */
  retryAfter?: number;
  problems?: { line?: number; field?: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: { vi: string; en: string },
    readonly extras: ProblemExtras = {},
  ) {
    super(detail.en);
    this.name = 'ProblemError';
  }
}

/** Shorthand: `fail('not-found', 'Không có mẫu BM99.', 'There is no template BM99.')`. */
export function fail(kind: ProblemKind, vi: string, en: string, extras?: ProblemExtras): never {
  throw new ProblemError(kind, { vi, en }, extras);
}

export function problemResponse(c: Context<AppEnv>, error: ProblemError): Response {
  const lang = c.get('lang') ?? 'vi';
  const status = STATUS[error.kind];
  const body = {
    type: `urn:chitieu:problem:${error.kind}`,
    title: TITLE[error.kind][lang],
    status,
    detail: error.detail[lang],
    instance: new URL(c.req.url).pathname,
    ...error.extras,
  };
  const headers: Record<string, string> = { 'content-type': `${PROBLEM_MEDIA_TYPE}; charset=utf-8` };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="chitieu"';
  if (error.extras.retryAfter !== undefined) headers['retry-after'] = String(error.extras.retryAfter);
  return new Response(JSON.stringify(body), { status, headers });
}

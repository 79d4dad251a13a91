/**
 * The kinds of problem, each with its HTTP status and title: what a client can act on without
 * reading the words. Every problem code (codes.ts) belongs to one kind.
 */
import type { Words } from '../i18n';

export const PROBLEM_KINDS = {
  'bad-request': { status: 400, title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' } },
  'malformed-json': { status: 400, title: { vi: 'JSON không đọc được', en: 'Malformed JSON' } },
  unauthorized: { status: 401, title: { vi: 'Chưa xác thực', en: 'Not authenticated' } },
  forbidden: { status: 403, title: { vi: 'Không được phép', en: 'Forbidden' } },
  'not-found': { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  'method-not-allowed': { status: 405, title: { vi: 'Phương thức không được nhận', en: 'Method not allowed' } },
  conflict: { status: 409, title: { vi: 'Xung đột', en: 'Conflict' } },
  'too-large': { status: 413, title: { vi: 'Nội dung quá lớn', en: 'Content too large' } },
  'unsupported-media-type': { status: 415, title: { vi: 'Loại nội dung không hỗ trợ', en: 'Unsupported media type' } },
  invalid: { status: 422, title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' } },
  validation: { status: 422, title: { vi: 'Báo cáo chưa đạt yêu cầu', en: 'The report does not pass validation' } },
  'too-many-requests': { status: 429, title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' } },
  internal: { status: 500, title: { vi: 'Lỗi máy chủ', en: 'Server error' } },
  // Sign-in through the province's provider
  'bad-gateway': { status: 502, title: { vi: 'Máy chủ đăng nhập không trả lời', en: 'The sign-in provider did not answer' } },
} as const satisfies Record<string, { status: number; title: Words }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/**
 * Every route of /api/v1, defined once: its path, who may call it, the schemas of its parameters,
 * query and body, and what it answers. The worker registers its handlers against these definitions
 * (worker/src/lib/route.ts) and the OpenAPI document is generated from them (openapi.ts), so the two
 * cannot drift apart.
 */
import { z } from 'zod';
import { LANGS } from '../i18n';
import { fieldIssue } from '../problems';
import { CalendarDateSchema, isCalendarDate } from '../dates/calendar-date';
import { DOCX_MEDIA_TYPE, PROBLEM_MEDIA_TYPE, XLSX_MEDIA_TYPE } from './media';
import * as S from './schemas';
import * as I from './identity-schemas';

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface Response {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteSpec {
  operationId: string;
  method: Method;
  /** OpenAPI style: `/submissions/{id}`, `/consolidations/{period}.xlsx`. */
  path: string;
  tag: string;
  summary: string;
  roles: readonly S.Role[] | 'public';
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: { name: string; description: string }[];
  /**
   * A JSON body checked against `schema`; with other content types too, the handler reads it itself
   * (`raw`) and the schema only documents it.
   */
  body?: { schema?: z.ZodType; contentTypes: readonly string[]; raw?: boolean };
  responses: Record<number, Response>;
  /** Problems this route answers besides those its definition implies (a 409, a 404 for a body's reference). */
  problems?: readonly number[];
}

const code = z.string().min(1).max(64);
const lang = z.enum(LANGS).optional();
const TemplateParam = z.object({ id: code });
const PeriodParam = z.object({ period: code });
const IdParam = z.object({ id: code });

/** An instant whose day is a day of the calendar (`Date.parse` alone takes 2025-06-31 as 1 July). */
const ISO_TIME = (s: string) => !Number.isNaN(Date.parse(s)) && isCalendarDate(s.slice(0, 10));

function define<const T extends Record<string, RouteSpec>>(routes: T): T {
  return routes;
}

export const API = define({
  health: {
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'Hệ thống',
    summary: 'Tình trạng máy chủ',
    roles: 'public',
    responses: { 200: { description: 'Hoạt động', schema: S.HealthSchema } },
  },
  openapi: {
    operationId: 'getOpenApi',
    method: 'get',
    path: '/openapi.json',
    tag: 'Hệ thống',
    summary: 'Tài liệu OpenAPI này',
    roles: 'public',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  },
  me: {
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    tag: 'Đăng nhập',
    summary: 'Người dùng của mã thông báo: vai trò, đơn vị',
    roles: ['unit', 'dic', 'auditor'],
    responses: { 200: { description: 'Vai trò và đơn vị', schema: S.MeSchema } },
  },
  templates: {
    operationId: 'listTemplates',
    method: 'get',
    path: '/templates',
    tag: 'Mẫu báo cáo',
    summary: 'Danh mục mẫu báo cáo',
    roles: 'public',
    responses: { 200: { description: 'Các mẫu', schema: z.array(S.TemplateSummarySchema) } },
  },
  templateWorkbook: {
    operationId: 'getTemplateWorkbook',
    method: 'get',
    path: '/templates/{id}.xlsx',
    tag: 'Mẫu báo cáo',
    summary: 'Bảng tính mẫu trống, đã định dạng',
    roles: 'public',
    params: TemplateParam,
    query: z.object({ unit: code.optional(), period: code.optional(), lang }),
    responses: { 200: { description: 'Tệp .xlsx', contentType: XLSX_MEDIA_TYPE } },
  },
  template: {
    operationId: 'getTemplate',
    method: 'get',
    path: '/templates/{id}',
    tag: 'Mẫu báo cáo',
    summary: 'Định nghĩa đầy đủ của một mẫu: phiên bản áp dụng cho kỳ (?period=), không có kỳ thì phiên bản hiện hành',
    roles: 'public',
    params: TemplateParam,
    query: z.object({ period: code.optional() }),
    responses: { 200: { description: 'Định nghĩa mẫu' } },
  },
  units: {
    operationId: 'listUnits',
    method: 'get',
    path: '/units',
    tag: 'Danh mục đơn vị',
    summary: 'Danh mục đơn vị (lọc theo kỳ với ?period=)',
    roles: ['unit', 'dic', 'auditor'],
    query: z.object({ period: code.optional() }),
    responses: { 200: { description: 'Đơn vị', schema: z.array(S.UnitSchema) } },
  },
  unitsCsv: {
    operationId: 'exportUnits',
    method: 'get',
    path: '/units.csv',
    tag: 'Danh mục đơn vị',
    summary: 'Xuất danh mục đơn vị dạng CSV',
    roles: ['dic', 'auditor'],
    responses: { 200: { description: 'CSV: code,name,kind,parent,coordinator,valid_from,valid_to', contentType: 'text/csv' } },
  },
  importUnits: {
    operationId: 'importUnits',
    method: 'put',
    path: '/units',
    tag: 'Danh mục đơn vị',
    summary: 'Nhập danh mục đơn vị từ CSV (thêm hoặc cập nhật, tất cả hoặc không); ?dryRun=true chỉ xem trước',
    roles: ['dic'],
    query: z.object({ dryRun: z.stringbool().optional() }),
    body: { contentTypes: ['text/csv'], raw: true },
    responses: { 200: { description: 'Kết quả nhập: các bản ghi thêm, sửa (trước và sau)', schema: S.UnitImportResultSchema } },
    problems: [409],
  },
  retractUnit: {
    operationId: 'retractUnitRecord',
    method: 'delete',
    path: '/units/{code}/{validFrom}',
    tag: 'Danh mục đơn vị',
    summary: 'Rút lại một bản ghi nhập nhầm (chỉ khi chưa có báo cáo nào theo bản ghi đó)',
    roles: ['dic'],
    params: z.object({ code, validFrom: CalendarDateSchema }),
    responses: { 204: { description: 'Đã rút lại' } },
    problems: [409],
  },
  fileSubmission: {
    operationId: 'fileSubmission',
    method: 'post',
    path: '/submissions',
    tag: 'Báo cáo',
    summary: 'Nộp báo cáo: JSON theo TEMPLATES.md hoặc tệp .xlsx đã điền',
    roles: ['unit', 'dic'],
    // The pane asks the clerk before filing what is already filed: a 409 `submission_unchanged` names the revision.
    query: z.object({ onlyIfChanged: z.stringbool().optional() }),
    headers: [{ name: 'Idempotency-Key', description: 'Gửi lại với cùng khóa trả về cùng lần nộp' }],
    body: { schema: S.SubmissionSchema, contentTypes: ['application/json', XLSX_MEDIA_TYPE], raw: true },
    responses: {
      201: { description: 'Đã nhận: biên nhận', schema: S.ReceiptSchema },
      200: { description: 'Gửi lại với cùng Idempotency-Key: biên nhận cũ', schema: S.ReceiptSchema },
    },
    problems: [409],
  },
  comparison: {
    operationId: 'getComparison',
    method: 'get',
    path: '/comparisons/{template}/{period}',
    tag: 'Báo cáo',
    summary: 'Số liệu kỳ trước mà báo cáo của đơn vị sẽ được so sánh (của đơn vị, hoặc tổng các đơn vị tiền thân)',
    roles: ['unit', 'dic', 'auditor'],
    params: z.object({ template: code, period: code }),
    query: z.object({ unit: code.optional() }),
    responses: { 200: { description: 'Số liệu kỳ trước', schema: S.ComparisonSchema } },
  },
  listSubmissions: {
    operationId: 'listSubmissions',
    method: 'get',
    path: '/submissions',
    tag: 'Báo cáo',
    summary: 'Các báo cáo đã nộp (đơn vị chỉ thấy của mình)',
    roles: ['unit', 'dic', 'auditor'],
    query: z.object({ unit: code.optional(), template: code.optional(), period: code.optional() }),
    responses: { 200: { description: 'Danh sách', schema: z.array(S.SubmissionSummarySchema) } },
    problems: [403],
  },
  submission: {
    operationId: 'getSubmission',
    method: 'get',
    path: '/submissions/{id}',
    tag: 'Báo cáo',
    summary: 'Một báo cáo và mọi lần nộp của nó',
    roles: ['unit', 'dic', 'auditor'],
    params: IdParam,
    responses: { 200: { description: 'Báo cáo', schema: S.SubmissionDetailSchema } },
    problems: [403],
  },
  revision: {
    operationId: 'getRevision',
    method: 'get',
    path: '/submissions/{id}/revisions/{revision}',
    tag: 'Báo cáo',
    summary: 'Nội dung đầy đủ của một lần nộp',
    roles: ['unit', 'dic', 'auditor'],
    params: z.object({ id: code, revision: code }),
    responses: { 200: { description: 'Lần nộp', schema: S.RevisionDetailSchema } },
    problems: [403],
  },
  review: {
    operationId: 'reviewSubmission',
    method: 'post',
    path: '/submissions/{id}/review',
    tag: 'Báo cáo',
    summary: 'Duyệt hoặc trả lại lần nộp mới nhất',
    roles: ['dic'],
    params: IdParam,
    body: { schema: S.ReviewRequestSchema, contentTypes: ['application/json'] },
    responses: { 201: { description: 'Đã ghi ý kiến', schema: S.ReviewSchema } },
    problems: [409],
  },
  consolidation: {
    operationId: 'getConsolidation',
    method: 'get',
    path: '/consolidations/{template}/{period}',
    tag: 'Tổng hợp',
    summary: 'Bảng tổng hợp của tỉnh cho một mẫu và kỳ, kèm tình hình nộp',
    roles: ['dic', 'auditor'],
    params: z.object({ template: code, period: code }),
    query: z.object({ live: z.stringbool().optional() }),
    responses: { 200: { description: 'Tổng hợp (kỳ đã chốt: như đã chốt; ?live=true: số liệu hiện tại)', schema: S.ConsolidationSchema } },
  },
  periodWorkbook: {
    operationId: 'getConsolidatedWorkbook',
    method: 'get',
    path: '/consolidations/{period}.xlsx',
    tag: 'Tổng hợp',
    summary: 'Bảng tính tổng hợp của tỉnh: tổng hợp, một trang mỗi mẫu, tình hình nộp, cảnh báo',
    roles: ['dic', 'auditor'],
    params: PeriodParam,
    query: z.object({ lang, live: z.stringbool().optional() }),
    responses: { 200: { description: 'Tệp .xlsx (kỳ đã chốt: đúng tệp đã chốt, tiếng Việt, với Chitieu-Closed-Version và ETag là SHA-256; ?live=true: số liệu hiện tại, Chitieu-Live: true)', contentType: XLSX_MEDIA_TYPE } },
  },
  periodReport: {
    operationId: 'getPeriodReport',
    method: 'get',
    path: '/reports/{period}.docx',
    tag: 'Tổng hợp',
    summary: 'Dự thảo báo cáo định kỳ (.docx) dựng từ số liệu tổng hợp: câu chữ theo mẫu, bảng chỉ tiêu, tình hình nộp, nguồn của từng số liệu',
    roles: ['dic', 'auditor'],
    params: PeriodParam,
    query: z.object({ lang, live: z.stringbool().optional() }),
    responses: { 200: { description: 'Tệp .docx (kỳ đã chốt: đúng tệp đã chốt, tiếng Việt, với Chitieu-Closed-Version và ETag là SHA-256; ?live=true: số liệu hiện tại, Chitieu-Live: true)', contentType: DOCX_MEDIA_TYPE } },
  },
  periodConsolidation: {
    operationId: 'getPeriodConsolidation',
    method: 'get',
    path: '/consolidations/{period}',
    tag: 'Tổng hợp',
    summary: 'Tổng hợp mọi mẫu của một kỳ (JSON)',
    roles: ['dic', 'auditor'],
    params: PeriodParam,
    query: z.object({ live: z.stringbool().optional() }),
    responses: { 200: { description: 'Tổng hợp các mẫu (kỳ đã chốt: đúng tệp JSON đã chốt, với Chitieu-Closed-Version và ETag là SHA-256; ?live=true: số liệu hiện tại, Chitieu-Live: true)', schema: S.PeriodConsolidationSchema } },
  },
  periods: {
    operationId: 'listFiledPeriods',
    method: 'get',
    path: '/periods',
    tag: 'Tổng hợp',
    summary: 'Các kỳ đã có báo cáo, kỳ kết thúc muộn nhất trước (đơn vị: chỉ kỳ của mình)',
    roles: ['unit', 'dic', 'auditor'],
    responses: { 200: { description: 'Các kỳ đã có báo cáo', schema: z.array(S.FiledPeriodSummarySchema) } },
  },
  periodStatus: {
    operationId: 'getPeriodStatus',
    method: 'get',
    path: '/periods/{period}/status',
    tag: 'Tổng hợp',
    summary: 'Tình hình nộp mọi mẫu của một kỳ',
    roles: ['dic', 'auditor'],
    params: PeriodParam,
    responses: { 200: { description: 'Tình hình nộp', schema: S.PeriodStatusSchema } },
  },
  periodState: {
    operationId: 'getPeriodState',
    method: 'get',
    path: '/periods/{period}',
    tag: 'Chốt số liệu',
    summary: 'Kỳ đã chốt số liệu chưa, khi nào, ai chốt; mọi lần chốt',
    roles: ['unit', 'dic', 'auditor'],
    params: PeriodParam,
    responses: { 200: { description: 'Tình trạng chốt của kỳ', schema: S.PeriodStateSchema } },
  },
  closePeriod: {
    operationId: 'closePeriod',
    method: 'post',
    path: '/periods/{period}/close',
    tag: 'Chốt số liệu',
    summary: 'Chốt số liệu kỳ khi gửi báo cáo lên cấp trên: lưu tổng hợp (JSON, .xlsx, .docx tiếng Việt) đúng như lúc chốt',
    roles: ['dic'],
    params: PeriodParam,
    body: { schema: S.CloseRequestSchema, contentTypes: ['application/json'] },
    responses: { 201: { description: 'Đã chốt: lần chốt và mã băm các tệp', schema: S.PeriodClosedSchema } },
    problems: [409],
  },
  reopenPeriod: {
    operationId: 'reopenPeriod',
    method: 'post',
    path: '/periods/{period}/reopen',
    tag: 'Chốt số liệu',
    summary: 'Mở lại kỳ đã chốt, ghi lý do; các lần chốt trước vẫn được giữ',
    roles: ['dic'],
    params: PeriodParam,
    body: { schema: S.ReopenRequestSchema, contentTypes: ['application/json'] },
    responses: { 201: { description: 'Đã mở lại', schema: S.PeriodReopenedSchema } },
    problems: [409],
  },
  periodChanges: {
    operationId: 'getPeriodChanges',
    method: 'get',
    path: '/periods/{period}/changes',
    tag: 'Chốt số liệu',
    summary: 'Những gì khác nhau giữa hai lần chốt (không có to: giữa lần chốt from và số liệu hiện tại): từng ô theo mẫu, đơn vị và tổng; đơn vị thêm, bớt trong danh sách phải nộp và chưa nộp; các lần nộp trong khoảng đó, ai nộp, lúc nào',
    roles: ['dic', 'auditor'],
    params: PeriodParam,
    query: z.object({ from: z.coerce.number().int().min(1).max(1_000_000), to: z.coerce.number().int().min(1).max(1_000_000).optional() }),
    responses: { 200: { description: 'Thay đổi giữa hai lần chốt', schema: S.PeriodChangesSchema } },
  },
  tokens: {
    operationId: 'listTokens',
    method: 'get',
    path: '/tokens',
    tag: 'Mã thông báo',
    summary: 'Các mã thông báo (không có mã bí mật)',
    roles: ['dic'],
    responses: { 200: { description: 'Mã thông báo', schema: z.array(S.TokenSchema) } },
  },
  createToken: {
    operationId: 'createToken',
    method: 'post',
    path: '/tokens',
    tag: 'Mã thông báo',
    summary: 'Tạo mã thông báo; mã bí mật chỉ hiện một lần',
    roles: ['dic'],
    body: { schema: S.TokenCreateRequestSchema, contentTypes: ['application/json'] },
    responses: { 201: { description: 'Mã mới', schema: S.TokenCreatedSchema } },
  },
  rotateToken: {
    operationId: 'rotateToken',
    method: 'post',
    path: '/tokens/{id}/rotate',
    tag: 'Mã thông báo',
    summary: 'Thay mã bí mật của một mã thông báo (cùng vai trò, đơn vị); mã cũ thôi hiệu lực ngay',
    roles: ['dic'],
    params: IdParam,
    body: { schema: S.TokenRotateRequestSchema, contentTypes: ['application/json'], raw: true },
    responses: { 201: { description: 'Mã mới', schema: S.TokenRotatedSchema } },
    problems: [409],
  },
  revokeToken: {
    operationId: 'revokeToken',
    method: 'delete',
    path: '/tokens/{id}',
    tag: 'Mã thông báo',
    summary: 'Thu hồi mã thông báo',
    roles: ['dic'],
    params: IdParam,
    responses: { 204: { description: 'Đã thu hồi' } },
    problems: [409],
  },
  audit: {
    operationId: 'listAudit',
    method: 'get',
    path: '/audit',
    tag: 'Nhật ký',
    summary: 'Nhật ký: ai làm gì, khi nào',
    roles: ['dic', 'auditor'],
    query: z.object({
      since: z.string().refine(ISO_TIME, fieldIssue('iso_time')).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    responses: { 200: { description: 'Nhật ký', schema: z.array(S.AuditEntrySchema) } },
  },
  // People, sessions and sign-in through the province's provider
  people: {
    operationId: 'listPeople',
    method: 'get',
    path: '/people',
    tag: 'Người dùng',
    summary: 'Người dùng và vai trò của họ theo thời gian',
    roles: ['dic', 'auditor'],
    responses: { 200: { description: 'Người dùng', schema: z.array(I.PersonSchema) } },
  },
  peopleCsv: {
    operationId: 'exportPeople',
    method: 'get',
    path: '/people.csv',
    tag: 'Người dùng',
    summary: 'Xuất danh sách người dùng dạng CSV',
    roles: ['dic', 'auditor'],
    responses: { 200: { description: 'CSV: login,name,role,unit,valid_from,valid_to', contentType: 'text/csv' } },
  },
  importPeople: {
    operationId: 'importPeople',
    method: 'put',
    path: '/people',
    tag: 'Người dùng',
    summary: 'Đăng ký người dùng từ CSV hoặc JSON (thêm hoặc kết thúc vai trò, tất cả hoặc không); ?dryRun=true chỉ xem trước',
    roles: ['dic'],
    query: z.object({ dryRun: z.stringbool().optional() }),
    body: { schema: I.PeopleImportRequestSchema, contentTypes: ['text/csv', 'application/json'], raw: true },
    responses: { 200: { description: 'Kết quả: người và vai trò thêm, sửa', schema: I.PeopleImportResultSchema } },
    problems: [409],
  },
  sessions: {
    operationId: 'listSessions',
    method: 'get',
    path: '/sessions',
    tag: 'Người dùng',
    summary: 'Ai đang đăng nhập',
    roles: ['dic'],
    responses: { 200: { description: 'Các phiên đang mở', schema: z.array(I.OpenSessionSchema) } },
  },
  endSession: {
    operationId: 'endSession',
    method: 'delete',
    path: '/sessions/{id}',
    tag: 'Người dùng',
    summary: 'Chấm dứt một phiên đăng nhập',
    roles: ['dic'],
    params: IdParam,
    responses: { 204: { description: 'Đã chấm dứt' } },
  },
  endPersonSessions: {
    operationId: 'endPersonSessions',
    method: 'delete',
    path: '/people/{id}/sessions',
    tag: 'Người dùng',
    summary: 'Chấm dứt mọi phiên đăng nhập của một người',
    roles: ['dic'],
    params: IdParam,
    responses: { 200: { description: 'Số phiên đã chấm dứt', schema: I.SessionsEndedSchema } },
  },
  signInConfig: {
    operationId: 'getSignInConfig',
    method: 'get',
    path: '/auth/config',
    tag: 'Đăng nhập',
    summary: 'Hệ thống có đăng nhập qua máy chủ xác thực của tỉnh không',
    roles: 'public',
    responses: { 200: { description: 'Cấu hình đăng nhập', schema: I.SignInConfigSchema } },
  },
  signIn: {
    operationId: 'signIn',
    method: 'get',
    path: '/auth/login',
    tag: 'Đăng nhập',
    summary: 'Chuyển đến máy chủ xác thực của tỉnh (OpenID Connect, mã ủy quyền với PKCE)',
    roles: 'public',
    responses: { 302: { description: 'Chuyển hướng đến máy chủ xác thực' } },
    problems: [404, 502],
  },
  signInCallback: {
    operationId: 'signInCallback',
    method: 'get',
    path: '/auth/callback',
    tag: 'Đăng nhập',
    summary: 'Máy chủ xác thực trả về: kiểm tra, rồi trao mã dùng một lần cho add-in',
    roles: 'public',
    query: z.object({ code: z.string().max(2048).optional(), state: z.string().max(256).optional(), error: z.string().max(256).optional(), error_description: z.string().max(1024).optional() }).loose(),
    responses: { 302: { description: 'Về trang đăng nhập của add-in với mã dùng một lần' } },
    problems: [401, 403, 404, 502],
  },
  signInExchange: {
    operationId: 'signInExchange',
    method: 'post',
    path: '/auth/exchange',
    tag: 'Đăng nhập',
    summary: 'Đổi mã dùng một lần lấy phiên đăng nhập (hết hạn cuối ngày làm việc)',
    roles: 'public',
    body: { schema: I.ExchangeRequestSchema, contentTypes: ['application/json'] },
    responses: { 200: { description: 'Phiên đăng nhập', schema: I.ExchangeResultSchema } },
    problems: [401, 403, 429],
  },
  signInMicrosoft365: {
    operationId: 'signInMicrosoft365',
    method: 'post',
    path: '/auth/naa',
    tag: 'Đăng nhập',
    summary: 'Đổi mã truy cập Microsoft 365 (Nested App Authentication trong Office) lấy phiên đăng nhập',
    roles: 'public',
    body: { schema: I.NaaExchangeRequestSchema, contentTypes: ['application/json'] },
    responses: { 200: { description: 'Phiên đăng nhập', schema: I.ExchangeResultSchema } },
    problems: [401, 403, 404, 429, 502],
  },
  switchMembership: {
    operationId: 'switchMembership',
    method: 'post',
    path: '/auth/switch',
    tag: 'Đăng nhập',
    summary: 'Chuyển phiên sang vai trò khác của cùng người (người làm cho hai đơn vị); phiên cũ kết thúc',
    roles: ['unit', 'dic', 'auditor'],
    body: { schema: I.SwitchRequestSchema, contentTypes: ['application/json'] },
    responses: { 200: { description: 'Phiên mới', schema: I.ExchangeResultSchema } },
  },
  myMemberships: {
    operationId: 'listMyMemberships',
    method: 'get',
    path: '/me/memberships',
    tag: 'Đăng nhập',
    summary: 'Các vai trò đang có hiệu lực của người đăng nhập',
    roles: ['unit', 'dic', 'auditor'],
    responses: { 200: { description: 'Vai trò', schema: z.array(I.MembershipSchema) } },
  },
  signOut: {
    operationId: 'signOut',
    method: 'post',
    path: '/auth/logout',
    tag: 'Đăng nhập',
    summary: 'Đăng xuất: kết thúc phiên đang dùng',
    roles: ['unit', 'dic', 'auditor'],
    responses: { 204: { description: 'Đã đăng xuất' } },
  },
});

export type ApiRoute = keyof typeof API;

/** What a route can answer besides its successes, from its definition and its own extra problems. */
export function problemStatuses(route: RouteSpec): number[] {
  const statuses = new Set<number>(route.problems ?? []);
  if (route.roles !== 'public') [401, 429].forEach((s) => statuses.add(s));
  if (route.roles !== 'public' && route.roles.length < 3) statuses.add(403);
  if (route.params) statuses.add(404);
  if (route.params || route.query || route.body) statuses.add(422);
  if (route.body) [413, 415].forEach((s) => statuses.add(s));
  if (route.body?.contentTypes.includes('application/json')) statuses.add(400);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

export { PROBLEM_MEDIA_TYPE };

/** The OpenAPI document of /api/v1, generated from the same zod schemas the worker and the add-in use. */
import { z } from 'zod';
import * as S from './schemas';
import { ENGINE_VERSION } from '../validation/version';
import { PROBLEM_MEDIA_TYPE, XLSX_MEDIA_TYPE } from './media';

type Method = 'get' | 'post' | 'put' | 'delete';

interface Route {
  method: Method;
  path: string;
  summary: string;
  roles: readonly S.Role[] | 'public';
  request?: { schema?: z.ZodType; contentTypes: string[] };
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description: string }[];
}

const XLSX = XLSX_MEDIA_TYPE;
/** The problems a route can answer; where a token is checked, repeated failed sign-ins can also be slowed (429). */
const problems = (...codes: number[]) =>
  Object.fromEntries(
    (codes.includes(401) ? [...codes, 429] : codes).map((c) => [c, { description: PROBLEM_TEXT[c] ?? 'Lỗi', schema: S.ProblemSchema, contentType: PROBLEM_MEDIA_TYPE }]),
  );
const PROBLEM_TEXT: Record<number, string> = {
  400: 'Yêu cầu không đọc được (JSON hỏng, tham số sai)',
  401: 'Thiếu hoặc sai mã thông báo',
  403: 'Vai trò hoặc đơn vị không được phép',
  404: 'Không tìm thấy',
  409: 'Xung đột (khóa Idempotency-Key đã dùng cho nội dung khác, hoặc đã có bản nộp mới hơn)',
  413: 'Nội dung quá 1 MB',
  422: 'Số liệu hoặc tham chiếu không hợp lệ; danh sách vấn đề kèm theo',
  429: 'Đăng nhập sai quá nhiều lần từ một địa chỉ; thử lại sau số giây ở tiêu đề Retry-After',
};

export const ROUTES: readonly Route[] = [
  { method: 'get', path: '/health', summary: 'Tình trạng máy chủ', roles: 'public', responses: { 200: { description: 'Hoạt động', schema: S.HealthSchema } } },
  { method: 'get', path: '/openapi.json', summary: 'Tài liệu OpenAPI này', roles: 'public', responses: { 200: { description: 'OpenAPI 3.1' } } },
  { method: 'get', path: '/me', summary: 'Người dùng của mã thông báo: vai trò, đơn vị', roles: ['unit', 'dic', 'auditor'], responses: { 200: { description: 'Vai trò và đơn vị', schema: S.MeSchema }, ...problems(401) } },
  { method: 'get', path: '/templates', summary: 'Danh mục mẫu báo cáo', roles: 'public', responses: { 200: { description: 'Các mẫu', schema: z.array(S.TemplateSummarySchema) } } },
  { method: 'get', path: '/templates/{id}', summary: 'Định nghĩa đầy đủ của một mẫu', roles: 'public', parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã mẫu, ví dụ BM03' }], responses: { 200: { description: 'Định nghĩa mẫu' }, ...problems(404) } },
  {
    method: 'get',
    path: '/templates/{id}.xlsx',
    summary: 'Bảng tính mẫu trống, đã định dạng',
    roles: 'public',
    parameters: [
      { name: 'id', in: 'path', required: true, description: 'Mã mẫu' },
      { name: 'unit', in: 'query', description: 'Mã đơn vị ghi vào bảng tính' },
      { name: 'period', in: 'query', description: 'Kỳ báo cáo, ví dụ 2024-H1' },
      { name: 'lang', in: 'query', description: 'vi (mặc định) hoặc en' },
    ],
    responses: { 200: { description: 'Tệp .xlsx', contentType: XLSX }, ...problems(404, 422) },
  },
  { method: 'get', path: '/units', summary: 'Danh mục đơn vị (lọc theo kỳ với ?period=)', roles: ['unit', 'dic', 'auditor'], parameters: [{ name: 'period', in: 'query', description: 'Chỉ các đơn vị có hiệu lực trong kỳ' }], responses: { 200: { description: 'Đơn vị', schema: z.array(S.UnitSchema) }, ...problems(401, 422) } },
  { method: 'get', path: '/units.csv', summary: 'Xuất danh mục đơn vị dạng CSV', roles: ['dic', 'auditor'], responses: { 200: { description: 'CSV: code,name,kind,parent,coordinator,valid_from,valid_to', contentType: 'text/csv' }, ...problems(401, 403) } },
  { method: 'put', path: '/units', summary: 'Nhập danh mục đơn vị từ CSV (thêm hoặc cập nhật, tất cả hoặc không)', roles: ['dic'], request: { contentTypes: ['text/csv'] }, responses: { 200: { description: 'Kết quả nhập', schema: S.UnitImportResultSchema }, ...problems(400, 401, 403, 413, 422) } },
  {
    method: 'post',
    path: '/submissions',
    summary: 'Nộp báo cáo: JSON theo TEMPLATES.md hoặc tệp .xlsx đã điền',
    roles: ['unit', 'dic'],
    parameters: [{ name: 'Idempotency-Key', in: 'header', description: 'Gửi lại với cùng khóa trả về cùng lần nộp' }],
    request: { schema: S.SubmissionSchema, contentTypes: ['application/json', XLSX] },
    responses: { 201: { description: 'Đã nhận: biên nhận', schema: S.ReceiptSchema }, 200: { description: 'Gửi lại với cùng Idempotency-Key: biên nhận cũ', schema: S.ReceiptSchema }, ...problems(400, 401, 403, 409, 413, 422) },
  },
  {
    method: 'get',
    path: '/submissions',
    summary: 'Các báo cáo đã nộp (đơn vị chỉ thấy của mình)',
    roles: ['unit', 'dic', 'auditor'],
    parameters: [
      { name: 'unit', in: 'query', description: 'Mã đơn vị' },
      { name: 'template', in: 'query', description: 'Mã mẫu' },
      { name: 'period', in: 'query', description: 'Kỳ báo cáo' },
    ],
    responses: { 200: { description: 'Danh sách', schema: z.array(S.SubmissionSummarySchema) }, ...problems(401, 403, 422) },
  },
  { method: 'get', path: '/submissions/{id}', summary: 'Một báo cáo và mọi lần nộp của nó', roles: ['unit', 'dic', 'auditor'], parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã báo cáo' }], responses: { 200: { description: 'Báo cáo', schema: S.SubmissionDetailSchema }, ...problems(401, 403, 404) } },
  {
    method: 'get',
    path: '/submissions/{id}/revisions/{revision}',
    summary: 'Nội dung đầy đủ của một lần nộp',
    roles: ['unit', 'dic', 'auditor'],
    parameters: [
      { name: 'id', in: 'path', required: true, description: 'Mã báo cáo' },
      { name: 'revision', in: 'path', required: true, description: 'Số lần nộp' },
    ],
    responses: { 200: { description: 'Lần nộp', schema: S.RevisionDetailSchema }, ...problems(401, 403, 404) },
  },
  { method: 'post', path: '/submissions/{id}/review', summary: 'Duyệt hoặc trả lại lần nộp mới nhất', roles: ['dic'], parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã báo cáo' }], request: { schema: S.ReviewRequestSchema, contentTypes: ['application/json'] }, responses: { 201: { description: 'Đã ghi ý kiến', schema: S.ReviewSchema }, ...problems(400, 401, 403, 404, 409, 422) } },
  {
    method: 'get',
    path: '/consolidations/{template}/{period}',
    summary: 'Bảng tổng hợp của tỉnh cho một mẫu và kỳ, kèm tình hình nộp',
    roles: ['dic', 'auditor'],
    parameters: [
      { name: 'template', in: 'path', required: true, description: 'Mã mẫu' },
      { name: 'period', in: 'path', required: true, description: 'Kỳ báo cáo' },
    ],
    responses: { 200: { description: 'Tổng hợp', schema: S.ConsolidationSchema }, ...problems(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/consolidations/{period}',
    summary: 'Tổng hợp mọi mẫu của một kỳ (JSON)',
    roles: ['dic', 'auditor'],
    parameters: [{ name: 'period', in: 'path', required: true, description: 'Kỳ báo cáo' }],
    responses: { 200: { description: 'Tổng hợp các mẫu', schema: S.PeriodConsolidationSchema }, ...problems(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/consolidations/{period}.xlsx',
    summary: 'Bảng tính tổng hợp của tỉnh: tổng hợp, một trang mỗi mẫu, tình hình nộp, cảnh báo',
    roles: ['dic', 'auditor'],
    parameters: [
      { name: 'period', in: 'path', required: true, description: 'Kỳ báo cáo' },
      { name: 'lang', in: 'query', description: 'vi (mặc định) hoặc en' },
    ],
    responses: { 200: { description: 'Tệp .xlsx', contentType: XLSX }, ...problems(401, 403, 404) },
  },
  { method: 'get', path: '/periods/{period}/status', summary: 'Tình hình nộp mọi mẫu của một kỳ', roles: ['dic', 'auditor'], parameters: [{ name: 'period', in: 'path', required: true, description: 'Kỳ báo cáo' }], responses: { 200: { description: 'Tình hình nộp', schema: S.PeriodStatusSchema }, ...problems(401, 403, 404) } },
  { method: 'get', path: '/tokens', summary: 'Các mã thông báo (không có mã bí mật)', roles: ['dic'], responses: { 200: { description: 'Mã thông báo', schema: z.array(S.TokenSchema) }, ...problems(401, 403) } },
  { method: 'post', path: '/tokens', summary: 'Tạo mã thông báo; mã bí mật chỉ hiện một lần', roles: ['dic'], request: { schema: S.TokenCreateRequestSchema, contentTypes: ['application/json'] }, responses: { 201: { description: 'Mã mới', schema: S.TokenCreatedSchema }, ...problems(400, 401, 403, 422) } },
  {
    method: 'post',
    path: '/tokens/{id}/rotate',
    summary: 'Thay mã bí mật của một mã thông báo (cùng vai trò, đơn vị); mã cũ thôi hiệu lực ngay',
    roles: ['dic'],
    parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã định danh của mã thông báo' }],
    request: { schema: S.TokenRotateRequestSchema, contentTypes: ['application/json'] },
    responses: { 201: { description: 'Mã mới', schema: S.TokenRotatedSchema }, ...problems(401, 403, 404, 409, 422) },
  },
  { method: 'delete', path: '/tokens/{id}', summary: 'Thu hồi mã thông báo', roles: ['dic'], parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã định danh của mã thông báo' }], responses: { 204: { description: 'Đã thu hồi' }, ...problems(401, 403, 404) } },
  { method: 'get', path: '/audit', summary: 'Nhật ký: ai làm gì, khi nào', roles: ['dic', 'auditor'], parameters: [{ name: 'since', in: 'query', description: 'Từ thời điểm (ISO)' }, { name: 'limit', in: 'query', description: 'Tối đa 1000' }], responses: { 200: { description: 'Nhật ký', schema: z.array(S.AuditEntrySchema) }, ...problems(401, 403, 422) } },
];

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' });
}

export function openApiDocument(serverUrl = '/api/v1'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema) } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}),
      };
    }
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      'x-roles': route.roles,
      ...(route.roles === 'public' ? { security: [] } : {}),
      ...(route.parameters ? { parameters: route.parameters.map((p) => ({ ...p, schema: { type: 'string' } })) } : {}),
      ...(route.request
        ? { requestBody: { required: true, content: Object.fromEntries(route.request.contentTypes.map((t) => [t, t === 'application/json' && route.request!.schema ? { schema: jsonSchema(route.request!.schema) } : {}])) } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'chitieu API',
      version: ENGINE_VERSION,
      description:
        'Thu thập, kiểm tra và tổng hợp báo cáo chỉ tiêu chuyển đổi số. Xác thực bằng mã thông báo: `Authorization: Bearer <mã>`. Lỗi trả về dạng application/problem+json.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

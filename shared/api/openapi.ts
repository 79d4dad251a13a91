/** The OpenAPI document of /api/v1, generated from the route definitions (routes.ts) and their zod schemas. */
import { z } from 'zod';
import { ENGINE_VERSION } from '../validation/version';
import { PROBLEM_MEDIA_TYPE } from './media';
import { API, problemStatuses, type RouteSpec } from './routes';
import { ProblemSchema } from './schemas';

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Yêu cầu không đọc được (JSON hỏng, tham số sai)',
  401: 'Thiếu, sai hoặc hết hạn mã thông báo',
  403: 'Vai trò hoặc đơn vị không được phép',
  404: 'Không tìm thấy',
  409: 'Xung đột (khóa Idempotency-Key đã dùng cho nội dung khác, đã có bản nộp mới hơn, nộp cùng lúc)',
  413: 'Nội dung quá 1 MB',
  415: 'Loại nội dung không nhận',
  422: 'Tham số, dữ liệu hoặc báo cáo không hợp lệ; danh sách vấn đề kèm theo',
  429: 'Đăng nhập sai quá nhiều lần từ một địa chỉ; thử lại sau số giây ở tiêu đề Retry-After',
  500: 'Lỗi máy chủ; số liệu đã lưu không bị ảnh hưởng',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): unknown {
  return z.toJSONSchema(schema, { unrepresentable: 'any', io });
}

function parameters(route: RouteSpec): unknown[] {
  const list: unknown[] = [];
  const add = (where: 'path' | 'query', shape: z.ZodObject | undefined) => {
    for (const [name, schema] of Object.entries(shape?.shape ?? {})) {
      list.push({ name, in: where, required: where === 'path' || !(schema as z.ZodType).safeParse(undefined).success, schema: jsonSchema(schema as z.ZodType, 'input') });
    }
  };
  add('path', route.params);
  add('query', route.query);
  for (const h of route.headers ?? []) list.push({ name: h.name, in: 'header', description: h.description, schema: { type: 'string' } });
  return list;
}

export function openApiDocument(serverUrl = '/api/v1'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(API) as RouteSpec[]) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema) } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}),
      };
    }
    for (const status of problemStatuses(route)) {
      responses[status] = { description: PROBLEM_TEXT[status] ?? 'Lỗi', content: { [PROBLEM_MEDIA_TYPE]: { schema: jsonSchema(ProblemSchema) } } };
    }
    const params = parameters(route);
    (paths[route.path] ??= {})[route.method] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      'x-roles': route.roles,
      ...(route.roles === 'public' ? { security: [] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(route.body.contentTypes.map((t) => [t, t === 'application/json' && route.body!.schema ? { schema: jsonSchema(route.body!.schema, 'input') } : {}])),
            },
          }
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
    tags: [...new Set((Object.values(API) as RouteSpec[]).map((r) => r.tag))].map((name) => ({ name })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

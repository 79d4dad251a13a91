/**
 * The OpenAPI document of /api/v1, generated from the route definitions (routes.ts) and their zod
 * schemas. Every named schema is written once, under #/components/schemas, and referenced (`$ref`)
 * wherever it is used; a schema whose input differs from its output (defaults, transforms) also has
 * an `…Input` component for request bodies. Problem answers are shared #/components/responses.
 */
import { z } from 'zod';
import * as consolidation from '../consolidation/schema';
import * as templates from '../templates/schema';
import { ENGINE_VERSION } from '../validation/version';
import { PROBLEM_MEDIA_TYPE } from './media';
import { API, problemStatuses, type RouteSpec } from './routes';
import * as schemas from './schemas';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

/** Each problem status as a shared response: its component name and what it means. */
const PROBLEM_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Yêu cầu không đọc được (JSON hỏng, tham số sai)' },
  401: { name: 'Unauthorized', description: 'Thiếu, sai hoặc hết hạn mã thông báo' },
  403: { name: 'Forbidden', description: 'Vai trò hoặc đơn vị không được phép' },
  404: { name: 'NotFound', description: 'Không tìm thấy' },
  409: { name: 'Conflict', description: 'Xung đột (khóa Idempotency-Key đã dùng cho nội dung khác, đã có bản nộp mới hơn, nộp cùng lúc)' },
  413: { name: 'PayloadTooLarge', description: 'Nội dung quá 1 MB' },
  415: { name: 'UnsupportedMediaType', description: 'Loại nội dung không nhận' },
  422: { name: 'Unprocessable', description: 'Tham số, dữ liệu hoặc báo cáo không hợp lệ; danh sách vấn đề kèm theo' },
  429: { name: 'TooManyRequests', description: 'Đăng nhập sai quá nhiều lần từ một địa chỉ; thử lại sau số giây ở tiêu đề Retry-After' },
  500: { name: 'InternalError', description: 'Lỗi máy chủ; số liệu đã lưu không bị ảnh hưởng' },
};

/** Every zod schema exported as `…Schema` from these modules is a named component (`ReceiptSchema` → `Receipt`). */
function namedSchemas(): Map<z.ZodType, string> {
  const named = new Map<z.ZodType, string>();
  for (const module of [templates, consolidation, schemas] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(module)) {
      // The API's own names win over a same-named schema of another module (its ConsolidationSchema).
      if (name.endsWith('Schema') && value instanceof z.ZodType) named.set(value, name.slice(0, -'Schema'.length));
    }
  }
  const seen = new Map<string, z.ZodType>();
  for (const [schema, name] of [...named].reverse()) {
    if (seen.has(name)) named.delete(schema);
    else seen.set(name, schema);
  }
  return named;
}

/** What each group of routes is for (the tags of routes.ts). */
const TAG_DESCRIPTIONS: Record<string, string> = {
  'Hệ thống': 'Tình trạng máy chủ và tài liệu này',
  'Đăng nhập': 'Mã thông báo hoặc phiên đang dùng: vai trò, đơn vị, cơ quan thường trực hôm nay; đăng nhập qua máy chủ xác thực của tỉnh (OpenID Connect), đăng xuất',
  'Mẫu báo cáo': 'Các mẫu, kỳ báo cáo, đơn vị lập và tệp mẫu .xlsx',
  'Danh mục đơn vị': 'Danh mục đơn vị theo thời gian: xem, xuất CSV, nhập, rút lại bản ghi',
  'Báo cáo': 'Nộp, xem, so sánh và duyệt báo cáo của đơn vị',
  'Tổng hợp': 'Số liệu toàn tỉnh, tình hình nộp, sổ tổng hợp .xlsx và dự thảo báo cáo .docx',
  'Mã thông báo': 'Cấp, xem, đổi và thu hồi mã thông báo',
  'Nhật ký': 'Nhật ký thay đổi',
  // Closing a period
  'Chốt số liệu': 'Chốt số liệu kỳ khi gửi báo cáo lên cấp trên, mở lại có lý do, các lần chốt và thay đổi giữa chúng',
  // People, sessions and sign-in
  'Người dùng': 'Người dùng và vai trò theo thời gian (nhập CSV hoặc JSON), ai đang đăng nhập, chấm dứt phiên',
};

const REF = '#/components/schemas/';

/**
 * Plainer forms of what zod writes, for readers that do not follow every JSON Schema keyword: a record
 * keyed by an enum (`propertyNames` and `required`) as its properties, and a nullable "anything" as anything.
 */
function plainer(schema: Json): Json {
  const { propertyNames, additionalProperties, required, properties, anyOf } = schema;
  if (propertyNames && Array.isArray(required) && additionalProperties && typeof additionalProperties === 'object' && !properties) {
    const { propertyNames: _, ...rest } = schema;
    return { ...rest, properties: Object.fromEntries((required as string[]).map((k) => [k, additionalProperties])), additionalProperties: false };
  }
  if (Array.isArray(anyOf) && anyOf.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0)) {
    const { anyOf: _, ...rest } = schema;
    return rest;
  }
  return schema;
}

/** Rewrites every `$ref` in a generated schema, drops what only a standalone schema carries, and words it plainer. */
function relink(value: unknown, ref: (target: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => relink(v, ref));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$schema' || k === '$id' || k === '$defs') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? ref(v) : relink(v, ref);
  }
  return plainer(out);
}

/** The components of both directions, and how a schema is referenced in each. */
class Components {
  readonly registry = z.registry<{ id: string }>();
  /** Every component that could be referenced; the document carries those it does reference. */
  private readonly all: Record<string, unknown> = {};
  /** Names whose input form differs from the output one: they have an `…Input` component. */
  private readonly split = new Set<string>();

  constructor(private readonly named: Map<z.ZodType, string>) {
    for (const [schema, id] of named) this.registry.add(schema, { id });
    const generate = (io: Io) =>
      (z.toJSONSchema(this.registry, { io, unrepresentable: 'any', uri: (id) => `${REF}${id}` }) as { schemas: Record<string, unknown> }).schemas;
    const output = generate('output');
    const input = generate('input');
    const refsOf = (schema: unknown) => [...JSON.stringify(schema).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const id of Object.keys(output)) if (JSON.stringify(output[id]) !== JSON.stringify(input[id])) this.split.add(id);
    // A schema that refers to one with an input form needs an input form of its own.
    for (let grew = true; grew; ) {
      grew = false;
      for (const id of Object.keys(input)) {
        if (!this.split.has(id) && refsOf(input[id]).some((r) => this.split.has(r))) {
          this.split.add(id);
          grew = true;
        }
      }
    }
    for (const id of Object.keys(output)) this.all[id] = relink(output[id], (r) => r);
    for (const id of this.split) this.all[`${id}Input`] = relink(input[id], (r) => this.refTo(r.slice(REF.length), 'input'));
  }

  /** The components `document` refers to, directly or through one another, in a stable order. */
  referencedFrom(document: unknown): Record<string, unknown> {
    const found = new Set<string>();
    const visit = (value: unknown) => {
      for (const m of JSON.stringify(value).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
        if (found.has(m[1]!)) continue;
        found.add(m[1]!);
        visit(this.all[m[1]!]);
      }
    };
    visit(document);
    return Object.fromEntries(Object.keys(this.all).filter((id) => found.has(id)).sort().map((id) => [id, this.all[id]]));
  }

  private refTo(id: string, io: Io): string {
    return `${REF}${io === 'input' && this.split.has(id) ? `${id}Input` : id}`;
  }

  /** A schema where it is used: a `$ref` when it is named, else written out with `$ref`s to the named ones inside. */
  use(schema: z.ZodType, io: Io): unknown {
    const id = this.named.get(schema);
    if (id) return { $ref: this.refTo(id, io) };
    const standalone = z.toJSONSchema(schema, { io, unrepresentable: 'any', metadata: this.registry });
    return relink(standalone, (r) => this.refTo(decodeURIComponent(r.replace(/^#\/\$defs\//, '')), io));
  }
}

function parameters(route: RouteSpec, components: Components): unknown[] {
  const list: unknown[] = [];
  const add = (where: 'path' | 'query', shape: z.ZodObject | undefined) => {
    for (const [name, schema] of Object.entries(shape?.shape ?? {})) {
      list.push({ name, in: where, required: where === 'path' || !(schema as z.ZodType).safeParse(undefined).success, schema: components.use(schema as z.ZodType, 'input') });
    }
  };
  add('path', route.params);
  add('query', route.query);
  for (const h of route.headers ?? []) list.push({ name: h.name, in: 'header', description: h.description, schema: { type: 'string' } });
  return list;
}

/** The document less its server, made once: it follows from the code alone, and is never changed once made. */
let made: Record<string, unknown> | null = null;

export function openApiDocument(serverUrl = '/api/v1'): Record<string, unknown> {
  made ??= Object.freeze(makeDocument());
  const { info, ...rest } = made;
  return { openapi: '3.1.0', info, servers: [{ url: serverUrl }], ...rest };
}

function makeDocument(): Record<string, unknown> {
  const components = new Components(namedSchemas());
  const problemResponses: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(API) as RouteSpec[]) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: components.use(r.schema, 'output') } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}),
      };
    }
    for (const status of problemStatuses(route)) {
      const problem = PROBLEM_RESPONSES[status] ?? { name: `Problem${status}`, description: 'Lỗi' };
      problemResponses[problem.name] ??= { description: problem.description, content: { [PROBLEM_MEDIA_TYPE]: { schema: components.use(schemas.ProblemSchema, 'output') } } };
      responses[status] = { $ref: `#/components/responses/${problem.name}` };
    }
    const params = parameters(route, components);
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
              content: Object.fromEntries(route.body.contentTypes.map((t) => [t, t === 'application/json' && route.body!.schema ? { schema: components.use(route.body!.schema, 'input') } : {}])),
            },
          }
        : {}),
      responses,
    };
  }
  return {
    info: {
      title: 'chitieu API',
      version: ENGINE_VERSION,
      description:
        'Thu thập, kiểm tra và tổng hợp báo cáo chỉ tiêu chuyển đổi số. Xác thực bằng mã thông báo: `Authorization: Bearer <mã>`. Lỗi trả về dạng application/problem+json.',
    },
    tags: [...new Set((Object.values(API) as RouteSpec[]).map((r) => r.tag))].map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) })),
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, responses: problemResponses, schemas: components.referencedFrom([paths, problemResponses]) },
  };
}

/** Reading request bodies: a size limit, JSON that names its syntax error, and zod checks as problems. */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/media';
import type { AppEnv } from '../env';
import { fail } from './problem';


export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => fail('too-large', 'Nội dung gửi lên vượt quá 1 MB.', 'The request body exceeds 1 MB.'),
});

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail('malformed-json', `Nội dung không phải JSON hợp lệ: ${(e as Error).message}.`, `The body is not valid JSON: ${(e as Error).message}.`);
  }
}

export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    fail('unsupported-media-type', 'Nội dung phải là JSON (Content-Type: application/json).', 'The body must be JSON (Content-Type: application/json).');
  }
  return parseJsonText(await c.req.text());
}

/** Checks a value against a schema; every problem is listed with its field path. */
export function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.join('.') || '(gốc)', message: i.message }));
  const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  fail('invalid', `Dữ liệu không đúng định dạng: ${list}.`, `The data does not have the expected shape: ${list}.`, { problems });
}

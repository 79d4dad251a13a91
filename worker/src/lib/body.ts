/** Reading request bodies: a size limit, JSON that names its syntax error, and zod checks as problems. */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/media';
import type { Lang } from '../../../shared/i18n';
import { problemLine, zodErrors } from '../../../shared/problems';
import type { AppEnv } from '../env';
import { fail } from './problem';

export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => fail('body_too_large', { limit: MAX_UPLOAD_BYTES }),
});

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail('malformed_json', { reason: (e as Error).message });
  }
}

export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) fail('json_required');
  return parseJsonText(await c.req.text());
}

/** Checks a value against a schema; every problem is listed with its field path, in the caller's language. */
export function check<S extends z.ZodType>(schema: S, value: unknown, lang: Lang): z.output<S> {
  const result = schema.safeParse(value, { error: zodErrors(lang) });
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.join('.') || '', message: i.message }));
  const list = problems.map((p) => problemLine(lang, undefined, p.field || undefined, p.message)).join('; ');
  fail('invalid_data', { list }, { problems });
}

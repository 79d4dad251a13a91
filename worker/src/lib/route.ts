/**
 * Registers a handler against its route definition (shared/api/routes.ts): the definition's path,
 * with its parameters as typed patterns; sign-in and roles for that route only; Hono's validator
 * with the definition's schemas for parameters, query and body. The handler gets the checked input.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import type { RouteSpec } from '../../../shared/api/routes';
import { allow, authenticate, deferredSignIn } from '../auth';
import type { AppEnv } from '../env';
import { check, limitBody, readJson } from './body';

type Out<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;

export interface Input<R extends RouteSpec> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: R['body'] extends { raw: true } ? undefined : R['body'] extends { schema: infer S } ? Out<S> : undefined;
}

const PARAM = /\{(\w+)\}([^/]*)/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/consolidations/{period}.xlsx` → `/consolidations/:period{[^/]+\.xlsx}`; a parameter alone in its segment holds no dot. */
export function honoPath(path: string): string {
  return path.replace(PARAM, (_whole, name: string, suffix: string) => (suffix ? `:${name}{[^/]+${escape(suffix)}}` : `:${name}{[^/.]+}`));
}

/** The literal text after each parameter in its segment (`.xlsx`), which the value Hono gives still carries. */
function suffixes(path: string): Map<string, string> {
  return new Map([...path.matchAll(PARAM)].filter((m) => m[2]).map((m) => [m[1]!, m[2]!]));
}

/** A JSON body as the API takes it: the media type first (415), then JSON that names its syntax error (400). */
const jsonOnly: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await readJson(_c);
  await next();
};

/**
 * `signIn: 'with-first-batch'`: the bearer is read in the handler's first D1 batch (`signedInBatch`,
 * auth.ts) instead of a round trip of its own; refusals keep their order.
 */
export function route<R extends RouteSpec>(
  app: Hono<AppEnv>,
  spec: R,
  handler: (c: Context<AppEnv>, input: Input<R>) => Response | Promise<Response>,
  options: { signIn?: 'with-first-batch' } = {},
): void {
  const steps: MiddlewareHandler<AppEnv>[] = [];
  if (spec.roles !== 'public') steps.push(...(options.signIn === 'with-first-batch' ? [deferredSignIn(...spec.roles)] : [authenticate, allow(...spec.roles)]));
  if (spec.body) steps.push(limitBody);
  const params = spec.params;
  if (params) {
    const trailing = suffixes(spec.path);
    steps.push(
      validator('param', (value: Record<string, string>, c) => {
        const plain = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trailing.has(k) ? v.slice(0, -trailing.get(k)!.length) : v]));
        return check(params, plain, c.get('lang'));
      }) as MiddlewareHandler<AppEnv>,
    );
  }
  const query = spec.query;
  if (query) steps.push(validator('query', (value, c) => check(query, value, c.get('lang'))) as MiddlewareHandler<AppEnv>);
  const body = spec.body;
  if (body && !body.raw && body.schema) {
    const schema = body.schema;
    steps.push(jsonOnly, validator('json', (value, c) => check(schema, value, c.get('lang'))) as MiddlewareHandler<AppEnv>);
  }
  app.on([spec.method.toUpperCase()], [honoPath(spec.path)], ...steps, (c: Context<AppEnv>) => {
    const valid = c.req.valid.bind(c.req) as (target: string) => unknown;
    return handler(c, {
      params: params ? valid('param') : {},
      query: query ? valid('query') : {},
      body: body && !body.raw ? valid('json') : undefined,
    } as Input<R>);
  });
}

/**
 * What time it is for a request. `FIXED_NOW` (an ISO instant) stops the clock for tests; where the
 * deployment turns the training clock on (`TRAINING_CLOCK = "on"`, set by `npm start` only), a
 * request may say which day it is in the `Chitieu-Today` header (shared/api/training-clock.ts).
 * The instant is taken once per request, so everything one request stamps agrees.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { TRAINING_CLOCK_HEADER, trainingInstant } from '../../../shared/api/training-clock';
import { vietnamDay } from '../../../shared/periods';
import type { AppEnv, Env } from '../env';
import { fail } from './problem';

function envNow(env: Pick<Env, 'FIXED_NOW'>): Date {
  if (env.FIXED_NOW) {
    const fixed = new Date(env.FIXED_NOW);
    if (!Number.isNaN(fixed.getTime())) return fixed;
  }
  return new Date();
}

/** The request's instant; given the bindings alone (no request), the deployment's own clock. */
export function now(source: Context<AppEnv> | Pick<Env, 'FIXED_NOW'>): Date {
  if ('req' in source) return source.get('now') ?? envNow(source.env);
  return envNow(source);
}

export function trainingClockOn(env: Pick<Env, 'TRAINING_CLOCK'>): boolean {
  return env.TRAINING_CLOCK === 'on';
}

/**
 * Sets the request's instant; a training header that is not a day or an instant is a 422 naming it.
 * A followed header is answered with the day taken (`Chitieu-Today: 2025-06-10`).
 */
export const requestClock: MiddlewareHandler<AppEnv> = async (c, next) => {
  const real = envNow(c.env);
  const header = trainingClockOn(c.env) ? c.req.header(TRAINING_CLOCK_HEADER) : undefined;
  if (header === undefined) {
    c.set('now', real);
    return next();
  }
  const at = trainingInstant(header, real) ?? fail('training_clock_invalid', { header: TRAINING_CLOCK_HEADER, value: header.slice(0, 40) });
  c.set('now', at);
  await next();
  // The answer says which day it was given as, so a training page can tell that the clock was followed.
  c.res.headers.set(TRAINING_CLOCK_HEADER, vietnamDay(at));
};

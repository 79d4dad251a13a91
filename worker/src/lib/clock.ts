/**
 * What time it is for the worker. `FIXED_NOW` (an ISO instant) stops the clock for tests and
 * training demos, so "a period that has not begun" or "a token that has expired" can be shown on
 * any date; a deployment leaves it unset.
 */
import type { Env } from '../env';

export function now(env: Pick<Env, 'FIXED_NOW'>): Date {
  if (env.FIXED_NOW) {
    const fixed = new Date(env.FIXED_NOW);
    if (!Number.isNaN(fixed.getTime())) return fixed;
  }
  return new Date();
}

/**
 * Every sign-in started without a bearer (the provider's login, the Microsoft 365 exchange) counts
 * against the caller's address, whether it ends well or not: each one writes a pending sign-in or
 * asks the provider for keys, so an address starting them without end is slowed with a 429. The
 * address is the one the edge gives (`signInBucket`), never a header the client chose.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { signInBucket } from './client-address';
import { fail } from './problem';

/** Seconds a client waits: the limiter's period (wrangler.toml). */
export const SIGN_IN_START_RETRY_SECONDS = 60;

export async function countSignInStart(c: Context<AppEnv>): Promise<void> {
  const limiter = c.env.SIGN_IN_START_LIMITER;
  if (!limiter) return;
  const { success } = await limiter.limit({ key: signInBucket(c.req.raw) });
  if (!success) fail('sign_in_starts_limited', { seconds: SIGN_IN_START_RETRY_SECONDS }, { retryAfter: SIGN_IN_START_RETRY_SECONDS });
}

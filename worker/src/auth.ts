/** Bearer-token authentication and role checks. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/api/schemas';
import { isExpired } from '../../shared/api/token-lifetime';
import { vietnamDay } from '../../shared/periods';
import { findTokenByHash, touchToken } from './db/tokens';
import type { AppEnv } from './env';
import { now } from './lib/clock';
import { sha256Hex } from './lib/crypto';
import { fail } from './lib/problem';
import { PROBLEM_WORDS, type ProblemCode, type ProblemParams } from '../../shared/problems';

/** Seconds a client waits after too many failed sign-ins (the limiter's period, wrangler.toml). */
const SIGN_IN_RETRY_SECONDS = 60;

/**
 * A failed sign-in counts against the caller's address; past the limit the answer is 429, which
 * slows anyone guessing tokens. Successful requests are never counted: a commune office's clerks
 * share one address.
 */
async function refuse(c: Context<AppEnv>, code: ProblemCode, params?: ProblemParams): Promise<never> {
  const limiter = c.env.SIGN_IN_LIMITER;
  if (limiter) {
    const key = c.req.header('cf-connecting-ip') ?? 'unknown';
    const { success } = await limiter.limit({ key });
    if (!success) fail('sign_ins_limited', { seconds: SIGN_IN_RETRY_SECONDS }, { retryAfter: SIGN_IN_RETRY_SECONDS });
  }
  fail(code, params);
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) fail('token_missing');
  const token = await findTokenByHash(c.env.DB, await sha256Hex(match[1]!));
  if (!token) return refuse(c, 'token_unknown');
  if (token.revokedAt) return refuse(c, 'token_revoked');
  const at = now(c);
  if (isExpired(token.expiresAt, vietnamDay(at))) return refuse(c, 'token_expired', { date: token.expiresAt! });
  c.set('principal', { tokenId: token.id, role: token.role, unit: token.unit, label: token.label });
  c.executionCtx.waitUntil(touchToken(c.env.DB, token.id, token.lastUsedAt, at).catch(() => undefined));
  await next();
};

export function allow(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role)) {
      const names = PROBLEM_WORDS[c.get('lang')].roles;
      fail('role_forbidden', { role: names[role] ?? role, needed: roles.map((r) => names[r] ?? r).join(', ') });
    }
    await next();
  };
}

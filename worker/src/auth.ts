/**
 * Bearer authentication and role checks. A bearer is a token for scripts (`ctk_…`) or a session of a
 * person signed in through the province's provider (`cts_…`); either way the principal is resolved
 * at every request, with the membership in force today where a person stands behind it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/api/schemas';
import { isExpired } from '../../shared/api/token-lifetime';
import { vietnamDay } from '../../shared/periods';
import { findTokenByHash, touchToken } from './db/tokens';
import { membershipFor, personName } from './db/people';
import { findSessionByHash, touchSession } from './db/sessions';
import type { AppEnv, Principal } from './env';
import { signInBucket } from './lib/client-address';
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
    const { success } = await limiter.limit({ key: signInBucket(c.req.raw) });
    if (!success) fail('sign_ins_limited', { seconds: SIGN_IN_RETRY_SECONDS }, { retryAfter: SIGN_IN_RETRY_SECONDS });
  }
  fail(code, params);
}

/** The session prefix: a bearer starting so is looked up among sessions, any other among tokens. */
export const SESSION_PREFIX = 'cts_';

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) fail('token_missing');
  const secret = match[1]!;
  const hash = await sha256Hex(secret);
  c.set('principal', secret.startsWith(SESSION_PREFIX) ? await sessionPrincipal(c, hash) : await tokenPrincipal(c, hash));
  await next();
};

function refuseEndedMembership(c: Context<AppEnv>, person: string, role: Role, unit: string | null): never {
  fail('membership_ended', { person, role: PROBLEM_WORDS[c.get('lang')].roles[role] ?? role, unit: unit ?? '' });
}

/**
 * Sessions and memberships follow the deployment's clock, never the training clock a request may
 * set (`Chitieu-Today`): a made-up day neither revives an ended membership nor ends a session.
 */
async function sessionPrincipal(c: Context<AppEnv>, hash: string): Promise<Principal> {
  const session = await findSessionByHash(c.env.DB, hash);
  if (!session) return refuse(c, 'token_unknown');
  if (session.endedAt) fail('session_ended');
  const at = now(c.env);
  if (Date.parse(session.expiresAt) <= at.getTime()) fail('session_expired');
  const today = vietnamDay(at);
  if (!(session.validFrom <= today && (session.validTo === null || session.validTo >= today))) refuseEndedMembership(c, session.personName, session.role, session.unit);
  c.executionCtx.waitUntil(touchSession(c.env.DB, session.id, session.lastSeenAt, at).catch(() => undefined));
  return { tokenId: session.id, role: session.role, unit: session.unit, label: session.personName, personId: session.personId, membershipId: session.membershipId };
}

async function tokenPrincipal(c: Context<AppEnv>, hash: string): Promise<Principal> {
  const token = await findTokenByHash(c.env.DB, hash);
  if (!token) return refuse(c, 'token_unknown');
  if (token.revokedAt) return refuse(c, 'token_revoked');
  const at = now(c.env);
  const today = vietnamDay(at);
  if (isExpired(token.expiresAt, today)) return refuse(c, 'token_expired', { date: token.expiresAt! });
  let membershipId: number | null = null;
  if (token.personId) {
    // A person's token gives no more than the person holds today.
    const membership = await membershipFor(c.env.DB, token.personId, token.role, token.unit, today);
    if (!membership) refuseEndedMembership(c, await personName(c.env.DB, token.personId), token.role, token.unit);
    membershipId = membership.id;
  }
  c.executionCtx.waitUntil(touchToken(c.env.DB, token.id, token.lastUsedAt, at).catch(() => undefined));
  return { tokenId: token.id, role: token.role, unit: token.unit, label: token.label, personId: token.personId, membershipId };
}

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

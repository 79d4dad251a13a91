/**
 * Bearer authentication and role checks. A bearer is a token for scripts (`ctk_…`) or a session of a
 * person signed in through the province's provider (`cts_…`); either way the principal is resolved
 * at every request, with the membership in force today where a person stands behind it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/api/schemas';
import { isExpired } from '../../shared/api/token-lifetime';
import { vietnamDay } from '../../shared/periods';
import { signingTokenStatement, toSigningToken, touchToken, type SigningToken } from './db/tokens';
import { sessionFromRow, sessionStatement, touchSession, type SessionState } from './db/sessions';
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

/** A bearer as the request carries it: among sessions or tokens, and its SHA-256 (only hashes are stored). */
export interface Credential {
  session: boolean;
  hash: string;
}

/** The request's bearer, or `token_missing`. */
async function credentialOf(c: Context<AppEnv>): Promise<Credential> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) fail('token_missing');
  const secret = match[1]!;
  return { session: secret.startsWith(SESSION_PREFIX), hash: await sha256Hex(secret) };
}

/**
 * The one query that reads what signs a bearer in: the session with its person and membership, or
 * the token with its person's name and membership in force on the deployment's day.
 */
function signInStatement(c: Context<AppEnv>, credential: Credential): D1PreparedStatement {
  return credential.session ? sessionStatement(c.env.DB, credential.hash) : signingTokenStatement(c.env.DB, credential.hash, vietnamDay(now(c.env)));
}

/** The principal from the row `signInStatement` read, or the sign-in's refusal. */
async function principalFrom(c: Context<AppEnv>, credential: Credential, row: unknown): Promise<Principal> {
  return credential.session ? sessionPrincipal(c, sessionFromRow(row)) : tokenPrincipal(c, row ? toSigningToken(row as Parameters<typeof toSigningToken>[0]) : null);
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const credential = await credentialOf(c);
  c.set('principal', await principalFrom(c, credential, await signInStatement(c, credential).first()));
  await next();
};

/**
 * Sign-in read in the same D1 round trip as the handler's first reads (`signedInBatch`), for a
 * route whose every request reads D1 (a filing). Whatever the request is refused for before its
 * sign-in is decided, the sign-in is decided first: a bearer that is missing, unknown or of the
 * wrong role is refused as it would be before anything else. What its batch read is never used
 * for it and nothing is written; only a small JSON body is read before the sign-in (the route says).
 */
export function deferredSignIn(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('credential', await credentialOf(c));
    c.set('roles', roles);
    await next();
    if (c.get('credential')) await signIn(c);
  };
}

/** Decides a sign-in left pending by `deferredSignIn`, with a round trip of its own; nothing when decided. */
export async function signIn(c: Context<AppEnv>): Promise<void> {
  const credential = c.get('credential');
  if (!credential) return;
  c.set('credential', undefined);
  await decide(c, credential, await signInStatement(c, credential).first());
}

/**
 * Runs `statements` in one batch, preceded by the pending sign-in's query if there is one, which is
 * decided (refused, or the principal set and its role checked) before any of their results is used.
 */
export async function signedInBatch(c: Context<AppEnv>, statements: D1PreparedStatement[]): Promise<D1Result[]> {
  const credential = c.get('credential');
  if (!credential) return c.env.DB.batch(statements);
  c.set('credential', undefined);
  const [signing, ...rest] = await c.env.DB.batch([signInStatement(c, credential), ...statements]);
  await decide(c, credential, signing!.results[0] ?? null);
  return rest;
}

/**
 * Where the principal's id will come from (the token's or the session's row, by the bearer's hash):
 * a statement batched with a pending sign-in names its caller so. Null once the sign-in is decided.
 */
export function pendingPrincipalId(c: Context<AppEnv>): { table: 'sessions' | 'tokens'; hash: string } | null {
  const credential = c.get('credential');
  return credential ? { table: credential.session ? 'sessions' : 'tokens', hash: credential.hash } : null;
}

async function decide(c: Context<AppEnv>, credential: Credential, row: unknown): Promise<void> {
  c.set('principal', await principalFrom(c, credential, row));
  checkRole(c, c.get('roles') ?? []);
}

function refuseEndedMembership(c: Context<AppEnv>, person: string, role: Role, unit: string | null): never {
  fail('membership_ended', { person, role: PROBLEM_WORDS[c.get('lang')].roles[role] ?? role, unit: unit ?? '' });
}

/**
 * Sessions and memberships follow the deployment's clock, never the training clock a request may
 * set (`Chitieu-Today`): a made-up day neither revives an ended membership nor ends a session.
 */
async function sessionPrincipal(c: Context<AppEnv>, session: SessionState | null): Promise<Principal> {
  if (!session) return refuse(c, 'token_unknown');
  if (session.endedAt) fail('session_ended');
  const at = now(c.env);
  if (Date.parse(session.expiresAt) <= at.getTime()) fail('session_expired');
  const today = vietnamDay(at);
  if (!(session.validFrom <= today && (session.validTo === null || session.validTo >= today))) refuseEndedMembership(c, session.personName, session.role, session.unit);
  c.executionCtx.waitUntil(touchSession(c.env.DB, session.id, session.lastSeenAt, at).catch(() => undefined));
  return { tokenId: session.id, role: session.role, unit: session.unit, label: session.personName, personId: session.personId, membershipId: session.membershipId, personName: session.personName };
}

async function tokenPrincipal(c: Context<AppEnv>, token: SigningToken | null): Promise<Principal> {
  if (!token) return refuse(c, 'token_unknown');
  if (token.revokedAt) return refuse(c, 'token_revoked');
  const at = now(c.env);
  const today = vietnamDay(at);
  if (isExpired(token.expiresAt, today)) return refuse(c, 'token_expired', { date: token.expiresAt! });
  // A person's token gives no more than the person holds today (its membership was read with it).
  if (token.personId && token.membershipId === null) refuseEndedMembership(c, token.personName ?? token.personId, token.role, token.unit);
  c.executionCtx.waitUntil(touchToken(c.env.DB, token.id, token.lastUsedAt, at).catch(() => undefined));
  return {
    tokenId: token.id,
    role: token.role,
    unit: token.unit,
    label: token.label,
    personId: token.personId,
    membershipId: token.personId ? token.membershipId : null,
    ...(token.personId && token.personName !== null ? { personName: token.personName } : {}),
  };
}

function checkRole(c: Context<AppEnv>, roles: readonly Role[]): void {
  const { role } = c.get('principal');
  if (!roles.includes(role)) {
    const names = PROBLEM_WORDS[c.get('lang')].roles;
    fail('role_forbidden', { role: names[role] ?? role, needed: roles.map((r) => names[r] ?? r).join(', ') });
  }
}

export function allow(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkRole(c, roles);
    await next();
  };
}

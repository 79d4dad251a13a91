/**
 * Sign-in through the province's OpenID Connect provider, the worker being the client: the
 * authorization code flow with PKCE, state and nonce; the ID token verified (signature, issuer,
 * audience, expiry, nonce); a one-time code handed back to the add-in's page, which the pane trades
 * for a session of one working day. Sign-out ends the session.
 */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import { identityFromClaims, sessionExpiry } from '../../../shared/people';
import { vietnamDay } from '../../../shared/periods';
import { PROBLEM_KINDS, renderProblem, type ProblemParams } from '../../../shared/problems';
import type { ExchangeResult, SignInConfig } from '../../../shared/api/identity-schemas';
import { naaConfig } from '../oidc/naa';
import { SESSION_PREFIX } from '../auth';
import { handBackStatement, redeemHandBack, endSessions, findSessionByHash, switchSession } from '../db/sessions';
import { membershipsOn } from '../../../shared/people';
import { membershipFor, membershipsOf, personName } from '../db/people';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newToken, randomId, sha256Hex } from '../lib/crypto';
import { fail, ProblemError } from '../lib/problem';
import { route } from '../lib/route';
import { oidcConfig, type OidcConfig } from '../oidc/config';
import { discover } from '../oidc/discovery';
import { resolveSignIn } from '../oidc/person';
import { codeChallenge, randomValue } from '../oidc/pkce';
import { verifyIdToken } from '../oidc/verify';
import { signInBucket } from '../lib/client-address';
import { countSignInStart } from '../lib/sign-in-starts';

export const signInRoutes = new Hono<AppEnv>();

/** A sign-in must come back within ten minutes; the hand-back code is traded within one. */
const SIGN_IN_MINUTES = 10;
const HAND_BACK_SECONDS = 60;
/** The add-in's page that passes the one-time code to the pane (Office dialog or demo popup). */
export const HAND_BACK_PAGE = '/signin.html';

function configured(c: Context<AppEnv>): OidcConfig {
  const config = oidcConfig(c.env);
  if (!config) fail('sign_in_not_configured');
  return config;
}

const callbackUrl = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}/api/v1/auth/callback`;

route(signInRoutes, API.signInConfig, (c) => {
  const config = oidcConfig(c.env);
  const naa = naaConfig(c.env);
  const answer: SignInConfig = { enabled: config !== null, provider: config?.providerName ?? null };
  // Where the province uses Microsoft 365, the pane may sign in without a dialog (NAA): what MSAL needs.
  if (naa) answer.microsoft365 = { clientId: naa.clientId, authority: `${naa.authority}/${naa.tenantId}`, scope: naa.scope };
  return c.json(answer);
});

route(signInRoutes, API.signIn, async (c) => {
  const config = configured(c);
  await countSignInStart(c);
  const provider = await discover(config.issuer);
  const state = randomValue();
  const nonce = randomValue();
  const verifier = randomValue();
  const at = now(c.env);
  // Expired sign-ins nobody finished are swept as new ones begin.
  await c.env.DB.batch([
    c.env.DB.prepare('DELETE FROM sign_ins WHERE expires_at <= ?1').bind(at.toISOString()),
    c.env.DB
      .prepare('INSERT INTO sign_ins (state_hash, nonce, verifier, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)')
      .bind(await sha256Hex(state), nonce, verifier, at.toISOString(), new Date(at.getTime() + SIGN_IN_MINUTES * 60_000).toISOString()),
  ]);
  const url = new URL(provider.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: callbackUrl(c),
    scope: config.scopes,
    state,
    nonce,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return c.redirect(url.toString(), 302);
});

/** A refused sign-in in the sign-in window: the problem's status, its words in both languages, no script. */
function refusedPage(c: Context<AppEnv>, error: ProblemError): Response {
  const status = PROBLEM_KINDS[error.kind].status;
  const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const vi = escape(renderProblem(error.code, error.params, 'vi'));
  const en = escape(renderProblem(error.code, error.params, 'en'));
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không đăng nhập được</title>
<body><h1>Không đăng nhập được</h1><p id="vi">${vi}</p>
<p lang="en" id="en">${en}</p><p>Hãy đóng cửa sổ này. <span lang="en">Close this window.</span></p></body></html>`;
  return c.html(html, status as 401);
}

route(signInRoutes, API.signInCallback, async (c, { query }) => {
  try {
    return await callback(c, query);
  } catch (e) {
    if (e instanceof ProblemError && (c.req.header('accept') ?? '').includes('text/html')) return refusedPage(c, e);
    throw e;
  }
});

async function callback(c: Context<AppEnv>, query: { code?: string; state?: string; error?: string; error_description?: string }): Promise<Response> {
  const config = configured(c);
  const db = c.env.DB;
  const at = now(c.env);
  // The state is used once: taken out whatever happens next, so a replayed callback finds nothing.
  const pending = query.state
    ? await db
        .prepare('DELETE FROM sign_ins WHERE state_hash = ?1 RETURNING nonce, verifier, expires_at')
        .bind(await sha256Hex(query.state))
        .first<{ nonce: string; verifier: string; expires_at: string }>()
    : null;
  if (!pending || Date.parse(pending.expires_at) <= at.getTime()) await refuseCounted(c, 'sign_in_state_invalid');
  if (query.error) fail('sign_in_provider_refused', { reason: `${query.error}${query.error_description ? `: ${query.error_description}` : ''}`.slice(0, 300) });
  if (!query.code) fail('sign_in_provider_refused', { reason: 'code' });

  const provider = await discover(config.issuer);
  const idToken = await redeemCode(provider.tokenEndpoint, config, query.code, pending!.verifier, callbackUrl(c));
  const claims = await verifyIdToken(idToken, provider.jwks, { issuer: config.issuer, audience: config.clientId, nonce: pending!.nonce, now: at });
  const who = identityFromClaims(claims, config);
  const today = vietnamDay(at);
  const signedIn = await resolveSignIn(db, who, today, at.toISOString());

  const code = newToken('cth');
  const codeHash = await sha256Hex(code);
  const expires = new Date(at.getTime() + HAND_BACK_SECONDS * 1000).toISOString();
  const handBack =
    signedIn.membership.id !== null
      ? handBackStatement(db, codeHash, signedIn.personId, signedIn.membership.id, expires)
      : db
          .prepare(
            `INSERT INTO hand_backs (code_hash, person_id, membership_id, expires_at)
             SELECT ?1, ?2, id, ?4 FROM memberships WHERE person_id = ?2 AND role = 'unit' AND unit_code = ?3 AND source = 'claim' ORDER BY id DESC LIMIT 1`,
          )
          .bind(codeHash, signedIn.personId, signedIn.membership.unit, expires);
  await db.batch([...signedIn.statements, handBack]);
  return c.redirect(`${new URL(c.req.url).origin}${HAND_BACK_PAGE}#code=${encodeURIComponent(code)}`, 302);
}

/** The token request (client_secret_basic, or a public client's id), answered with the ID token. */
async function redeemCode(endpoint: string, config: OidcConfig, code: string, verifier: string, redirectUri: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (config.clientSecret) headers.authorization = `Basic ${btoa(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`)}`;
  else body.set('client_id', config.clientId);
  let response: Response;
  try {
    response = await fetch(endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    fail('sign_in_provider_unreachable', { reason: e instanceof Error ? e.message.slice(0, 200) : 'fetch' });
  }
  const text = (await response.text()).slice(0, 64 * 1024);
  let answer: Record<string, unknown> = {};
  try {
    answer = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: reported below by its status
  }
  if (!response.ok || typeof answer.id_token !== 'string') {
    fail('sign_in_provider_refused', { reason: String(answer.error ?? `HTTP ${response.status}`).slice(0, 200) });
  }
  return answer.id_token as string;
}

/** A refusal that may be guessing (a state, a code, a token): counted against the caller's address like a bad token. */
export async function refuseCounted(c: Context<AppEnv>, code: 'sign_in_state_invalid' | 'sign_in_code_invalid' | 'naa_token_invalid', params?: ProblemParams): Promise<never> {
  const limiter = c.env.SIGN_IN_LIMITER;
  if (limiter) {
    const { success } = await limiter.limit({ key: signInBucket(c.req.raw) });
    if (!success) fail('sign_ins_limited', { seconds: 60 }, { retryAfter: 60 });
  }
  fail(code, params);
}

/**
 * Trades a one-time hand-back code (hashed) for a session of one working day: what the pane keeps.
 * Null where the code was unknown, used or expired.
 */
export async function tradeHandBack(c: Context<AppEnv>, codeHash: string): Promise<ExchangeResult | null> {
  const at = now(c.env);
  const token = newToken(SESSION_PREFIX.slice(0, -1));
  const session = { id: randomId('ses', 12), hash: await sha256Hex(token), expiresAt: sessionExpiry(at).toISOString() };
  const made = await redeemHandBack(c.env.DB, codeHash, session, at.toISOString());
  if (!made) return null;
  const membership = await c.env.DB.prepare('SELECT unit_code FROM memberships WHERE id = ?1').bind(made.membershipId).first<{ unit_code: string | null }>();
  return {
    token,
    expiresAt: session.expiresAt,
    person: { id: made.personId, name: await personName(c.env.DB, made.personId) },
    role: made.role,
    unit: membership?.unit_code ?? null,
  };
}

route(signInRoutes, API.signInExchange, async (c, { body }) => {
  const answer = await tradeHandBack(c, await sha256Hex(body.code));
  return answer ? c.json(answer) : refuseCounted(c, 'sign_in_code_invalid');
});

route(signInRoutes, API.signOut, async (c) => {
  const principal = c.get('principal');
  // A token for scripts is not ended by signing out: DIC revokes it.
  if (principal.tokenId.startsWith('ses_')) await endSessions(c.env.DB, { id: principal.tokenId }, principal, now(c.env).toISOString(), 'logout');
  return c.body(null, 204);
});

route(signInRoutes, API.myMemberships, async (c) => {
  const { personId } = c.get('principal');
  return c.json(personId ? membershipsOn(await membershipsOf(c.env.DB, personId), vietnamDay(now(c.env))) : []);
});

route(signInRoutes, API.switchMembership, async (c, { body }) => {
  const principal = c.get('principal');
  const bearer = /^Bearer\s+(\S+)/i.exec(c.req.header('authorization') ?? '')![1]!;
  if (!principal.personId || !bearer.startsWith(SESSION_PREFIX)) fail('switch_needs_session');
  const at = now(c.env);
  const today = vietnamDay(at);
  const current = (await findSessionByHash(c.env.DB, await sha256Hex(bearer)))!;
  const target = (await membershipsOf(c.env.DB, principal.personId)).find((m) => m.id === body.membershipId);
  const inForce = target && (await membershipFor(c.env.DB, principal.personId, target.role, target.unit, today));
  if (!target || !inForce) fail('membership_not_found', { person: current.personName, role: target?.role ?? String(body.membershipId), unit: target?.unit ?? '' });
  const token = newToken(SESSION_PREFIX.slice(0, -1));
  const next = { id: randomId('ses', 12), hash: await sha256Hex(token), membershipId: target.id };
  if (!(await switchSession(c.env.DB, current, next, today, at.toISOString()))) fail('session_ended');
  return c.json({ token, expiresAt: current.expiresAt, person: { id: principal.personId, name: current.personName }, role: target.role, unit: target.unit });
});

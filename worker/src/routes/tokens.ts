/** Token management for DIC: the secret is shown once, only its hash is kept; tokens expire and are rotated. */
import { Hono, type Context } from 'hono';
import { TokenRotateRequestSchema } from '../../../shared/api/schemas';
import { API } from '../../../shared/api/routes';
import { route } from '../lib/route';
import { defaultExpiry, expiryProblem, TOKEN_LIFETIME_DAYS } from '../../../shared/api/token-lifetime';
import { vietnamDay } from '../../../shared/periods';
import { createToken, findToken, listTokens, revokeToken, rotateToken } from '../db/tokens';
import { findUnit } from '../db/units';
import { findPerson, findPersonByLogin, membershipFor } from '../db/people';
import { unlessConflicting } from '../lib/write-conflict';
import type { AppEnv } from '../env';
import { check, readJson } from '../lib/body';
import { now } from '../lib/clock';
import { newToken, randomId, sha256Hex } from '../lib/crypto';
import { fail, failAt } from '../lib/problem';

export const tokenRoutes = new Hono<AppEnv>();

/** The expiry asked for, checked, or the default one. */
function expiryOf(requested: string | undefined, today: string): string {
  if (requested === undefined) return defaultExpiry(today);
  const problem = expiryProblem(requested, today);
  if (problem === 'format') failAt('expiresAt', 'expiry_format', { value: requested });
  if (problem === 'past') failAt('expiresAt', 'expiry_past', { date: requested });
  if (problem === 'too_far') failAt('expiresAt', 'expiry_too_far', { days: TOKEN_LIFETIME_DAYS.max });
  return requested;
}

async function secret(): Promise<{ token: string; hash: string; id: string }> {
  const token = newToken();
  return { token, hash: await sha256Hex(token), id: randomId('tok', 10) };
}

route(tokenRoutes, API.tokens, async (c) => c.json(await listTokens(c.env.DB)));

route(tokenRoutes, API.createToken, async (c, { body: request }) => {
  const unit = request.unit?.toUpperCase();
  if (unit && !(await findUnit(c.env.DB, unit))) failAt('unit', 'unit_unknown', { unit });
  const at = now(c);
  const expiresAt = expiryOf(request.expiresAt, vietnamDay(at));
  const personId = request.person ? await holder(c, request.person, request.role, unit ?? null, vietnamDay(at)) : null;
  const { token, hash, id } = await secret();
  const info = await createToken(c.env.DB, { id, hash, role: request.role, unit: unit ?? null, label: request.label ?? null, expiresAt, personId }, c.get('principal'), at.toISOString());
  return c.json({ ...info, token }, 201);
});

/** The person a token is made for (by id or login), who must hold its role today: a token gives no more than its holder has. */
async function holder(c: Context<AppEnv>, idOrLogin: string, role: 'unit' | 'dic' | 'auditor', unit: string | null, today: string): Promise<string> {
  const person = (await findPerson(c.env.DB, idOrLogin)) ?? (await findPersonByLogin(c.env.DB, idOrLogin));
  if (!person) failAt('person', 'person_not_found', { id: idOrLogin });
  if (!(await membershipFor(c.env.DB, person.id, role, unit, today))) failAt('person', 'token_person_membership', { person: person.name, role, unit: unit ?? '' });
  return person.id;
}

async function existing(c: Context<AppEnv>, id: string) {
  const token = await findToken(c.env.DB, id);
  if (!token) fail('token_not_found', { id });
  return token;
}

/** A new secret for a token that leaks or nears its expiry: same role, unit and label; the old one stops at once. */
route(tokenRoutes, API.rotateToken, async (c, { params }) => {
  const old = await existing(c, params.id);
  if (old.revokedAt) fail('token_revoked_cannot_rotate', { id: old.id });
  const body = c.req.header('content-length') === '0' || !c.req.header('content-type') ? {} : await readJson(c);
  const request = check(TokenRotateRequestSchema, body, c.get('lang'));
  const at = now(c);
  const { token, hash, id } = await secret();
  const info = await unlessConflicting(() => rotateToken(c.env.DB, old, { id, hash, expiresAt: expiryOf(request.expiresAt, vietnamDay(at)) }, c.get('principal'), at.toISOString()));
  return c.json({ ...info, token, replaces: old.id }, 201);
});

route(tokenRoutes, API.revokeToken, async (c, { params }) => {
  const { id } = params;
  if (id === c.get('principal').tokenId) fail('token_self_revoke');
  const outcome = await unlessConflicting(() => revokeToken(c.env.DB, id, c.get('principal'), now(c).toISOString()));
  if (outcome === 'not_found') fail('token_not_found', { id });
  if (typeof outcome === 'object') fail('token_replaced', { id, by: outcome.replacedBy });
  return c.body(null, 204);
});

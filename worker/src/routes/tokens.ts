/** Token management for DIC: the secret is shown once, only its hash is kept; tokens expire and are rotated. */
import { Hono, type Context } from 'hono';
import { TokenCreateRequestSchema, TokenRotateRequestSchema } from '../../../shared/api/schemas';
import { defaultExpiry, expiryProblem, TOKEN_LIFETIME_DAYS } from '../../../shared/api/token-lifetime';
import { formatDateVi } from '../../../shared/dates';
import { vietnamDay } from '../../../shared/periods';
import { allow } from '../auth';
import { createToken, findToken, listTokens, revokeToken, rotateToken } from '../db/tokens';
import { findUnit } from '../db/units';
import type { AppEnv } from '../env';
import { check, limitBody, readJson } from '../lib/body';
import { now } from '../lib/clock';
import { newToken, randomId, sha256Hex } from '../lib/crypto';
import { fail } from '../lib/problem';

export const tokenRoutes = new Hono<AppEnv>();

/** The expiry asked for, checked, or the default one. */
function expiryOf(requested: string | undefined, today: string): string {
  if (requested === undefined) return defaultExpiry(today);
  const problem = expiryProblem(requested, today);
  if (problem === 'format') fail('invalid', `Ngày hết hạn "${requested}" phải có dạng YYYY-MM-DD.`, `The expiry "${requested}" must be YYYY-MM-DD.`, { field: 'expiresAt' });
  if (problem === 'past') fail('invalid', `Ngày hết hạn ${formatDateVi(requested)} đã qua.`, `The expiry ${requested} has passed.`, { field: 'expiresAt' });
  if (problem === 'too_far') {
    fail('invalid', `Mã thông báo có hiệu lực tối đa ${TOKEN_LIFETIME_DAYS.max} ngày.`, `A token lasts at most ${TOKEN_LIFETIME_DAYS.max} days.`, { field: 'expiresAt' });
  }
  return requested;
}

async function secret(): Promise<{ token: string; hash: string; id: string }> {
  const token = newToken();
  return { token, hash: await sha256Hex(token), id: randomId('tok', 10) };
}

tokenRoutes.get('/tokens', allow('dic'), async (c) => c.json(await listTokens(c.env.DB)));

tokenRoutes.post('/tokens', allow('dic'), limitBody, async (c) => {
  const request = check(TokenCreateRequestSchema, await readJson(c));
  const unit = request.unit?.toUpperCase();
  if (unit && !(await findUnit(c.env.DB, unit))) fail('invalid', `Không có đơn vị mã ${unit}.`, `There is no unit ${unit}.`, { field: 'unit' });
  const at = now(c.env);
  const expiresAt = expiryOf(request.expiresAt, vietnamDay(at));
  const { token, hash, id } = await secret();
  const info = await createToken(c.env.DB, { id, hash, role: request.role, unit: unit ?? null, label: request.label ?? null, expiresAt }, c.get('principal'), at.toISOString());
  return c.json({ ...info, token }, 201);
});

async function existing(c: Context<AppEnv>, id: string) {
  const token = await findToken(c.env.DB, id);
  if (!token) fail('not-found', `Không có mã thông báo ${id}.`, `There is no token ${id}.`);
  return token;
}

/** A new secret for a token that leaks or nears its expiry: same role, unit and label; the old one stops at once. */
tokenRoutes.post('/tokens/:id/rotate', allow('dic'), limitBody, async (c) => {
  const old = await existing(c, c.req.param('id'));
  if (old.revokedAt) fail('conflict', `Mã thông báo ${old.id} đã bị thu hồi; hãy tạo mã mới.`, `Token ${old.id} has been revoked; create a new one.`);
  const body = c.req.header('content-length') === '0' || !c.req.header('content-type') ? {} : await readJson(c);
  const request = check(TokenRotateRequestSchema, body);
  const at = now(c.env);
  const { token, hash, id } = await secret();
  const info = await rotateToken(c.env.DB, old, { id, hash, expiresAt: expiryOf(request.expiresAt, vietnamDay(at)) }, c.get('principal'), at.toISOString());
  return c.json({ ...info, token, replaces: old.id }, 201);
});

tokenRoutes.delete('/tokens/:id', allow('dic'), async (c) => {
  const id = c.req.param('id');
  if (id === c.get('principal').tokenId) fail('conflict', 'Không thể tự thu hồi mã đang dùng.', 'A token cannot revoke itself.');
  const outcome = await revokeToken(c.env.DB, id, c.get('principal'), now(c.env).toISOString());
  if (outcome === 'not_found') fail('not-found', `Không có mã thông báo ${id}.`, `There is no token ${id}.`);
  return c.body(null, 204);
});

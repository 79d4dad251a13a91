/** Token management for DIC: the secret is shown once, only its hash is kept. */
import { Hono } from 'hono';
import { TokenCreateRequestSchema } from '../../../shared/api/schemas';
import { allow } from '../auth';
import { createToken, listTokens, revokeToken } from '../db/tokens';
import { findUnit } from '../db/units';
import type { AppEnv } from '../env';
import { check, limitBody, readJson } from '../lib/body';
import { newToken, randomId, sha256Hex } from '../lib/crypto';
import { fail } from '../lib/problem';

export const tokenRoutes = new Hono<AppEnv>();

tokenRoutes.get('/tokens', allow('dic'), async (c) => c.json(await listTokens(c.env.DB)));

tokenRoutes.post('/tokens', allow('dic'), limitBody, async (c) => {
  const request = check(TokenCreateRequestSchema, await readJson(c));
  const unit = request.unit?.toUpperCase();
  if (unit && !(await findUnit(c.env.DB, unit))) fail('invalid', `Không có đơn vị mã ${unit}.`, `There is no unit ${unit}.`, { field: 'unit' });
  const token = newToken();
  const info = await createToken(
    c.env.DB,
    { id: randomId('tok', 10), hash: await sha256Hex(token), role: request.role, unit: unit ?? null, label: request.label ?? null },
    c.get('principal'),
  );
  return c.json({ ...info, token }, 201);
});

tokenRoutes.delete('/tokens/:id', allow('dic'), async (c) => {
  const id = c.req.param('id');
  if (id === c.get('principal').tokenId) fail('conflict', 'Không thể tự thu hồi mã đang dùng.', 'A token cannot revoke itself.');
  const outcome = await revokeToken(c.env.DB, id, c.get('principal'));
  if (outcome === 'not_found') fail('not-found', `Không có mã thông báo ${id}.`, `There is no token ${id}.`);
  return c.body(null, 204);
});

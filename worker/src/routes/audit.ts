import { Hono } from 'hono';
import { allow } from '../auth';
import { listAudit } from '../db/audit';
import type { AppEnv } from '../env';
import { fail } from '../lib/problem';

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get('/audit', allow('dic', 'auditor'), async (c) => {
  const since = c.req.query('since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) fail('invalid', `"${since}" không phải thời điểm ISO.`, `"${since}" is not an ISO time.`, { field: 'since' });
  const limit = Number(c.req.query('limit') ?? 200);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) fail('invalid', 'limit phải từ 1 đến 1000.', 'limit must be between 1 and 1000.', { field: 'limit' });
  return c.json(await listAudit(c.env.DB, since, limit));
});

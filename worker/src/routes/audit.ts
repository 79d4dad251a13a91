import { Hono } from 'hono';
import { allow } from '../auth';
import { listAudit } from '../db/audit';
import type { AppEnv } from '../env';
import { failAt } from '../lib/problem';

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get('/audit', allow('dic', 'auditor'), async (c) => {
  const since = c.req.query('since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) failAt('since', 'audit_since', { value: since });
  const limit = Number(c.req.query('limit') ?? 200);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) failAt('limit', 'audit_limit');
  return c.json(await listAudit(c.env.DB, since, limit));
});

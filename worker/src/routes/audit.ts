import { Hono } from 'hono';
import { API } from '../../../shared/api/routes';
import { listAudit } from '../db/audit';
import type { AppEnv } from '../env';
import { route } from '../lib/route';

export const auditRoutes = new Hono<AppEnv>();

route(auditRoutes, API.audit, async (c, { query }) => c.json(await listAudit(c.env.DB, query.since, query.limit)));

import { Hono } from 'hono';
import { API } from '../../../shared/api/routes';
import { route } from '../lib/route';
import { findUnit } from '../db/units';
import type { AppEnv } from '../env';

export const meRoutes = new Hono<AppEnv>();

/** Who the token belongs to: the task pane shows the unit and role after sign-in. */
route(meRoutes, API.me, async (c) => {
  const p = c.get('principal');
  const unit = p.unit ? await findUnit(c.env.DB, p.unit, new Date().toISOString().slice(0, 10)) ?? (await findUnit(c.env.DB, p.unit)) : null;
  return c.json({ tokenId: p.tokenId, role: p.role, label: p.label, unit });
});

import { Hono } from 'hono';
import { API } from '../../../shared/api/routes';
import { vietnamDay } from '../../../shared/periods';
import { route } from '../lib/route';
import { findCoordinator, findUnit } from '../db/units';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';

export const meRoutes = new Hono<AppEnv>();

/** Who the token belongs to, and who coordinates today: the task pane shows both after sign-in. */
route(meRoutes, API.me, async (c) => {
  const p = c.get('principal');
  const today = vietnamDay(now(c));
  const [unit, coordinator] = await Promise.all([
    p.unit ? findUnit(c.env.DB, p.unit, today).then((u) => u ?? findUnit(c.env.DB, p.unit!)) : Promise.resolve(null),
    findCoordinator(c.env.DB, today),
  ]);
  return c.json({ tokenId: p.tokenId, role: p.role, label: p.label, unit, coordinator });
});

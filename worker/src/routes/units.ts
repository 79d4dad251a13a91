/** The unit registry: read by everyone signed in, exported and imported as CSV by DIC. */
import { Hono } from 'hono';
import { API } from '../../../shared/api/routes';
import { route } from '../lib/route';
import { parseUnitsCsv, unitsToCsv } from '../../../shared/registry/units-csv';
import { importUnits, listUnits, unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { requirePeriod } from '../lib/params';
import { fail, MAX_PROBLEM_ISSUES } from '../lib/problem';
import { problemLine } from '../../../shared/problems';

export const unitRoutes = new Hono<AppEnv>();

route(unitRoutes, API.units, async (c, { query }) => {
  if (query.period === undefined) return c.json(await listUnits(c.env.DB));
  const period = requirePeriod(query.period, 'period');
  return c.json(await unitsDuring(c.env.DB, period.start, period.end));
});

route(unitRoutes, API.unitsCsv, async (c) => {
  const csv = unitsToCsv(await listUnits(c.env.DB));
  return new Response('\uFEFF' + csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="don-vi.csv"' },
  });
});

route(unitRoutes, API.importUnits, async (c) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/csv\b/i.test(type)) fail('csv_required');
  const known = await listUnits(c.env.DB);
  const lang = c.get('lang');
  const { units, problems } = parseUnitsCsv(await c.req.text(), known, lang);
  if (problems.length > 0) {
    const first = problems.slice(0, 5).map((p) => problemLine(lang, p.line, p.field, p.message)).join('; ');
    fail('csv_invalid', { count: problems.length, first }, { problems: problems.slice(0, MAX_PROBLEM_ISSUES), issueCount: problems.length });
  }
  if (units.length === 0) fail('csv_no_units');
  return c.json(await importUnits(c.env.DB, units, c.get('principal')));
});

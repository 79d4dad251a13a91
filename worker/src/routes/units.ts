/** The unit registry: read by everyone signed in, exported and imported as CSV by DIC. */
import { Hono } from 'hono';
import { parseUnitsCsv, unitsToCsv } from '../../../shared/registry/units-csv';
import { allow } from '../auth';
import { importUnits, listUnits, unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { limitBody } from '../lib/body';
import { requirePeriod } from '../lib/params';
import { fail, MAX_PROBLEM_ISSUES } from '../lib/problem';
import { problemLine } from '../../../shared/problems';

export const unitRoutes = new Hono<AppEnv>();

unitRoutes.get('/units', async (c) => {
  const code = c.req.query('period');
  if (code === undefined) return c.json(await listUnits(c.env.DB));
  const period = requirePeriod(code, 'period');
  return c.json(await unitsDuring(c.env.DB, period.start, period.end));
});

unitRoutes.get('/units.csv', allow('dic', 'auditor'), async (c) => {
  const csv = unitsToCsv(await listUnits(c.env.DB));
  return new Response('\uFEFF' + csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="don-vi.csv"' },
  });
});

unitRoutes.put('/units', allow('dic'), limitBody, async (c) => {
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

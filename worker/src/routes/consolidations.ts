/** Provincial figures and completeness, for DIC and auditors: as JSON per template or per period, and as a workbook. */
import { Hono, type Context } from 'hono';
import { consolidate, periodStatus, type Consolidation } from '../../../shared/consolidation';
import type { Period } from '../../../shared/periods';
import { TEMPLATES, isFiledFor } from '../../../shared/templates';
import { ENGINE_VERSION } from '../../../shared/validation';
import { consolidatedWorkbook } from '../../../shared/workbook';
import { writeWorkbook } from '../../../xlsx/write';
import { allow } from '../auth';
import { latestReports, latestReportsOfPeriod, periodStates } from '../db/submissions';
import { unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { requireFiledFor, requirePeriod, requireTemplate } from '../lib/params';
import { xlsxResponse } from '../lib/xlsx-response';

export const consolidationRoutes = new Hono<AppEnv>();

consolidationRoutes.get('/consolidations/:template/:period', allow('dic', 'auditor'), async (c) => {
  const template = requireTemplate(c.req.param('template'));
  const period = requirePeriod(c.req.param('period'));
  requireFiledFor(template, period);
  const [registry, reports] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), latestReports(c.env.DB, template.id, period.code)]);
  const result = consolidate(template, period, registry, reports);
  return c.json({ ...result, generatedAt: new Date().toISOString(), province: c.env.PROVINCE_NAME ?? '' });
});

/** Every template filed in the period, consolidated, from one read of the database. */
async function consolidatePeriod(c: Context<AppEnv>, period: Period): Promise<Consolidation[]> {
  const [registry, reports] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), latestReportsOfPeriod(c.env.DB, period.code)]);
  return TEMPLATES.filter((t) => isFiledFor(t, period)).map((t) => consolidate(t, period, registry, reports.get(t.id) ?? []));
}

consolidationRoutes.get('/consolidations/:file', allow('dic', 'auditor'), async (c) => {
  const file = c.req.param('file');
  const xlsx = /\.xlsx$/i.test(file);
  const period = requirePeriod(xlsx ? file.slice(0, -5) : file);
  const consolidations = await consolidatePeriod(c, period);
  const generatedAt = new Date().toISOString();
  const province = c.env.PROVINCE_NAME ?? '';
  if (!xlsx) return c.json({ period: period.code, province, generatedAt, engineVersion: ENGINE_VERSION, consolidations });

  const lang = c.get('lang');
  const bytes = await writeWorkbook(consolidatedWorkbook({ province, period, generatedAt, engineVersion: ENGINE_VERSION, consolidations, lang }));
  return xlsxResponse(bytes, `tong-hop-${period.code}.xlsx`);
});

consolidationRoutes.get('/periods/:period/status', allow('dic', 'auditor'), async (c) => {
  const period = requirePeriod(c.req.param('period'));
  const [registry, states] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), periodStates(c.env.DB, period.code)]);
  return c.json({ ...periodStatus(TEMPLATES, period, registry, states), generatedAt: new Date().toISOString() });
});

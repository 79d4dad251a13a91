/** Provincial figures and completeness, for DIC and auditors. */
import { Hono } from 'hono';
import { consolidate, periodStatus } from '../../../shared/consolidation';
import { parsePeriod, type Period } from '../../../shared/periods';
import { TEMPLATES, getTemplate } from '../../../shared/templates';
import { allow } from '../auth';
import { latestReports, periodStates } from '../db/submissions';
import { unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { fail } from '../lib/problem';

export const consolidationRoutes = new Hono<AppEnv>();

function periodParam(code: string): Period {
  const period = parsePeriod(code);
  if (!period) fail('not-found', `Kỳ báo cáo "${code}" không hợp lệ (dạng 2024, 2024-H1, 2024-Q3).`, `Period "${code}" is not valid.`);
  return period;
}

consolidationRoutes.get('/consolidations/:template/:period', allow('dic', 'auditor'), async (c) => {
  const template = getTemplate(c.req.param('template'));
  if (!template) fail('not-found', `Không có mẫu ${c.req.param('template')}.`, `There is no template ${c.req.param('template')}.`);
  const period = periodParam(c.req.param('period'));
  if (!template.periodKinds.includes(period.kind)) {
    fail('not-found', `Mẫu ${template.id} không báo cáo cho kỳ ${period.code}.`, `Template ${template.id} is not filed for ${period.code}.`);
  }
  const [registry, reports] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), latestReports(c.env.DB, template.id, period.code)]);
  const result = consolidate(template, period, registry, reports);
  return c.json({ ...result, generatedAt: new Date().toISOString(), province: c.env.PROVINCE_NAME ?? '' });
});

consolidationRoutes.get('/periods/:period/status', allow('dic', 'auditor'), async (c) => {
  const period = periodParam(c.req.param('period'));
  const [registry, states] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), periodStates(c.env.DB, period.code)]);
  return c.json({ ...periodStatus(TEMPLATES, period, registry, states), generatedAt: new Date().toISOString() });
});

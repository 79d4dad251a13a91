/** What anyone may read: health, the API description, the template catalogue and blank workbooks. */
import { Hono } from 'hono';
import { API } from '../../../shared/api/routes';
import { route } from '../lib/route';
import { langOf } from '../../../shared/i18n';
import { openApiDocument } from '../../../shared/api/openapi';
import { TEMPLATES, versionsOf } from '../../../shared/templates';
import { ENGINE_VERSION } from '../../../shared/validation';
import { writeTemplateFile } from '../../../xlsx/template-file';
import { findUnit } from '../db/units';
import type { AppEnv } from '../env';
import { requireFiledFor, requirePeriod, requireTemplate } from '../lib/params';
import { failAt } from '../lib/problem';
import { xlsxResponse } from '../lib/xlsx-response';

export const publicRoutes = new Hono<AppEnv>();

route(publicRoutes, API.health, async (c) => {
  let database: 'ok' | 'unavailable' = 'ok';
  try {
    await c.env.DB.prepare('SELECT 1').first();
  } catch {
    database = 'unavailable';
  }
  return c.json({ status: 'ok' as const, engineVersion: ENGINE_VERSION, templates: TEMPLATES.map((t) => t.id), database, time: new Date().toISOString() });
});

route(publicRoutes, API.openapi, (c) => c.json(openApiDocument(new URL('/api/v1', c.req.url).toString())));

route(publicRoutes, API.templates, (c) =>
  c.json(
    TEMPLATES.map((t) => ({
      id: t.id,
      version: t.version,
      kind: t.kind,
      title: t.title,
      periodKinds: t.periodKinds,
      filedBy: t.filedBy,
      scope: t.scope,
      versions: versionsOf(t.id).map((v) => ({ version: v.version, from: v.from })),
    })),
  ),
);

route(publicRoutes, API.template, (c, { params, query }) => {
  requireTemplate(params.id);
  const period = query.period ? requirePeriod(query.period, 'period') : undefined;
  return c.json(requireTemplate(params.id, undefined, period));
});

route(publicRoutes, API.templateWorkbook, async (c, { params, query }) => {
  requireTemplate(params.id);
  const period = query.period ? requirePeriod(query.period, 'period') : undefined;
  // A blank workbook of a period carries the version in force for it.
  const template = requireTemplate(params.id, undefined, period);
  if (period) requireFiledFor(template, period, 'period');
  const unitCode = query.unit?.toUpperCase();
  const unit = unitCode ? await findUnit(c.env.DB, unitCode, period?.end) : undefined;
  if (unitCode && !unit) failAt('unit', 'unit_unknown', { unit: unitCode, period: period?.code ?? '' });
  const bytes = writeTemplateFile(template, {
    lang: langOf(query.lang),
    ...(period ? { period: period.code } : {}),
    ...(unit ? { unit: { code: unit.code, name: unit.name, kind: unit.kind } } : {}),
  });
  const name = [template.id, unit?.code, period?.code].filter(Boolean).join('-');
  return xlsxResponse(bytes, `${name}.xlsx`);
});

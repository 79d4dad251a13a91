/** Provincial figures and completeness, for DIC and auditors: as JSON per template or per period, and as a workbook. */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import { now } from '../lib/clock';
import { route } from '../lib/route';
import { consolidate, periodStatus, type Consolidation } from '../../../shared/consolidation';
import { newestFirst, sameTimeYearBefore, vietnamDay, type Period } from '../../../shared/periods';
import { coordinatorOn } from '../../../shared/registry/coordinator';
import { draftReport } from '../../../shared/report/draft';
import { writeReport } from '../../../docx/report';
import { TEMPLATES, isFiledFor } from '../../../shared/templates';
import { ENGINE_VERSION } from '../../../shared/validation';
import { consolidatedWorkbook } from '../../../shared/workbook';
import { writeWorkbook } from '../../../xlsx/write';
import { filedPeriodSummaries, latestReports, latestReportsOfPeriod, periodStates } from '../db/submissions';
import { unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { requireFiledFor, requirePeriod, requireTemplate } from '../lib/params';
import { docxResponse, xlsxResponse } from '../lib/xlsx-response';

export const consolidationRoutes = new Hono<AppEnv>();

route(consolidationRoutes, API.consolidation, async (c, { params }) => {
  const template = requireTemplate(params.template);
  const period = requirePeriod(params.period);
  requireFiledFor(template, period);
  const [registry, reports] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), latestReports(c.env.DB, template.id, period.code)]);
  const result = consolidate(template, period, registry, reports);
  return c.json({ ...result, generatedAt: now(c.env).toISOString(), province: c.env.PROVINCE_NAME ?? '' });
});

/** Every template filed in the period, consolidated, from one read of the database. */
async function consolidatePeriod(c: Context<AppEnv>, period: Period): Promise<Consolidation[]> {
  const [registry, reports] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), latestReportsOfPeriod(c.env.DB, period.code)]);
  return TEMPLATES.filter((t) => isFiledFor(t, period)).map((t) => consolidate(t, period, registry, reports.get(t.id) ?? []));
}

/** The coordinator in force on the day `at` (Viet Nam time): who issues what is drafted that day. */
async function issuerOn(c: Context<AppEnv>, at: Date) {
  const day = vietnamDay(at);
  return coordinatorOn(await unitsDuring(c.env.DB, day, day), day);
}

route(consolidationRoutes, API.periodConsolidation, async (c, { params }) => {
  const period = requirePeriod(params.period);
  const consolidations = await consolidatePeriod(c, period);
  return c.json({ period: period.code, province: c.env.PROVINCE_NAME ?? '', generatedAt: now(c.env).toISOString(), engineVersion: ENGINE_VERSION, consolidations });
});

route(consolidationRoutes, API.periodWorkbook, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const lang = query.lang ?? c.get('lang');
  const generatedAt = now(c.env);
  // The workbook is the annex of the report drafted the same day, by the same issuer.
  const [consolidations, issuer] = await Promise.all([consolidatePeriod(c, period), issuerOn(c, generatedAt)]);
  const model = consolidatedWorkbook({ province: c.env.PROVINCE_NAME ?? '', period, generatedAt: generatedAt.toISOString(), engineVersion: ENGINE_VERSION, consolidations, lang, issuer });
  // The file's own creation date is the generation time, so the same data at the same time gives the same bytes.
  return xlsxResponse(writeWorkbook(model, { created: generatedAt }), `tong-hop-${period.code}.xlsx`);
});

route(consolidationRoutes, API.periodReport, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const yearBefore = sameTimeYearBefore(period);
  const drafted = now(c.env);
  // Issued by the coordinator of the drafting day, which may not be the period's.
  const [consolidations, previous, issuer] = await Promise.all([consolidatePeriod(c, period), consolidatePeriod(c, yearBefore), issuerOn(c, drafted)]);
  const draft = draftReport({
    province: c.env.PROVINCE_NAME ?? '',
    period,
    generatedAt: drafted.toISOString(),
    issuer,
    consolidations,
    // A template nobody filed a year before gives nothing to compare with.
    previousYear: previous.filter((x) => x.completeness.submitted > 0),
    lang: query.lang ?? c.get('lang'),
  });
  return docxResponse(await writeReport(draft), `bao-cao-${period.code}.docx`);
});

route(consolidationRoutes, API.periodStatus, async (c, { params }) => {
  const period = requirePeriod(params.period);
  const [registry, states] = await Promise.all([unitsDuring(c.env.DB, period.start, period.end), periodStates(c.env.DB, period.code)]);
  return c.json({ ...periodStatus(TEMPLATES, period, registry, states), generatedAt: now(c.env).toISOString() });
});

route(consolidationRoutes, API.periods, async (c) => {
  const principal = c.get('principal');
  const rows = await filedPeriodSummaries(c.env.DB, principal.role === 'unit' ? principal.unit : null);
  return c.json(newestFirst(rows));
});

/** Provincial figures and completeness, for DIC and auditors: as JSON per template or per period, and as a workbook. */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import { now } from '../lib/clock';
import { route } from '../lib/route';
import { consolidate, endedDuring, periodStatus, registryUntil, type Consolidation, type ShorterFiling } from '../../../shared/consolidation';
import type { Unit } from '../../../shared/registry/units';
import { newestFirst, periodsWithin, sameTimeYearBefore, vietnamDay, type Period } from '../../../shared/periods';
import { coordinatorOn } from '../../../shared/registry/coordinator';
import { draftReport } from '../../../shared/report/draft';
import { writeReport } from '../../../docx/report';
import { templatesFor } from '../../../shared/templates';
import { ENGINE_VERSION } from '../../../shared/validation';
import { consolidatedWorkbook } from '../../../shared/workbook';
import { writeWorkbook } from '../../../xlsx/write';
import { filedPeriodSummaries, latestReports, latestReportsOfPeriod, periodStates, shorterFilingKeys, shorterFilings } from '../db/submissions';
import { unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { requireFiledFor, requirePeriod, requireTemplate } from '../lib/params';
import { docxResponse, xlsxResponse } from '../lib/xlsx-response';

export const consolidationRoutes = new Hono<AppEnv>();

/** The filings of shorter periods that cover the part of units that ended during the period, by template. */
function coveringFilings(c: Context<AppEnv>, period: Period, registry: readonly Unit[], template?: string): Promise<Map<string, ShorterFiling[]>> {
  const ended = endedDuring(period, registry).map((u) => u.code);
  return shorterFilings(c.env.DB, periodsWithin(period).map((p) => p.code), ended, template);
}

route(consolidationRoutes, API.consolidation, async (c, { params }) => {
  requireTemplate(params.template);
  const period = requirePeriod(params.period);
  const template = requireTemplate(params.template, undefined, period);
  requireFiledFor(template, period);
  const registry = await unitsDuring(c.env.DB, period.start, registryUntil([template], period));
  const [reports, shorter] = await Promise.all([latestReports(c.env.DB, template.id, period.code), coveringFilings(c, period, registry, template.id)]);
  const result = consolidate(template, period, registry, reports, shorter.get(template.id));
  return c.json({ ...result, generatedAt: now(c).toISOString(), province: c.env.PROVINCE_NAME ?? '' });
});

/** Every template filed in the period, consolidated, from one read of the database. */
async function consolidatePeriod(c: Context<AppEnv>, period: Period): Promise<Consolidation[]> {
  const templates = templatesFor(period);
  const registry = await unitsDuring(c.env.DB, period.start, registryUntil(templates, period));
  const [reports, shorter] = await Promise.all([latestReportsOfPeriod(c.env.DB, period.code), coveringFilings(c, period, registry)]);
  return templates.map((t) => consolidate(t, period, registry, reports.get(t.id) ?? [], shorter.get(t.id)));
}

/** The coordinator in force on the day `at` (Viet Nam time): who issues what is drafted that day. */
async function issuerOn(c: Context<AppEnv>, at: Date) {
  const day = vietnamDay(at);
  return coordinatorOn(await unitsDuring(c.env.DB, day, day), day);
}

route(consolidationRoutes, API.periodConsolidation, async (c, { params }) => {
  const period = requirePeriod(params.period);
  const consolidations = await consolidatePeriod(c, period);
  return c.json({ period: period.code, province: c.env.PROVINCE_NAME ?? '', generatedAt: now(c).toISOString(), engineVersion: ENGINE_VERSION, consolidations });
});

route(consolidationRoutes, API.periodWorkbook, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const lang = query.lang ?? c.get('lang');
  const generatedAt = now(c);
  // The workbook is the annex of the report drafted the same day, by the same issuer.
  const [consolidations, issuer] = await Promise.all([consolidatePeriod(c, period), issuerOn(c, generatedAt)]);
  const model = consolidatedWorkbook({ province: c.env.PROVINCE_NAME ?? '', period, generatedAt: generatedAt.toISOString(), engineVersion: ENGINE_VERSION, consolidations, lang, issuer });
  // The file's own creation date is the generation time, so the same data at the same time gives the same bytes.
  return xlsxResponse(writeWorkbook(model, { created: generatedAt }), `tong-hop-${period.code}.xlsx`);
});

route(consolidationRoutes, API.periodReport, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const yearBefore = sameTimeYearBefore(period);
  const drafted = now(c);
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
  const templates = templatesFor(period);
  const registry = await unitsDuring(c.env.DB, period.start, registryUntil(templates, period));
  const ended = endedDuring(period, registry).map((u) => u.code);
  const [states, shorter] = await Promise.all([periodStates(c.env.DB, period.code), shorterFilingKeys(c.env.DB, periodsWithin(period).map((p) => p.code), ended)]);
  return c.json({ ...periodStatus(templates, period, registry, states, shorter), generatedAt: now(c).toISOString() });
});

route(consolidationRoutes, API.periods, async (c) => {
  const principal = c.get('principal');
  const rows = await filedPeriodSummaries(c.env.DB, principal.role === 'unit' ? principal.unit : null);
  return c.json(newestFirst(rows));
});

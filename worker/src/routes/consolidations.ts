/**
 * Provincial figures and completeness, for DIC and auditors: as JSON per template or per period, and as a
 * workbook and a drafted report. A closed period answers its closed files, byte for byte, unless
 * `?live=true` asks for the live figures, which are then marked as live.
 */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import { PeriodConsolidationSchema } from '../../../shared/api/schemas';
import { now } from '../lib/clock';
import { route } from '../lib/route';
import { consolidate, endedDuring, periodStatus, registryUntil } from '../../../shared/consolidation';
import { newestFirst, periodsWithin, type Period } from '../../../shared/periods';
import { filedPeriodSummaries, latestReports, periodStates, shorterFilingKeys } from '../db/submissions';
import { templatesFor } from '../../../shared/templates';
import { unitsDuring } from '../db/units';
import { closedFile, lockOf, type ClosedKind, type StoredFile } from '../db/closing';
import type { AppEnv } from '../env';
import { requireFiledFor, requirePeriod, requireTemplate } from '../lib/params';
import { docxResponse, xlsxResponse } from '../lib/xlsx-response';
import { closedResponse, CLOSED_VERSION_HEADER, markedLive } from '../lib/closed-response';
import { consolidatePeriod, coveringFilings, deploymentOf, periodJson, periodReportBytes, periodWorkbookBytes } from '../lib/period-files';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../shared/api/media';

export const consolidationRoutes = new Hono<AppEnv>();

/** The closed file of the period, unless the live figures are asked for. */
function closedUnlessLive(c: Context<AppEnv>, period: Period, kind: ClosedKind, live: boolean | undefined): Promise<StoredFile | null> {
  return live ? Promise.resolve(null) : closedFile(c.env.DB, period.code, kind);
}

/** Whether a live answer (`?live=true`) is of a closed period: it is then marked as live. */
async function liveOfClosed(c: Context<AppEnv>, period: Period, asked: boolean | undefined): Promise<boolean> {
  return asked === true && (await lockOf(c.env.DB, period.code))?.state === 'closed';
}

route(consolidationRoutes, API.consolidation, async (c, { params, query }) => {
  requireTemplate(params.template);
  const period = requirePeriod(params.period);
  const template = requireTemplate(params.template, undefined, period);
  requireFiledFor(template, period);
  const province = c.env.PROVINCE_NAME ?? '';
  const closed = await closedUnlessLive(c, period, 'json', query.live);
  if (closed) {
    const stored = PeriodConsolidationSchema.parse(JSON.parse(new TextDecoder().decode(closed.bytes)));
    const result = stored.consolidations.find((x) => x.template.id === template.id);
    if (result) {
      const response = c.json({ ...result, generatedAt: stored.generatedAt, province: stored.province, ...(stored.closed ? { closed: stored.closed } : {}) });
      response.headers.set(CLOSED_VERSION_HEADER, String(closed.version));
      return response;
    }
  }
  const registry = await unitsDuring(c.env.DB, period.start, registryUntil([template], period));
  const [reports, shorter] = await Promise.all([latestReports(c.env.DB, template.id, period.code), coveringFilings(c.env.DB, period, registry, template.id)]);
  const result = consolidate(template, period, registry, reports, shorter.get(template.id));
  const labelled = await liveOfClosed(c, period, query.live);
  const response = c.json({ ...result, generatedAt: now(c).toISOString(), province, ...(labelled ? { live: true } : {}) });
  return labelled ? markedLive(response) : response;
});

route(consolidationRoutes, API.periodConsolidation, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const closed = await closedUnlessLive(c, period, 'json', query.live);
  if (closed) return closedResponse(c, closed, 'application/json; charset=utf-8');
  const consolidations = await consolidatePeriod(c.env.DB, period);
  const labelled = await liveOfClosed(c, period, query.live);
  const response = c.json(periodJson(deploymentOf(c.env), period, consolidations, now(c), labelled ? { live: true } : {}));
  return labelled ? markedLive(response) : response;
});

route(consolidationRoutes, API.periodWorkbook, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const filename = `tong-hop-${period.code}.xlsx`;
  const closed = await closedUnlessLive(c, period, 'xlsx', query.live);
  if (closed) return closedResponse(c, closed, XLSX_MEDIA_TYPE, filename);
  const consolidations = await consolidatePeriod(c.env.DB, period);
  const bytes = await periodWorkbookBytes(c.env.DB, deploymentOf(c.env), period, consolidations, query.lang ?? c.get('lang'), now(c));
  return (await liveOfClosed(c, period, query.live)) ? markedLive(xlsxResponse(bytes, filename)) : xlsxResponse(bytes, filename);
});

route(consolidationRoutes, API.periodReport, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  const filename = `bao-cao-${period.code}.docx`;
  const closed = await closedUnlessLive(c, period, 'docx', query.live);
  if (closed) return closedResponse(c, closed, DOCX_MEDIA_TYPE, filename);
  const consolidations = await consolidatePeriod(c.env.DB, period);
  const bytes = await periodReportBytes(c.env.DB, deploymentOf(c.env), period, consolidations, query.lang ?? c.get('lang'), now(c));
  return (await liveOfClosed(c, period, query.live)) ? markedLive(docxResponse(bytes, filename)) : docxResponse(bytes, filename);
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

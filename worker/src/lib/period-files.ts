/**
 * A period's consolidation as the files the province sends upward: the JSON of every template, the
 * workbook and the drafted report. Served live by the consolidation routes, and made once, at the close's
 * time, when a period is closed: the same code, so a closed file is what the live one was at that moment.
 */
import { consolidate, endedDuring, registryUntil, type Consolidation, type ShorterFiling } from '../../../shared/consolidation';
import { coordinatorOn } from '../../../shared/registry/coordinator';
import type { Unit } from '../../../shared/registry/units';
import type { Lang } from '../../../shared/i18n';
import { periodsWithin, sameTimeYearBefore, vietnamDay, type Period } from '../../../shared/periods';
import { draftReport } from '../../../shared/report/draft';
import { templatesFor } from '../../../shared/templates';
import { ENGINE_VERSION } from '../../../shared/validation';
import { consolidatedWorkbook } from '../../../shared/workbook';
import { writeReport } from '../../../docx/report';
import { writeWorkbook } from '../../../xlsx/write';
import type { PeriodConsolidation } from '../../../shared/api/schemas';
import { latestReportsOfPeriod, shorterFilings } from '../db/submissions';
import { coordinatorRecordsOn, unitsDuring } from '../db/units';

/** What a deployment's outputs say about themselves: the province, and whether its figures are illustrative (the demo). */
export interface Deployment {
  province: string;
  illustrative: boolean;
}

export function deploymentOf(env: { PROVINCE_NAME?: string; ILLUSTRATIVE?: string }): Deployment {
  return { province: env.PROVINCE_NAME ?? '', illustrative: env.ILLUSTRATIVE === 'on' };
}

/** The filings of shorter periods that cover the part of units that ended during the period, by template. */
export function coveringFilings(db: D1Database, period: Period, registry: readonly Unit[], template?: string): Promise<Map<string, ShorterFiling[]>> {
  const ended = endedDuring(period, registry).map((u) => u.code);
  return shorterFilings(db, periodsWithin(period).map((p) => p.code), ended, template);
}

/** The last day of the registry a period's consolidation reads (a yearly index is filed in the next year). */
export function lastRegistryDay(period: Period): string {
  return registryUntil(templatesFor(period), period);
}

/** Every template filed in the period, consolidated, from one read of the database. */
export async function consolidatePeriod(db: D1Database, period: Period): Promise<Consolidation[]> {
  const templates = templatesFor(period);
  const registry = await unitsDuring(db, period.start, registryUntil(templates, period));
  const [reports, shorter] = await Promise.all([latestReportsOfPeriod(db, period.code), coveringFilings(db, period, registry)]);
  return templates.map((t) => consolidate(t, period, registry, reports.get(t.id) ?? [], shorter.get(t.id)));
}

/** The coordinator in force on the day `at` (Viet Nam time): who issues what is drafted that day. */
export async function issuerOn(db: D1Database, at: Date) {
  const day = vietnamDay(at);
  return coordinatorOn(await coordinatorRecordsOn(db, day), day);
}

export function periodJson(deployment: Deployment, period: Period, consolidations: Consolidation[], generatedAt: Date, extra: Pick<PeriodConsolidation, 'closed' | 'live'> = {}): PeriodConsolidation {
  return { period: period.code, province: deployment.province, generatedAt: generatedAt.toISOString(), engineVersion: ENGINE_VERSION, consolidations, ...(deployment.illustrative ? { illustrative: true } : {}), ...extra };
}

/** The workbook: the annex of the report drafted the same day, by the same issuer. */
export async function periodWorkbookBytes(db: D1Database, deployment: Deployment, period: Period, consolidations: Consolidation[], lang: Lang, generatedAt: Date): Promise<Uint8Array> {
  const issuer = await issuerOn(db, generatedAt);
  const model = consolidatedWorkbook({ ...deployment, period, generatedAt: generatedAt.toISOString(), engineVersion: ENGINE_VERSION, consolidations, lang, issuer });
  // The file's own creation date is the generation time, so the same data at the same time gives the same bytes.
  return writeWorkbook(model, { created: generatedAt });
}

export async function periodReportBytes(db: D1Database, deployment: Deployment, period: Period, consolidations: Consolidation[], lang: Lang, generatedAt: Date): Promise<Uint8Array> {
  // Issued by the coordinator of the drafting day, which may not be the period's.
  const [previous, issuer] = await Promise.all([consolidatePeriod(db, sameTimeYearBefore(period)), issuerOn(db, generatedAt)]);
  const draft = draftReport({
    ...deployment,
    period,
    generatedAt: generatedAt.toISOString(),
    issuer,
    consolidations,
    // A template nobody filed a year before gives nothing to compare with.
    previousYear: previous.filter((x) => x.completeness.submitted > 0),
    lang,
  });
  return writeReport(draft);
}

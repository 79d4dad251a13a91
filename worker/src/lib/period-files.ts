/**
 * A period's consolidation as the files the province sends upward: the JSON of every template, the
 * workbook and the drafted report. Served live by the consolidation routes, and made once, at the close's
 * time, when a period is closed: the same code, so a closed file is what the live one was at that moment.
 */
import { consolidate, endedDuring, type Consolidation, type ShorterFiling } from '../../../shared/consolidation';
import type { Unit } from '../../../shared/registry/units';
import type { Lang } from '../../../shared/i18n';
import { periodsWithin, sameTimeYearBefore, type Period } from '../../../shared/periods';
import { draftReport } from '../../../shared/report/draft';
import { TEMPLATES, isFiledFor } from '../../../shared/templates';
import { ENGINE_VERSION } from '../../../shared/validation';
import { consolidatedWorkbook } from '../../../shared/workbook';
import { writeReport } from '../../../docx/report';
import { writeWorkbook } from '../../../xlsx/write';
import type { PeriodConsolidation } from '../../../shared/api/schemas';
import { latestReportsOfPeriod, shorterFilings } from '../db/submissions';
import { unitsDuring } from '../db/units';

/** The filings of shorter periods that cover the part of units that ended during the period, by template. */
export function coveringFilings(db: D1Database, period: Period, registry: readonly Unit[], template?: string): Promise<Map<string, ShorterFiling[]>> {
  const ended = endedDuring(period, registry).map((u) => u.code);
  return shorterFilings(db, periodsWithin(period).map((p) => p.code), ended, template);
}

/** Every template filed in the period, consolidated. */
export async function consolidatePeriod(db: D1Database, period: Period): Promise<Consolidation[]> {
  const registry = await unitsDuring(db, period.start, period.end);
  const [reports, shorter] = await Promise.all([latestReportsOfPeriod(db, period.code), coveringFilings(db, period, registry)]);
  return TEMPLATES.filter((t) => isFiledFor(t, period)).map((t) => consolidate(t, period, registry, reports.get(t.id) ?? [], shorter.get(t.id)));
}

export function periodJson(province: string, period: Period, consolidations: Consolidation[], generatedAt: Date, extra: Pick<PeriodConsolidation, 'closed' | 'live'> = {}): PeriodConsolidation {
  return { period: period.code, province, generatedAt: generatedAt.toISOString(), engineVersion: ENGINE_VERSION, consolidations, ...extra };
}

export function periodWorkbookBytes(province: string, period: Period, consolidations: Consolidation[], lang: Lang, generatedAt: Date): Uint8Array {
  const model = consolidatedWorkbook({ province, period, generatedAt: generatedAt.toISOString(), engineVersion: ENGINE_VERSION, consolidations, lang });
  // The file's own creation date is the generation time, so the same data at the same time gives the same bytes.
  return writeWorkbook(model, { created: generatedAt });
}

export async function periodReportBytes(db: D1Database, province: string, period: Period, consolidations: Consolidation[], lang: Lang, generatedAt: Date): Promise<Uint8Array> {
  const previous = await consolidatePeriod(db, sameTimeYearBefore(period));
  const draft = draftReport({
    province,
    period,
    generatedAt: generatedAt.toISOString(),
    consolidations,
    // A template nobody filed a year before gives nothing to compare with.
    previousYear: previous.filter((x) => x.completeness.submitted > 0),
    lang,
  });
  return writeReport(draft);
}

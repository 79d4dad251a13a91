/**
 * The one way the add-in checks a sheet, used by the task pane's Kiểm tra and by the custom function:
 * a template sheet is one report; a consolidated sheet is one report per row (the provincial total and each unit).
 */
import type { Submission } from '../../shared/submission';
import { catalogue, type Lang } from '../../shared/i18n';
import { getTemplate, templateIds, templateVersion, type Template, type UnitKind } from '../../shared/templates';
import { templateOfSubmission, validate, type Report } from '../../shared/validation';
import { readRecords, readTemplateGrid, type NameRef, type SheetGrid } from '../../shared/workbook';
import type { TemplateSheetRead } from './excel/port';

export class CheckError extends Error {}

export interface SheetCheck {
  /** The row a report is about, on a consolidated sheet; null for a template sheet. */
  label: string | null;
  report: Report;
  submission: Submission;
  /** Where a cell of this report is on the sheet, for issues the server returns. */
  locate?: (ref: string) => string | undefined;
}

export interface CheckOptions {
  names?: readonly NameRef[];
  period?: string;
  unit?: string;
  unitKind?: UnitKind;
  version?: string;
  lang?: Lang;
  /** Today in Viet Nam, where the sheet is about to be filed: a period not yet begun is refused, as the server does. */
  today?: string;
  /** The previous period's figures the server compares a filing with, so Kiểm tra gives its verdict. */
  previous?: Record<string, number | string>;
  /** Which period and whose figures `previous` holds, as the server names them in its jump warnings. */
  compared?: { period: string; units: readonly string[] };
  /** The last day the unit was in force, when it ended during the period. */
  unitUntil?: string;
}

const NO_TEMPLATE = catalogue({
  vi: (id: string, ids: string) => `Không có mẫu "${id}" (${ids}).`,
  en: (id: string, ids: string) => `No template "${id}" (${ids}).`,
});

/** The template a sheet is checked against: the version in force for its period (else the one it names, else the current one). */
export function templateFor(id: string, lang: Lang, sheet: Pick<CheckOptions, 'period' | 'version'> = {}): Template {
  const current = getTemplate(String(id ?? '').trim());
  if (!current) throw new CheckError(NO_TEMPLATE[lang](id, templateIds().join(', ')));
  return templateOfSubmission({ template: current.id, version: sheet.version ?? '', period: sheet.period ?? '' }) ?? current;
}

export function checkGrid(grid: SheetGrid, templateId: string, options: CheckOptions = {}): SheetCheck[] {
  const lang = options.lang ?? 'vi';
  const template = templateFor(templateId, lang, options);
  // A sheet is read with the rows of its own version; another version than its period's is refused by the engine.
  const layout = (options.version && templateVersion(template.id, options.version)) || template;
  const validateOptions = {
    lang,
    ...(options.unitKind ? { unitKind: options.unitKind } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.unitUntil ? { unitUntil: options.unitUntil } : {}),
  };
  const header = {
    period: options.period ?? '',
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.version ? { version: options.version } : {}),
  };

  if (layout.kind === 'indicator') {
    const records = readRecords(layout, grid);
    if (records.length > 0) {
      return records.map((r) => {
        const submission = { ...r.submission, ...header, unit: undefined };
        return { label: r.label, submission, locate: r.locate, report: validate(template, submission, { ...validateOptions, locate: r.locate }) };
      });
    }
  }
  const read = readTemplateGrid(layout, grid, options.names ? { names: options.names } : {});
  const submission = { ...read.submission, ...header };
  const previous = options.previous ? { previous: options.previous, ...(options.compared ? { compared: options.compared } : {}) } : {};
  return [{ label: null, submission, locate: read.locate, report: validate(template, submission, { ...validateOptions, ...previous, locate: read.locate }) }];
}

/**
 * A sheet as read from the workbook, checked with what the workbook records about it (period, unit,
 * version). `unitKind` stands in when the metadata does not say what kind of unit filed it.
 */
export function checkSheetRead(
  read: TemplateSheetRead,
  templateId: string,
  lang: Lang,
  unitKind?: UnitKind,
  today?: string,
  more: Pick<CheckOptions, 'previous' | 'compared' | 'unitUntil'> = {},
): SheetCheck[] {
  const m = read.metadata;
  const kind = m?.unitKind ?? unitKind;
  return checkGrid(read.grid, templateId, {
    ...more,
    names: read.names,
    period: m?.period ?? '',
    lang,
    ...(today ? { today } : {}),
    ...(m?.version ? { version: m.version } : {}),
    ...(m?.unit ? { unit: m.unit } : {}),
    ...(kind ? { unitKind: kind } : {}),
  });
}

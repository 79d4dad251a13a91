/** Where things sit on a template sheet. Readers do not rely on it (they find cells by name and by code), writers do. */
import type { Lang } from '../i18n';
import { parsePeriod, periodLabel } from '../periods';
import type { Template, UnitKind } from '../templates/schema';
import { SHEET_WORDS } from './words';

export const LAYOUT = {
  titleRow: 0,
  unitRow: 1,
  metaRow: 2,
  instructionRow: 3,
  headerRow: 4,
  keyRow: 5,
  firstDataRow: 6,
  indexCol: 0,
  codeCol: 1,
  labelCol: 2,
  unitCol: 3,
  firstValueCol: 4,
} as const;

export interface UnitInfo {
  code: string;
  name?: string;
  kind?: UnitKind;
}

export interface TemplateSheetOptions {
  unit?: UnitInfo;
  period?: string;
  lang?: Lang;
}

/** The defined name of a template cell: `BM03_TT02_KQ`. */
export function cellName(templateId: string, ref: string): string {
  return `${templateId}_${ref.replace('.', '_')}`;
}

/** `BM03_TT02_KQ` → `TT02.KQ` for that template, else undefined. */
export function refFromName(templateId: string, name: string): string | undefined {
  const prefix = `${templateId}_`;
  if (!name.toUpperCase().startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length).toUpperCase();
  const us = rest.lastIndexOf('_');
  if (us <= 0) return undefined;
  return `${rest.slice(0, us)}.${rest.slice(us + 1)}`;
}

export const LIST_RANGE_SUFFIX = 'DS';

export function sheetTitle(template: Template, lang: Lang): string {
  return SHEET_WORDS[lang].templateTitle(template.id, template.title[lang]);
}

export function unitLine(unit: UnitInfo | undefined, lang: Lang): string {
  const w = SHEET_WORDS[lang];
  return `${w.reportingUnit}: ${!unit ? w.blank : unit.name ? `${unit.name} (${unit.code})` : unit.code}`;
}

export function periodLine(period: string | undefined, lang: Lang): string {
  const w = SHEET_WORDS[lang];
  const parsed = period ? parsePeriod(period) : undefined;
  return `${w.periodLabel}: ${parsed ? `${periodLabel(parsed, lang)} (${parsed.code})` : w.blank}`;
}

export function metaLine(template: Template, lang: Lang): string {
  return SHEET_WORDS[lang].meta(template.id, template.version, template.source);
}

export function instructionLine(template: Template, lang: Lang): string {
  const w = SHEET_WORDS[lang];
  return template.kind === 'list' ? w.instructionList : w.instructionIndicator;
}

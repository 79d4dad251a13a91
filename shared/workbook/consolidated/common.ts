/** What every consolidated sheet shares: its header lines, value formats, status words. */
import type { Consolidation, ReviewStatus } from '../../consolidation';
import { shiftDecimal } from '../../numbers/decimal';
import type { Lang } from '../../i18n';
import { periodLabel, type Period } from '../../periods';
import type { Measure } from '../../templates/schema';
import type { CellModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { SHEET_WORDS } from '../words';

export interface ConsolidatedInput {
  province: string;
  period: Period;
  /** ISO time the figures were read. */
  generatedAt: string;
  engineVersion: string;
  consolidations: readonly Consolidation[];
  lang?: Lang;
}

export const HEADER_ROWS = 4;

/** The code column of the provincial total row, where unit rows carry the unit's code. */
export const PROVINCE_ROW_CODE: Record<Lang, string> = { vi: SHEET_WORDS.vi.provinceRowCode, en: SHEET_WORDS.en.provinceRowCode };

export function headerLines(title: string, input: ConsolidatedInput, extra?: string): CellModel[] {
  const w = SHEET_WORDS[input.lang ?? 'vi'];
  const period = `${periodLabel(input.period, input.lang ?? 'vi')} (${input.period.code})`;
  const coordinator = input.consolidations.find((c) => c.structure.coordinator)?.structure.coordinator;
  return [
    { row: 0, col: 0, value: title, style: 'title' },
    { row: 1, col: 0, value: w.provinceLine(input.province, period) + (coordinator ? w.coordinatorLine(coordinator.name) : ''), style: 'subtitle' },
    { row: 2, col: 0, value: w.generatedLine(formatTime(input.generatedAt), input.engineVersion) + (extra ? ` · ${extra}` : ''), style: 'meta' },
  ];
}

/** `2024-06-20T03:00:00Z` → `20/06/2024 10:00` in Viet Nam time. */
export function formatTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export function statusWord(status: ReviewStatus | null, lang: Lang): string {
  return SHEET_WORDS[lang].status[status ?? 'missing'];
}

export function kindWord(kind: 'department' | 'district' | 'commune', lang: Lang): string {
  return SHEET_WORDS[lang].kind[kind];
}

/** A figure as a sheet holds it: percentages as fractions under a percent format. */
export function valueCell(row: number, col: number, value: number | string | null | undefined, measure: Measure, style: CellModel['style'] = 'value'): CellModel {
  if (value === null || value === undefined) return { row, col, style };
  if (typeof value === 'string') return { row, col, value, style: style === 'valueBold' ? 'unitName0' : 'plain', numberFormat: NUMBER_FORMATS.text };
  const format =
    measure === 'percent' ? NUMBER_FORMATS.percent : measure === 'money' ? NUMBER_FORMATS.money : measure === 'score' ? NUMBER_FORMATS.score : NUMBER_FORMATS.count;
  return { row, col, value: measure === 'percent' ? shiftDecimal(value, -2) : value, numberFormat: format, style };
}

export function sheetNameFor(templateId: string): string {
  return `TH_${templateId}`;
}

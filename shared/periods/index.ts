/**
 * Reporting periods: `2024` (year), `2024-H1`/`2024-H2` (half-year), `2024-Q1` … `2024-Q4`,
 * and their deadlines (seed 004 §VI; seed 002 §IV): units send to DIC before the 25th of the
 * last month of a quarter and before 20 December for the year; DIC reports before the 30th and
 * 25 December. A last day that is not a working day moves to the next working day.
 */
import type { PeriodKind } from './kinds';

export * from './kinds';
import { catalogue, type Lang } from '../i18n';
import { workingDayFrom } from '../calendar/working-days';

export interface Period {
  code: string;
  year: number;
  kind: PeriodKind;
  /** 1–4 for quarters, 1–2 for halves, 1 for a year. */
  index: number;
  /** First and last day, ISO dates. */
  start: string;
  end: string;
  /** Last day a unit may submit on time (inclusive), ISO date. */
  unitDeadline: string;
  /** Last day DIC reports upward (inclusive), ISO date. */
  dicDeadline: string;
}

const PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

export function parsePeriod(code: string): Period | undefined {
  const m = PERIOD.exec(code.trim().toUpperCase());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  return periodOf(year, m[2]);
}

/**
 * The period of `year` and `part` (`Q1`, `H2`, none for the year), with its days and deadlines. Not
 * bounded as input is: the period before the first one accepted is still a period (with no filings).
 */
function periodOf(year: number, part: string | undefined): Period {
  const kind: PeriodKind = part ? (part[0] as 'Q' | 'H') : 'Y';
  const index = part ? Number(part.slice(1)) : 1;
  const months = kind === 'Q' ? 3 : kind === 'H' ? 6 : 12;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = isoDate(year, firstMonth, 1);
  const end = isoDate(year, lastMonth, daysInMonth(year, lastMonth));
  // The annual report closes in December; a half-year or a quarter in its last month. A deadline
  // that falls on a weekend or a day off moves to the next working day.
  const unitDeadline = workingDayFrom(lastMonth === 12 ? isoDate(year, 12, 19) : isoDate(year, lastMonth, 24));
  const dicDeadline = workingDayFrom(lastMonth === 12 ? isoDate(year, 12, 24) : isoDate(year, lastMonth, 29));
  return { code: part ? `${year}-${part}` : String(year), year, kind, index, start, end, unitDeadline, dicDeadline };
}

export function isPeriodCode(code: string): boolean {
  return parsePeriod(code) !== undefined;
}

const PERIOD_NAMES = catalogue({
  vi: {
    Y: (p: Period) => `Năm ${p.year}`,
    H: (p: Period) => `${p.index === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${p.year}`,
    Q: (p: Period) => `Quý ${['I', 'II', 'III', 'IV'][p.index - 1]} năm ${p.year}`,
  },
  en: {
    Y: (p: Period) => `Year ${p.year}`,
    H: (p: Period) => `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`,
    Q: (p: Period) => `Q${p.index} ${p.year}`,
  },
});

/** `6 tháng đầu năm 2024`, `Quý III năm 2024`, `Năm 2024`: a period as people say it. */
export function periodLabel(period: Period, lang: Lang = 'vi'): string {
  return PERIOD_NAMES[lang][period.kind](period);
}

/** The period named inside a sentence (`kỳ năm 2024`, `kỳ quý III năm 2024`): its name without the capital. */
export function periodInSentence(period: Period, lang: Lang = 'vi'): string {
  const label = periodLabel(period, lang);
  return /^Q\d/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The same kind of period one step earlier (2024-H1 → 2023-H2), for jump checks. */
export function periodBefore(period: Period): Period {
  if (period.kind === 'Y') return periodOf(period.year - 1, undefined);
  const count = period.kind === 'Q' ? 4 : 2;
  return period.index === 1 ? periodOf(period.year - 1, `${period.kind}${count}`) : periodOf(period.year, `${period.kind}${period.index - 1}`);
}

/** The shorter periods inside one: halves then quarters of a year, quarters of a half, none of a quarter. */
export function periodsWithin(period: Period): Period[] {
  const parts = period.kind === 'Y' ? ['H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'] : period.kind === 'H' ? (period.index === 1 ? ['Q1', 'Q2'] : ['Q3', 'Q4']) : [];
  return parts.map((part) => periodOf(period.year, part));
}

/** The code of the period before (2024-H1 → `2023-H2`). */
export function previousPeriod(period: Period): string {
  return periodBefore(period).code;
}

/** The same period a year earlier (2024-H1 → 2023-H1): what a report compares a figure with ("so với cùng kỳ"). */
export function sameTimeYearBefore(period: Period): Period {
  return periodOf(period.year - 1, period.kind === 'Y' ? undefined : `${period.kind}${period.index}`);
}

/** The day it is in Viet Nam (UTC+7) at an instant, as an ISO date: deadlines and periods are local days. */
export function vietnamDay(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Has the period started by `day` (ISO date, Viet Nam)? A report may be filed during its period, not before. */
export function hasBegun(period: Period, day: string): boolean {
  return period.start <= day;
}

/** Whole days a submission on `submittedAt` came after the unit deadline (0 when on time). */
export function daysLate(period: Period, submittedAt: Date | string): number {
  const day = Date.parse(vietnamDay(submittedAt) + 'T00:00:00Z');
  const deadline = Date.parse(period.unitDeadline + 'T00:00:00Z');
  return Math.max(0, Math.round((day - deadline) / 86_400_000));
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The period of a kind that contains `day` (ISO date). */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const code = kind === 'Y' ? String(year) : kind === 'H' ? `${year}-H${month <= 6 ? 1 : 2}` : `${year}-Q${Math.ceil(month / 3)}`;
  return parsePeriod(code)!;
}

/** The current period of each kind and a few before it, newest first: what a clerk picks from. */
export function recentPeriods(kinds: readonly PeriodKind[], day: string, perKind = 4): Period[] {
  const out: Period[] = [];
  for (const kind of kinds) {
    let p = periodContaining(kind, day);
    for (let i = 0; i < perKind; i++) {
      out.push(p);
      p = periodBefore(p);
    }
  }
  // Periods under way come first, the one ending soonest on top; then past ones, newest first.
  const current = out.filter((p) => p.start <= day && day <= p.end).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  const past = out.filter((p) => p.end < day).sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : kinds.indexOf(a.kind) - kinds.indexOf(b.kind)));
  return [...current, ...past];
}

const KIND_ORDER: Record<PeriodKind, number> = { Q: 0, H: 1, Y: 2 };

/** Items of periods, the one ending latest first; among those ending together the shortest (a quarter before its year). */
export function newestFirst<T extends { period: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, p: parsePeriod(item.period) }));
  return keyed
    .sort((a, b) => {
      if (!a.p || !b.p) return a.p ? -1 : b.p ? 1 : 0;
      if (a.p.end !== b.p.end) return a.p.end < b.p.end ? 1 : -1;
      return KIND_ORDER[a.p.kind] - KIND_ORDER[b.p.kind];
    })
    .map((k) => k.item);
}

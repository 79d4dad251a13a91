/**
 * Calendar days (`YYYY-MM-DD`) as plain functions, without the schema: what the task pane's first
 * screen and the deadlines need (the schema is in `calendar-date.ts`).
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `s` a real day written `YYYY-MM-DD`, in years 1–9999? */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `day` moved by `days` (negative for earlier); `day` must be a calendar date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The day after `day`; the end of time stays the end of time. */
export function dayAfter(day: string): string {
  return day >= '9999-12-31' ? '9999-12-31' : addDays(day, 1);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

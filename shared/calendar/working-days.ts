/**
 * Working days as people count them: not a Saturday or a Sunday, not a public holiday nor a
 * compensatory day off, unless a Saturday was worked in exchange. The national calendar
 * (`holidays.ts`) and the province's own additions (`province-days.json`: days off and working
 * days it decides) are data; deadlines that fall on a day off move to the next working day.
 */
import { addDays, weekday } from '../dates/days';
import { PUBLIC_HOLIDAYS, WORKING_SATURDAYS, type CalendarDay } from './holidays';
import PROVINCE from './province-days.json';

const province = PROVINCE as { daysOff: CalendarDay[]; workingDays: CalendarDay[] };
const DAYS_OFF = new Map([...PUBLIC_HOLIDAYS, ...province.daysOff].map((d) => [d.day, d.name]));
const WORKED = new Set([...WORKING_SATURDAYS, ...province.workingDays].map((d) => d.day));

/** Why `day` is not a working day (a holiday's name, `thứ Bảy`, `Chủ nhật`), or null when it is one. */
export function dayOffReason(day: string): string | null {
  if (WORKED.has(day)) return null;
  const holiday = DAYS_OFF.get(day);
  if (holiday) return holiday;
  const w = weekday(day);
  return w === 6 ? 'thứ Bảy' : w === 0 ? 'Chủ nhật' : null;
}

export function isWorkingDay(day: string): boolean {
  return dayOffReason(day) === null;
}

/** `day` itself when it is a working day, else the first working day after it. */
export function workingDayFrom(day: string): string {
  let d = day;
  // Tết with its weekends is the longest run of days off: about ten days.
  for (let i = 0; i < 31 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

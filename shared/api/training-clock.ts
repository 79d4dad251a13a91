/**
 * The training clock: a demo or training session files "as of" another day. It sends the day (or an
 * exact instant) in a request header; a worker follows it only where its deployment turns the clock
 * on (`TRAINING_CLOCK = "on"`, set by `npm start`, never in production), and ignores it elsewhere.
 */
export const TRAINING_CLOCK_HEADER = 'Chitieu-Today';

/** A header longer than any date or ISO instant is refused before it is parsed. */
const MAX_LENGTH = 40;
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isCalendarDay(y: string, m: string, d: string): boolean {
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d) && Number(y) >= 1900;
}

/**
 * The instant a training header stands for: a calendar day (`2025-06-10`) is that day in Viet Nam at
 * the real time of day, so filings of one session keep their order; an ISO 8601 instant is itself.
 * Anything else is undefined.
 */
export function trainingInstant(value: string, real: Date): Date | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  const day = DAY.exec(text);
  if (day) {
    if (!isCalendarDay(day[1]!, day[2]!, day[3]!)) return undefined;
    const timeOfDay = (((real.getTime() + VIETNAM_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    return new Date(Date.parse(`${text}T00:00:00Z`) - VIETNAM_OFFSET_MS + timeOfDay);
  }
  const instant = INSTANT.exec(text);
  if (!instant || !isCalendarDay(instant[1]!, instant[2]!, instant[3]!)) return undefined;
  if (Number(instant[4]) > 23 || Number(instant[5]) > 59 || Number(instant[6] ?? 0) > 59) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at);
}

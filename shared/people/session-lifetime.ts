/**
 * A session lasts a working day: ten hours from sign-in, and never past midnight, Viet Nam time, of
 * the day it began. Nothing signed in survives the night in a browser.
 */
export const SESSION_HOURS = 10;

const VIETNAM_OFFSET_MS = 7 * 3600_000;

export function sessionExpiry(signedInAt: Date): Date {
  const tenHours = signedInAt.getTime() + SESSION_HOURS * 3600_000;
  const local = signedInAt.getTime() + VIETNAM_OFFSET_MS;
  const midnight = Math.floor(local / 86_400_000 + 1) * 86_400_000 - VIETNAM_OFFSET_MS;
  return new Date(Math.min(tenHours, midnight));
}

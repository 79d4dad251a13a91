/**
 * How long a bearer token lasts: a year unless its creator says otherwise, three years at most, so
 * that every token is renewed (rotated) from time to time. `expiresAt` is the last day, in Viet Nam,
 * on which it is accepted.
 */
import { isCalendarDate } from '../dates/days';

export const TOKEN_LIFETIME_DAYS = { default: 365, max: 3 * 365 } as const;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function defaultExpiry(today: string): string {
  return addDays(today, TOKEN_LIFETIME_DAYS.default);
}

/** Why an expiry date cannot be taken, or undefined when it can. */
export function expiryProblem(expiresAt: string, today: string): 'format' | 'past' | 'too_far' | undefined {
  if (!isCalendarDate(expiresAt)) return 'format';
  if (expiresAt < today) return 'past';
  if (expiresAt > addDays(today, TOKEN_LIFETIME_DAYS.max)) return 'too_far';
  return undefined;
}

export function isExpired(expiresAt: string | null, today: string): boolean {
  return expiresAt !== null && today > expiresAt;
}

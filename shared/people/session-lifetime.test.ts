import { describe, expect, it } from 'vitest';
import { sessionExpiry } from './session-lifetime';

describe('a session lasts a working day', () => {
  it('ends ten hours after sign-in, or at midnight Viet Nam time if that comes first', () => {
    // 07:30 in Viet Nam → 17:30 the same day.
    expect(sessionExpiry(new Date('2026-12-04T00:30:00Z')).toISOString()).toBe('2026-12-04T10:30:00.000Z');
    // 20:00 in Viet Nam → midnight, 4 hours later.
    expect(sessionExpiry(new Date('2026-12-04T13:00:00Z')).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    // 00:10 in Viet Nam is a new day: ten hours.
    expect(sessionExpiry(new Date('2026-12-04T17:10:00Z')).toISOString()).toBe('2026-12-05T03:10:00.000Z');
  });
});

import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const guess = (i: number, path = '/api/v1/me') =>
  SELF.fetch(new Request(`http://127.0.0.1:8787${path}`, {
    method: path === '/api/v1/me' ? 'GET' : 'POST',
    headers: { authorization: `Bearer ctk_guess${i}`, 'cf-connecting-ip': `198.51.100.${i}`, 'content-type': 'application/json' },
    ...(path === '/api/v1/me' ? {} : { body: JSON.stringify({ code: `cth_guess${i}` }) }),
  }));

describe('failed sign-ins on a local server', () => {
  it('share one bucket whatever CF-Connecting-IP each request makes up, tokens and hand-back codes alike', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess(i)).status);
    for (let i = 6; i < 12; i++) statuses.push((await guess(i, '/api/v1/auth/exchange')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

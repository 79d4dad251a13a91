import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { problem } from '../../test/helpers';

const CONTEXT = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
// A provider nobody answers at: every start that passes the limiter ends in 502, without a network.
const withProvider = { ...env, OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'chitieu' };
const app = createApp();

const start = (host: string, address: string, lang = 'vi') =>
  app.fetch(new Request(`http://${host}/api/v1/auth/login?lang=${lang}`, { headers: { 'cf-connecting-ip': address } }), withProvider, CONTEXT);

describe('starting a sign-in', () => {
  it('is limited per address on a local server, whatever CF-Connecting-IP each request makes up: 429 in both languages', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await start('127.0.0.1:8787', `198.51.100.${i}`)).status);
    expect(statuses.every((s) => s === 502)).toBe(true);
    const refused = await start('127.0.0.1:8787', '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await problem(refused)).detail).toBe('Có quá nhiều lượt bắt đầu đăng nhập từ địa chỉ này; hãy thử lại sau 60 giây.');
    expect((await problem(await start('localhost:8787', '203.0.113.8', 'en'))).detail).toBe('Too many sign-ins started from this address; try again in 60 seconds.');
    // Nothing was written for the refused starts: the pending sign-ins are the thirty that passed, at most.
    const pending = await env.DB.prepare('SELECT COUNT(*) AS n FROM sign_ins').first<{ n: number }>();
    expect(pending!.n).toBe(0);
  });

  it('counts the Microsoft 365 exchange too, in the same bucket as the provider’s login', async () => {
    const naa = { ...withProvider, NAA_TENANT_ID: '3f0e1d2c-4b5a-4968-8776-a5b4c3d2e1f0', NAA_CLIENT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5', NAA_AUTHORITY: 'http://127.0.0.1:9' };
    const exchange = (address: string) =>
      app.fetch(
        new Request('http://chitieu.daklak.gov.vn/api/v1/auth/naa', { method: 'POST', headers: { 'cf-connecting-ip': address, 'content-type': 'application/json' }, body: JSON.stringify({ accessToken: 'a.b.c' }) }),
        naa,
        CONTEXT,
      );
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await start('chitieu.daklak.gov.vn', '192.0.2.20')).status);
    for (let i = 0; i < 11; i++) statuses.push((await exchange('192.0.2.20')).status);
    expect(statuses.slice(0, 30).every((s) => s === 502)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await exchange('192.0.2.21')).status).toBe(502);
  });

  it('counts on the edge by the address Cloudflare gives, so one office’s burst does not stop another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await start('chitieu.daklak.gov.vn', '192.0.2.10')).status);
    expect(statuses.slice(0, 30).every((s) => s === 502)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await start('chitieu.daklak.gov.vn', '192.0.2.11')).status).toBe(502);
  });
});

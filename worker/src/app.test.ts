import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { makeToken } from '../test/helpers';

describe('the origin', () => {
  it('sends the bare origin to the add-in’s start page', async () => {
    const r = await SELF.fetch('http://chitieu.test/', { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/index.html');
  });

  it('answers an unknown address with a problem naming it', async () => {
    const r = await SELF.fetch('http://chitieu.test/khong-co');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await r.json()).toMatchObject({ status: 404, detail: 'Không có địa chỉ /khong-co.' });
  });
});

describe('headers and methods', () => {
  it('marks every API answer, error or not, as private and not to be framed or sniffed', async () => {
    for (const path of ['/api/v1/health', '/api/v1/me', '/api/v1/khong-co']) {
      const r = await SELF.fetch(`http://chitieu.test${path}`);
      expect(r.headers.get('cache-control'), path).toBe('no-store');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('answers a wrong method with 405 and the methods the address takes', async () => {
    const headers = { authorization: `Bearer ${await makeToken('auditor')}` };
    const r = await SELF.fetch('http://chitieu.test/api/v1/submissions', { method: 'DELETE', headers });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await r.json()).toMatchObject({ type: 'urn:chitieu:problem:method-not-allowed', detail: 'Địa chỉ /api/v1/submissions không nhận DELETE; chỉ nhận GET, HEAD, POST.' });
    expect((await SELF.fetch('http://chitieu.test/api/v1/health', { method: 'POST', headers })).headers.get('allow')).toBe('GET, HEAD');
  });
});

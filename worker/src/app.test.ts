import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

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

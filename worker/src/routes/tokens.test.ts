import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntrySchema } from '../../../shared/api/schemas';
import { api, json, makeToken, read, seedUnits } from '../../test/helpers';

let dic: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
});

describe('token management', () => {
  it('creates a token shown once, which works at once, and lists it without its secret', async () => {
    const r = await api('/tokens', { token: dic, json: { role: 'unit', unit: 'kpa', label: 'Chị Hoa, văn phòng UBND huyện' } });
    expect(r.status).toBe(201);
    const created = await json(r);
    expect(created).toMatchObject({ role: 'unit', unit: 'KPA', label: 'Chị Hoa, văn phòng UBND huyện', revokedAt: null });
    expect(created.token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);
    expect(await json(await api('/me', { token: created.token }))).toMatchObject({ role: 'unit', unit: { code: 'KPA' } });
    const list = await api('/tokens', { token: dic });
    const text = await list.text();
    expect(text).toContain(created.id);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain('hash');
  });

  it('revokes a token: it stops working at once, and the revocation is audited', async () => {
    const created = await json(await api('/tokens', { token: dic, json: { role: 'auditor' } }));
    expect((await api(`/tokens/${created.id}`, { method: 'DELETE', token: dic })).status).toBe(204);
    expect((await api('/me', { token: created.token })).status).toBe(401);
    expect((await api(`/tokens/${created.id}`, { method: 'DELETE', token: dic })).status).toBe(204);
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    expect(log.filter((e) => e.target === created.id).map((e) => e.action)).toEqual(['tokens.revoke', 'tokens.create']);
  });

  it('names what is wrong in a request', async () => {
    const unitless = await api('/tokens', { token: dic, json: { role: 'unit' } });
    expect(unitless.status).toBe(422);
    expect((await json(unitless)).problems[0]).toMatchObject({ field: 'unit' });
    expect(await json(await api('/tokens', { token: dic, json: { role: 'unit', unit: 'NOPE' } }))).toMatchObject({ status: 422, field: 'unit' });
    expect((await api('/tokens', { token: dic, json: { role: 'king' } })).status).toBe(422);
    expect((await api('/tokens', { token: dic, body: 'role=dic', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
  });

  it('a DIC token cannot revoke itself', async () => {
    const me = await json(await api('/me', { token: dic }));
    expect((await api(`/tokens/${me.tokenId}`, { method: 'DELETE', token: dic })).status).toBe(409);
  });
});

describe('token lifetime', () => {
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('lasts a year by default, or to the day asked, never past three years or before today', async () => {
    expect(await json(await api('/tokens', { token: dic, json: { role: 'auditor' } }))).toMatchObject({ expiresAt: inDays(365) });
    expect(await json(await api('/tokens', { token: dic, json: { role: 'auditor', expiresAt: inDays(30) } }))).toMatchObject({ expiresAt: inDays(30) });
    for (const [expiresAt, words] of [
      [inDays(-1), 'đã qua'],
      [inDays(4 * 365), 'tối đa 1095 ngày'],
      ['31/12/2027', 'YYYY-MM-DD'],
    ]) {
      const problem = await json(await api('/tokens', { token: dic, json: { role: 'auditor', expiresAt } }));
      expect(problem, expiresAt).toMatchObject({ status: 422, field: 'expiresAt' });
      expect(problem.detail).toContain(words);
    }
  });

  it('refuses a token after its last day with a 401 that says so', async () => {
    const created = await json(await api('/tokens', { token: dic, json: { role: 'auditor', expiresAt: today() } }));
    expect((await api('/me', { token: created.token })).status).toBe(200);
    await env.DB.prepare('UPDATE tokens SET expires_at = ?2 WHERE id = ?1').bind(created.id, inDays(-1)).run();
    const r = await api('/me', { token: created.token });
    expect(r.status).toBe(401);
    expect((await json(r)).detail).toContain('đã hết hạn');
  });

  it('rotates a token: a new secret for the same role and unit, the old one stops at once, and it is audited', async () => {
    const old = await json(await api('/tokens', { token: dic, json: { role: 'unit', unit: 'KPA', label: 'Văn phòng' } }));
    const r = await api(`/tokens/${old.id}/rotate`, { method: 'POST', token: dic });
    expect(r.status).toBe(201);
    const rotated = await json(r);
    expect(rotated).toMatchObject({ role: 'unit', unit: 'KPA', label: 'Văn phòng', replaces: old.id, expiresAt: inDays(365) });
    expect(rotated.token).not.toBe(old.token);
    expect((await api('/me', { token: old.token })).status).toBe(401);
    expect((await api('/me', { token: rotated.token })).status).toBe(200);
    expect((await api(`/tokens/${old.id}/rotate`, { method: 'POST', token: dic })).status).toBe(409);
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    expect(log.find((e) => e.action === 'tokens.rotate' && e.target === old.id)?.detail).toMatchObject({ replacedBy: rotated.id });
  });
});

describe('repeated failed sign-ins', () => {
  it('are slowed: past ten a minute from one address, 429 with Retry-After; other addresses are not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await api('/me', { token: `ctk_guess${i}`, headers: { 'cf-connecting-ip': '203.0.113.7' } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    const limited = await api('/me', { token: 'ctk_guess', headers: { 'cf-connecting-ip': '203.0.113.7' } });
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await json(limited)).detail).toContain('Đăng nhập sai quá nhiều lần');
    expect((await api('/me', { token: 'ctk_guess', headers: { 'cf-connecting-ip': '198.51.100.1' } })).status).toBe(401);
    expect((await api('/me', { token: dic, headers: { 'cf-connecting-ip': '203.0.113.7' } })).status).toBe(200);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { api, json, makeToken, seedUnits } from '../../test/helpers';

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
    const log = await json<{ action: string; target: string }[]>(await api('/audit', { token: dic }));
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

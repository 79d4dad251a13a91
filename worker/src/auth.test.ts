import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, json, makeToken, seedUnits } from '../test/helpers';
import { versionOf } from '../../shared/templates';

type Role = 'unit' | 'dic' | 'auditor';
let tokens: Record<Role, string>;

beforeAll(async () => {
  await seedUnits();
  tokens = { unit: await makeToken('unit', 'PHUOCAN'), dic: await makeToken('dic', 'SKHCN'), auditor: await makeToken('auditor') };
});

describe('authentication', () => {
  it('a missing token is 401 problem+json with a Bearer challenge', async () => {
    const r = await api('/me');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('Bearer');
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await json(r)).toMatchObject({ status: 401, title: 'Chưa xác thực' });
  });

  it('an unknown token is 401; a revoked one too', async () => {
    expect((await api('/me', { token: 'ctk_not-a-token' })).status).toBe(401);
    const token = await makeToken('unit', 'BMT');
    expect((await api('/me', { token })).status).toBe(200);
    await env.DB.prepare('UPDATE tokens SET revoked_at = ?1 WHERE unit_code = ?2').bind(new Date().toISOString(), 'BMT').run();
    const revoked = await api('/me', { token });
    expect(revoked.status).toBe(401);
    expect((await json(revoked)).detail).toContain('thu hồi');
  });

  it('/me tells the task pane who signed in', async () => {
    expect(await json(await api('/me', { token: tokens.unit }))).toMatchObject({ role: 'unit', unit: { code: 'PHUOCAN', name: 'UBND xã Phước An', kind: 'commune' } });
    expect(await json(await api('/me', { token: tokens.auditor }))).toMatchObject({ role: 'auditor', unit: null });
  });

  it('stores only hashes of tokens', async () => {
    const rows = await env.DB.prepare('SELECT hash FROM tokens').all<{ hash: string }>();
    for (const { hash } of rows.results) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(tokens)).not.toContain(hash);
    }
  });
});

/** Who may do what: [method, path, body, expected status for unit, dic, auditor]. */
const MATRIX: [string, string, unknown, Record<Role, number>][] = [
  ['GET', '/me', undefined, { unit: 200, dic: 200, auditor: 200 }],
  ['GET', '/units', undefined, { unit: 200, dic: 200, auditor: 200 }],
  ['GET', '/units.csv', undefined, { unit: 403, dic: 200, auditor: 200 }],
  ['PUT', '/units', undefined, { unit: 403, dic: 415, auditor: 403 }],
  ['GET', '/submissions', undefined, { unit: 200, dic: 200, auditor: 200 }],
  ['POST', '/submissions', { template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period: '2026-Q4', values: { 'HS01.KQ': 1, 'HS02.KQ': 1, 'HS03.KQ': 1, 'HS04.KQ': 1 } }, { unit: 201, dic: 201, auditor: 403 }],
  ['GET', '/consolidations/BM03/2026-Q4', undefined, { unit: 403, dic: 200, auditor: 200 }],
  ['GET', '/periods/2026-Q4/status', undefined, { unit: 403, dic: 200, auditor: 200 }],
  ['GET', '/tokens', undefined, { unit: 403, dic: 200, auditor: 403 }],
  ['POST', '/tokens', { role: 'auditor', label: 'ma trận' }, { unit: 403, dic: 201, auditor: 403 }],
  ['DELETE', '/tokens/tok_nothing', undefined, { unit: 403, dic: 404, auditor: 403 }],
  ['GET', '/audit', undefined, { unit: 403, dic: 200, auditor: 200 }],
];

describe('the role matrix', () => {
  for (const [method, path, body, expected] of MATRIX) {
    for (const role of ['unit', 'dic', 'auditor'] as const) {
      it(`${role} ${method} ${path} → ${expected[role]}`, async () => {
        const r = await api(path, { method, token: tokens[role], ...(body !== undefined ? { json: body } : {}) });
        expect(r.status).toBe(expected[role]);
        if (r.status === 403) expect((await json(r)).type).toBe('urn:chitieu:problem:forbidden');
      });
    }
  }
});

/**
 * Sign-in with Microsoft 365 accounts from inside Office (Nested App Authentication), the worker's
 * side, end to end: `wrangler dev` checks access tokens against a tenant's keys served over HTTP as
 * Entra serves them (discovery document and JWKS under `<authority>/<tenant>/v2.0`), here signed by a
 * local key. A good token is traded for a session of the registered person; a token of another
 * audience or issuer, or expired, is a 401 in both languages and nothing is stored.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { freePort, startLocalWorker, type LocalWorker } from './lib/local-worker';

const TENANT = '3f0e1d2c-4b5a-4968-8776-a5b4c3d2e1f0';
const CLIENT = '0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5';
const OID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

let worker: LocalWorker;
let tenant: Server;
let authority: string;
let issuer: string;
let privateKey: CryptoKey;
let api: string;

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${api}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } });

const trade = (accessToken: string, lang = 'vi') =>
  call(`/auth/naa?lang=${lang}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accessToken }) });

function accessToken(claims: Record<string, unknown> = {}, expiresIn = 3600): Promise<string> {
  const at = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid: TENANT, oid: OID, azp: CLIENT, scp: 'access_as_user', preferred_username: 'Hoa.NT@daklak.gov.vn', name: 'Nguyễn Thị Hoa', ver: '2.0', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'tenant-key' })
    .setIssuer((claims.iss as string) ?? issuer)
    .setAudience((claims.aud as string) ?? CLIENT)
    .setSubject('pairwise')
    .setIssuedAt(at - 60)
    .setExpirationTime(at + expiresIn)
    .sign(privateKey);
}

/** What a refused sign-in must leave as it was. */
async function stored(dic: string) {
  const [sessions, audit, people] = await Promise.all(['/sessions', '/audit?limit=1000', '/people'].map(async (p) => (await call(p, { token: dic })).json()));
  return { sessions, audit: (audit as unknown[]).length, people };
}

beforeAll(async () => {
  const keys = await generateKeyPair('RS256', { extractable: true });
  privateKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'tenant-key', alg: 'RS256', use: 'sig' };
  const tenantPort = await freePort();
  authority = `http://127.0.0.1:${tenantPort}`;
  issuer = `${authority}/${TENANT}/v2.0`;
  tenant = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      res.end(JSON.stringify({ issuer, authorization_endpoint: `${authority}/${TENANT}/oauth2/v2.0/authorize`, token_endpoint: `${authority}/${TENANT}/oauth2/v2.0/token`, jwks_uri: `${authority}/${TENANT}/discovery/v2.0/keys` }));
    } else if (req.url === `/${TENANT}/discovery/v2.0/keys`) {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => tenant.listen(tenantPort, '127.0.0.1', resolve));
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { dic: { role: 'dic', unit: 'SKHCN' } },
    vars: { NAA_TENANT_ID: TENANT, NAA_CLIENT_ID: CLIENT, NAA_AUTHORITY: authority },
  });
  api = `${worker.origin}/api/v1`;
  const registered = await call('/people', {
    method: 'PUT',
    token: worker.tokens.dic,
    headers: { 'content-type': 'text/csv' },
    body: 'login,name,role,unit,valid_from,valid_to\r\nhoa.nt@daklak.gov.vn,Nguyễn Thị Hoa,unit,PHUOCAN,2025-07-01,\r\n',
  });
  expect(registered.status).toBe(200);
});

afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => tenant?.close(resolve));
});

describe('signing in with a Microsoft 365 account inside Office', () => {
  it('tells the pane what MSAL asks Entra for', async () => {
    expect(await (await call('/auth/config')).json()).toEqual({
      enabled: false,
      provider: null,
      microsoft365: { clientId: CLIENT, authority: `${authority}/${TENANT}`, scope: `api://${CLIENT}/access_as_user` },
    });
  });

  it('refuses a token of another audience or issuer, or expired, with a 401 in both languages, and stores nothing', async () => {
    const dic = worker.tokens.dic!;
    const before = await stored(dic);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ aud: 'https://graph.microsoft.com' }, 3600, 'audience'],
      [{ iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }, 3600, 'issuer'],
      [{}, -300, 'exp'],
    ];
    for (const [claims, expiresIn, reason] of cases) {
      const token = await accessToken(claims, expiresIn);
      const vi = await trade(token);
      expect(vi.status, reason).toBe(401);
      expect((await vi.json()).detail).toBe(`Mã truy cập Microsoft 365 không hợp lệ (${reason}); không có gì được ghi.`);
      const en = await trade(token, 'en');
      expect(en.status).toBe(401);
      expect((await en.json()).detail).toBe(`The Microsoft 365 access token is not valid (${reason}); nothing was stored.`);
    }
    expect(await stored(dic)).toEqual(before);
  });

  it('trades a good token for a working-day session of the registered person, linked by the user principal name', async () => {
    const traded = await trade(await accessToken());
    expect(traded.status).toBe(200);
    const session = await traded.json();
    expect(session).toMatchObject({ person: { name: 'Nguyễn Thị Hoa' }, role: 'unit', unit: 'PHUOCAN' });
    expect(session.token).toMatch(/^cts_/);
    expect(await (await call('/me', { token: session.token })).json()).toMatchObject({ role: 'unit', unit: { code: 'PHUOCAN' } });
    // Linked by the object id: a later token with another user principal name still names her.
    const again = await trade(await accessToken({ preferred_username: 'hoa.nguyen@daklak.gov.vn' }));
    expect(again.status).toBe(200);
    expect((await again.json()).person.id).toBe(session.person.id);
    const sessions = await (await call('/sessions', { token: worker.tokens.dic })).json();
    expect(sessions.map((s: { person: { name: string } }) => s.person.name)).toEqual(['Nguyễn Thị Hoa', 'Nguyễn Thị Hoa']);
  });

  it('refuses someone DIC has not registered with a 403, and stores nothing', async () => {
    const before = await stored(worker.tokens.dic!);
    const stranger = await trade(await accessToken({ oid: '11111111-2222-4333-8444-555555555555', preferred_username: 'someone@daklak.gov.vn' }));
    expect(stranger.status).toBe(403);
    expect(await stored(worker.tokens.dic!)).toEqual(before);
  });
});

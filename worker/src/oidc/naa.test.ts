import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../env';
import { ProblemError } from '../lib/problem';
import { identityFromAccessToken, naaConfig, verifyNaaToken, type NaaConfig } from './naa';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '6a1b3c2d-0000-4000-8000-00000000c417';
const NOW = new Date('2026-12-04T02:00:00Z');
const config = naaConfig({ NAA_TENANT_ID: TENANT, NAA_CLIENT_ID: CLIENT } as Env)!;
let keys: ReturnType<typeof createLocalJWKSet>;
let sign: (claims?: Record<string, unknown>, options?: { exp?: number; other?: boolean; alg?: string }) => Promise<string>;

beforeAll(async () => {
  const mine = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(mine.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  keys = createLocalJWKSet({ keys: [jwk] });
  const at = Math.floor(NOW.getTime() / 1000);
  sign = (claims = {}, options = {}) =>
    new SignJWT({ tid: TENANT, oid: '00000000-0000-0000-0000-0000000000aa', azp: CLIENT, scp: 'access_as_user', preferred_username: 'Hoa@DakLak.gov.vn', name: 'Nguyễn Thị Hoa', ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer((claims.iss as string) ?? config.issuer)
      .setAudience((claims.aud as string) ?? CLIENT)
      .setSubject('pairwise-sub')
      .setIssuedAt(at - 10)
      .setExpirationTime(options.exp ?? at + 3600)
      .sign(options.other ? other.privateKey : mine.privateKey);
});

async function reason(token: string, with_: NaaConfig = config): Promise<string> {
  try {
    await verifyNaaToken(token, keys, with_, NOW);
    return 'ok';
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    expect(e.code).toBe('naa_token_invalid');
    return String(e.params.reason);
  }
}

describe('the deployment’s Microsoft 365 settings', () => {
  it('are off unless a tenant id (a GUID, never "common") and a client id are given; the scope and issuer follow', () => {
    expect(naaConfig({} as Env)).toBeNull();
    expect(naaConfig({ NAA_TENANT_ID: 'common', NAA_CLIENT_ID: CLIENT } as Env)).toBeNull();
    expect(naaConfig({ NAA_TENANT_ID: 'organizations', NAA_CLIENT_ID: CLIENT } as Env)).toBeNull();
    expect(config).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      scope: `api://${CLIENT}/access_as_user`,
      authority: 'https://login.microsoftonline.com',
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    });
  });
});

describe('an access token from Office', () => {
  it('is accepted when signed by the tenant’s key for chitieu, asked for by chitieu, with its scope', async () => {
    expect(await reason(await sign())).toBe('ok');
    const who = identityFromAccessToken(await verifyNaaToken(await sign(), keys, config, NOW), config);
    expect(who).toEqual({ issuer: `${config.issuer}#oid`, subject: '00000000-0000-0000-0000-0000000000aa', login: 'hoa@daklak.gov.vn', name: 'Nguyễn Thị Hoa', unit: null });
  });

  it('is refused, naming why: another audience, issuer, tenant, app or scope; expired; another key; not a token', async () => {
    expect(await reason(await sign({ aud: 'https://graph.microsoft.com' }))).toBe('audience');
    expect(await reason(await sign({ iss: 'https://sts.windows.net/' + TENANT + '/' }))).toBe('issuer');
    expect(await reason(await sign({ iss: `https://login.microsoftonline.com/${'11111111-1111-1111-1111-111111111111'}/v2.0` }))).toBe('issuer');
    expect(await reason(await sign({ tid: '11111111-1111-1111-1111-111111111111' }))).toBe('tenant');
    expect(await reason(await sign({ azp: '22222222-2222-2222-2222-222222222222' }))).toBe('azp');
    expect(await reason(await sign({ scp: 'User.Read' }))).toBe('scope');
    expect(await reason(await sign({}, { exp: Math.floor(NOW.getTime() / 1000) - 120 }))).toBe('exp');
    expect(await reason(await sign({}, { other: true }))).toBe('signature');
    expect(await reason(await sign({ oid: undefined }))).toBe('oid');
    expect(await reason('not.a.token')).not.toBe('ok');
  });
});

import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../lib/problem';
import { verifyIdToken } from './verify';

const ISSUER = 'https://sso.daklak.gov.vn/realms/can-bo';
const CLIENT = 'chitieu';
const NOW = new Date('2026-12-04T02:00:00Z');
let keys: ReturnType<typeof createLocalJWKSet>;
let sign: (claims: Record<string, unknown>, options?: { exp?: number; other?: boolean }) => Promise<string>;

beforeAll(async () => {
  const mine = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(mine.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  keys = createLocalJWKSet({ keys: [jwk] });
  sign = (claims, options = {}) =>
    new SignJWT({ nonce: 'n-1', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer((claims.iss as string) ?? ISSUER)
      .setAudience((claims.aud as string) ?? CLIENT)
      .setSubject('f81d4fae')
      .setIssuedAt(Math.floor(NOW.getTime() / 1000) - 10)
      .setExpirationTime(options.exp ?? Math.floor(NOW.getTime() / 1000) + 300)
      .sign(options.other ? other.privateKey : mine.privateKey);
});

async function reason(token: string, nonce = 'n-1'): Promise<string> {
  try {
    await verifyIdToken(token, keys, { issuer: ISSUER, audience: CLIENT, nonce, now: NOW });
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).code).toBe('sign_in_token_invalid');
    return String((e as ProblemError).params.reason);
  }
}

describe('verifying an ID token', () => {
  it('accepts a token of the issuer, for this client, unexpired, with this sign-in’s nonce', async () => {
    const claims = await verifyIdToken(await sign({ email: 'hoa@phuocan.gov.vn' }), keys, { issuer: ISSUER, audience: CLIENT, nonce: 'n-1', now: NOW });
    expect(claims).toMatchObject({ sub: 'f81d4fae', email: 'hoa@phuocan.gov.vn' });
  });

  it('refuses another issuer, another audience, an expired token, another nonce, a forged signature and garbage, saying which', async () => {
    expect(await reason(await sign({ iss: 'https://evil.example' }))).toBe('issuer');
    expect(await reason(await sign({ aud: 'another-app' }))).toBe('audience');
    expect(await reason(await sign({}, { exp: Math.floor(NOW.getTime() / 1000) - 120 }))).toBe('exp');
    expect(await reason(await sign({}), 'n-2')).toBe('nonce');
    expect(await reason(await sign({}, { other: true }))).toBe('signature');
    expect(await reason('not.a.token')).toBe('ERR_JWS_INVALID');
  });
});

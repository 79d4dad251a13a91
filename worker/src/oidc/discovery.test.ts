import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discover } from './discovery';

const ISSUER = 'https://sso.example.vn/realms/can-bo';
const CERTS = 'https://sso.example.vn/realms/can-bo/certs';

afterEach(() => vi.restoreAllMocks());

describe("a provider's metadata and keys, kept per isolate", () => {
  it('are fetched once; each request gets its own key resolver over the keys kept as data, never a shared fetch', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    const asked: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      asked.push(url);
      const body = url === CERTS ? jwks : { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, jwks_uri: CERTS };
      return Response.json(body);
    });
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(ISSUER).setExpirationTime('5m').sign(privateKey);

    const first = await discover(ISSUER);
    await jwtVerify(token, first.jwks, { issuer: ISSUER });
    const second = await discover(ISSUER);
    expect(second.jwks).not.toBe(first.jwks);
    await jwtVerify(token, second.jwks, { issuer: ISSUER });
    expect(asked).toEqual([`${ISSUER}/.well-known/openid-configuration`, CERTS]);
  });
});

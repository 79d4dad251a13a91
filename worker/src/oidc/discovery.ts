/**
 * The provider's metadata (`/.well-known/openid-configuration`). Kept for an hour per isolate:
 * it is the same for every request and holds nothing of any caller.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { fail } from '../lib/problem';

export interface ProviderMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwks: JWTVerifyGetKey;
}

const TTL_MS = 3_600_000;
const FETCH_TIMEOUT_MS = 10_000;
const cache = new Map<string, { at: number; metadata: ProviderMetadata }>();

export async function discover(issuer: string, at = Date.now()): Promise<ProviderMetadata> {
  const cached = cache.get(issuer);
  if (cached && at - cached.at < TTL_MS) return cached.metadata;
  let doc: Record<string, unknown>;
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) fail('sign_in_provider_unreachable', { reason: `HTTP ${response.status}` });
    doc = (await response.json()) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof Error && e.name === 'ProblemError') throw e;
    fail('sign_in_provider_unreachable', { reason: e instanceof Error ? e.message.slice(0, 200) : 'fetch' });
  }
  // The metadata must be the configured issuer's own (OpenID Connect Discovery §4.3).
  if (doc.issuer !== issuer) fail('sign_in_provider_unreachable', { reason: `issuer ${String(doc.issuer).slice(0, 200)}` });
  const endpoints = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const;
  for (const name of endpoints) if (typeof doc[name] !== 'string') fail('sign_in_provider_unreachable', { reason: `${name} missing` });
  const metadata: ProviderMetadata = {
    issuer,
    authorizationEndpoint: doc.authorization_endpoint as string,
    tokenEndpoint: doc.token_endpoint as string,
    jwks: createRemoteJWKSet(new URL(doc.jwks_uri as string), { timeoutDuration: FETCH_TIMEOUT_MS }),
  };
  cache.set(issuer, { at, metadata });
  return metadata;
}

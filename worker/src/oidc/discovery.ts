/**
 * The provider's metadata (`/.well-known/openid-configuration`). Kept for an hour per isolate:
 * it is the same for every request and holds nothing of any caller. Its signing keys are kept as data
 * beside it; each request gets its own key resolver over them, so a key fetch one request started is
 * never a promise another request waits on (which a long-lived worker must not share).
 */
import { createRemoteJWKSet, jwksCache, type JWKSCacheInput, type JWTVerifyGetKey } from 'jose';
import { fail } from '../lib/problem';

export interface ProviderMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwks: JWTVerifyGetKey;
}

const TTL_MS = 3_600_000;
const FETCH_TIMEOUT_MS = 10_000;
interface Discovered {
  at: number;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** The keys last fetched from `jwksUri` and when (filled in by the resolvers). */
  keys: JWKSCacheInput;
}

const cache = new Map<string, Discovered>();

export async function discover(issuer: string, at = Date.now()): Promise<ProviderMetadata> {
  const cached = cache.get(issuer);
  const found = cached && at - cached.at < TTL_MS ? cached : await fetchMetadata(issuer, at);
  return {
    issuer,
    authorizationEndpoint: found.authorizationEndpoint,
    tokenEndpoint: found.tokenEndpoint,
    jwks: createRemoteJWKSet(new URL(found.jwksUri), { timeoutDuration: FETCH_TIMEOUT_MS, [jwksCache]: found.keys }),
  };
}

async function fetchMetadata(issuer: string, at: number): Promise<Discovered> {
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
  const found: Discovered = { at, authorizationEndpoint: doc.authorization_endpoint as string, tokenEndpoint: doc.token_endpoint as string, jwksUri: doc.jwks_uri as string, keys: {} };
  cache.set(issuer, found);
  return found;
}

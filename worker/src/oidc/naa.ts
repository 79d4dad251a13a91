/**
 * Sign-in with the province's Microsoft 365 accounts without a dialog: the pane gets an access token
 * for chitieu's API from Office (Nested App Authentication, MSAL) and the worker trades it for its own
 * session. The token is an Entra ID v2.0 access token whose audience is chitieu's app registration;
 * it is checked as Microsoft's guidance for protected APIs asks: its signature against the tenant's
 * keys, the issuer (that tenant's v2.0 endpoint), the audience, the expiry, the tenant, the app that
 * asked for it (`azp`, chitieu itself) and the delegated scope. Any failure is a 401 naming it.
 */
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { SignInIdentity } from '../../../shared/people';
import type { Env } from '../env';
import { fail } from '../lib/problem';
import { reasonOf } from './verify';

export interface NaaConfig {
  tenantId: string;
  clientId: string;
  /** The full scope the pane asks for, e.g. `api://<client id>/access_as_user`. */
  scope: string;
  authority: string;
  /** `<authority>/<tenant>/v2.0`: the `iss` of the tenant's v2.0 tokens, with its discovery document under it. */
  issuer: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function naaConfig(env: Env): NaaConfig | null {
  const tenantId = env.NAA_TENANT_ID?.trim().toLowerCase();
  const clientId = env.NAA_CLIENT_ID?.trim().toLowerCase();
  // A tenant given by name or as "common"/"organizations" would accept other organisations' people.
  if (!tenantId || !clientId || !GUID.test(tenantId)) return null;
  const authority = (env.NAA_AUTHORITY?.trim() || 'https://login.microsoftonline.com').replace(/\/+$/, '');
  return { tenantId, clientId, scope: env.NAA_SCOPE?.trim() || `api://${clientId}/access_as_user`, authority, issuer: `${authority}/${tenantId}/v2.0` };
}

/** Seconds of clock difference tolerated between Entra and the worker. */
const CLOCK_TOLERANCE_S = 60;

export type AccessClaims = JWTPayload & Record<string, unknown>;

export async function verifyNaaToken(token: string, keys: JWTVerifyGetKey, config: NaaConfig, now: Date): Promise<AccessClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      audience: config.clientId,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      algorithms: ['RS256'],
    }));
  } catch (e) {
    fail('naa_token_invalid', { reason: reasonOf(e) });
  }
  const claims = payload as AccessClaims;
  if (String(claims.tid).toLowerCase() !== config.tenantId) fail('naa_token_invalid', { reason: 'tenant' });
  if (String(claims.azp ?? '').toLowerCase() !== config.clientId) fail('naa_token_invalid', { reason: 'azp' });
  const wanted = config.scope.split('/').pop()!;
  if (typeof claims.scp !== 'string' || !claims.scp.split(' ').includes(wanted)) fail('naa_token_invalid', { reason: 'scope' });
  return claims;
}

/**
 * Who the token names. The object id (`oid`) is the person's stable id in the tenant, whatever their
 * name or address becomes; it is kept under its own issuer key, apart from the subjects the dialog's
 * sign-in may link for the same tenant (Entra's `sub` differs per application). A first sign-in links
 * a registered person by the user principal name (`preferred_username`), which the tenant's own
 * administrators set; the claims never give a membership.
 */
export function identityFromAccessToken(claims: AccessClaims, config: NaaConfig): SignInIdentity {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : null);
  return {
    issuer: `${config.issuer}#oid`,
    subject: String(claims.oid),
    login: text(claims.preferred_username)?.toLowerCase() ?? null,
    name: text(claims.name) ?? text(claims.preferred_username),
    unit: null,
  };
}

/**
 * Checks an ID token as OpenID Connect Core §3.1.3.7 asks: its signature against the provider's
 * keys, the issuer, the audience (and `azp` where several), the expiry, and the nonce of this
 * sign-in. Any failure is a 401 naming what was wrong, never a crash.
 */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { fail } from '../lib/problem';

export interface Expected {
  issuer: string;
  audience: string;
  nonce: string;
  now: Date;
}

/** Seconds of clock difference tolerated between the provider and the worker. */
const CLOCK_TOLERANCE_S = 60;

export async function verifyIdToken(idToken: string, keys: JWTVerifyGetKey, expected: Expected): Promise<JWTPayload & Record<string, unknown>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: expected.issuer,
      audience: expected.audience,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: expected.now,
      requiredClaims: ['sub', 'exp', 'iat'],
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    }));
  } catch (e) {
    fail('sign_in_token_invalid', { reason: reasonOf(e) });
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.audience) fail('sign_in_token_invalid', { reason: 'azp' });
  if (payload.nonce !== expected.nonce) fail('sign_in_token_invalid', { reason: 'nonce' });
  return payload as JWTPayload & Record<string, unknown>;
}

/** What a failed check of a token was about, in one word for the problem's text. */
export function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTClaimValidationFailed) return e.claim === 'iss' ? 'issuer' : e.claim === 'aud' ? 'audience' : e.claim;
  if (e instanceof errors.JWTExpired) return 'exp';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (e instanceof errors.JOSEError) return e.code;
  return 'malformed';
}

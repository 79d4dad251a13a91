/** The deployment's OpenID Connect settings, or null where it signs people in by token only. */
import type { ClaimsConfig } from '../../../shared/people';
import type { Env } from '../env';

export interface OidcConfig extends ClaimsConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  providerName: string | null;
}

export function oidcConfig(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!issuer || !clientId) return null;
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
    loginClaim: env.OIDC_LOGIN_CLAIM?.trim() || 'email',
    unitClaim: env.OIDC_UNIT_CLAIM?.trim() ?? '',
    providerName: env.OIDC_PROVIDER_NAME?.trim() || null,
  };
}

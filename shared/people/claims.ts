/**
 * What chitieu takes from a verified ID token: who the person is (issuer + subject), the verified
 * e-mail or username a first sign-in links a registered person by, a name, and — where the
 * deployment has a rule — the unit a claim names. A claim never makes anyone DIC or an auditor.
 */
export interface ClaimsConfig {
  /** The claim holding the login; `email` counts only when `email_verified` is true. */
  loginClaim: string;
  /** The claim holding a unit code, or '' when the deployment has no such rule. */
  unitClaim: string;
}

export interface SignInIdentity {
  issuer: string;
  subject: string;
  login: string | null;
  name: string | null;
  unit: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function identityFromClaims(claims: Record<string, unknown>, config: ClaimsConfig): SignInIdentity {
  const loginClaim = config.loginClaim || 'email';
  let login = text(claims[loginClaim]);
  // An e-mail the provider has not verified names no one: anybody could have typed it.
  if (loginClaim === 'email' && claims.email_verified !== true) login = null;
  const unitValue = config.unitClaim ? claims[config.unitClaim] : undefined;
  const unit = text(Array.isArray(unitValue) ? unitValue[0] : unitValue);
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    login: login?.toLowerCase() ?? null,
    name: text(claims.name) ?? text(claims.preferred_username),
    unit: unit && /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(unit) ? unit.toUpperCase() : null,
  };
}

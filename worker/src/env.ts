import type { Lang } from '../../shared/i18n';
import type { Role } from '../../shared/api/schemas';
import type { Credential } from './auth';

/**
 * The worker's bindings: those of wrangler.toml, as `wrangler types` generates them
 * (worker-configuration.d.ts; `npm run types` after changing wrangler.toml), and the clock of tests
 * and training demos, which a deployment never sets.
 */
/** The provider's settings are set per deployment, so typed as strings rather than wrangler.toml's empty defaults. */
type OidcVars = 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_SCOPES' | 'OIDC_LOGIN_CLAIM' | 'OIDC_UNIT_CLAIM' | 'OIDC_PROVIDER_NAME' | NaaVars;
type NaaVars = 'NAA_TENANT_ID' | 'NAA_CLIENT_ID' | 'NAA_SCOPE' | 'NAA_AUTHORITY';

export type Env = Omit<Cloudflare.Env, OidcVars> & {
  /** Tests and training demos only: the clock stands still at this ISO instant (lib/clock.ts). */
  FIXED_NOW?: string;
  /** `"on"` where requests may set the day with the `Chitieu-Today` header: `npm start`'s `--var`, never production. */
  TRAINING_CLOCK?: string;
  /** `"on"` where the figures are illustrative (`npm start`'s demo): every workbook, report and period JSON says so. */
  ILLUSTRATIVE?: string;
  /** `"on"` where a request may ask for its D1 rows read and written in the answer (the bench; lib/d1-meter.ts), never production. */
  D1_METER?: string;
  /**
   * Sign-in through the province's OpenID Connect provider (wrangler.toml [vars], empty where the
   * deployment has none; the secret through `wrangler secret put OIDC_CLIENT_SECRET`).
   */
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_SCOPES?: string;
  OIDC_LOGIN_CLAIM?: string;
  OIDC_UNIT_CLAIM?: string;
  OIDC_PROVIDER_NAME?: string;
  /** Sign-in with the province's Microsoft 365 accounts in the pane (Nested App Authentication); empty: not offered. */
  NAA_TENANT_ID?: string;
  NAA_CLIENT_ID?: string;
  NAA_SCOPE?: string;
  NAA_AUTHORITY?: string;
};

export interface Principal {
  /** The token's id, or the session's: what the audit and idempotency keys have always named. */
  tokenId: string;
  role: Role;
  unit: string | null;
  label: string | null;
  /** The person acting, where the token or session belongs to one (tokens made before people existed do not). */
  personId: string | null;
  /** The membership in force that gives the role and unit. */
  membershipId: number | null;
  /** The person's name, read with the sign-in where a person stands behind it. */
  personName?: string;
}

export type AppEnv = {
  Bindings: Env;
  Variables: {
    principal: Principal;
    lang: Lang;
    now: Date;
    /** A bearer whose sign-in is read with the handler's first reads (auth.ts, `deferredSignIn`), until decided. */
    credential: Credential | undefined;
    /** The roles the route admits, for a deferred sign-in. */
    roles: readonly Role[];
  };
};

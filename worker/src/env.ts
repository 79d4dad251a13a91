import type { Lang } from '../../shared/i18n';
import type { Role } from '../../shared/api/schemas';

export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** Shown in headers of consolidated sheets. */
  PROVINCE_NAME?: string;
  /** Number of provinces DTI ranks are taken among, where it differs from the template's. */
  PROVINCES?: string;
  /** Slows repeated failed sign-ins from one address (Workers Rate Limiting, wrangler.toml). */
  SIGN_IN_LIMITER?: RateLimit;
  /** Tests and training demos only: the clock stands still at this ISO instant (lib/clock.ts). */
  FIXED_NOW?: string;
}

export interface Principal {
  tokenId: string;
  role: Role;
  unit: string | null;
  label: string | null;
}

export type AppEnv = {
  Bindings: Env;
  Variables: { principal: Principal; lang: Lang };
};

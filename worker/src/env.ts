import type { Lang } from '../../shared/i18n';
import type { Role } from '../../shared/api/schemas';

/**
 * The worker's bindings: those of wrangler.toml, as `wrangler types` generates them
 * (worker-configuration.d.ts; `npm run types` after changing wrangler.toml), and the clock of tests
 * and training demos, which a deployment never sets.
 */
export type Env = Cloudflare.Env & {
  /** Tests and training demos only: the clock stands still at this ISO instant (lib/clock.ts). */
  FIXED_NOW?: string;
  /** `"on"` where requests may set the day with the `Chitieu-Today` header: `npm start`'s `--var`, never production. */
  TRAINING_CLOCK?: string;
  /** `"on"` where the figures are illustrative (`npm start`'s demo): every workbook, report and period JSON says so. */
  ILLUSTRATIVE?: string;
};

export interface Principal {
  tokenId: string;
  role: Role;
  unit: string | null;
  label: string | null;
}

export type AppEnv = {
  Bindings: Env;
  Variables: { principal: Principal; lang: Lang; now: Date };
};

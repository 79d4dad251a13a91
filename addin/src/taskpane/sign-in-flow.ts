/**
 * Which sign-in the pane offers. Where the province uses Microsoft 365 (the server names its Entra
 * app) and this Office can broker a token for the add-in without a dialog (the `NestedAppAuth 1.1`
 * requirement set), the Microsoft 365 account Office is signed in with; else the province's provider
 * through Office's dialog, where the server has one; else only a pasted token.
 */
import type { SignInConfig } from '../../../shared/api/identity-schemas';

/** The part of Office.js the choice reads: the requirement sets this host supports. */
export interface OfficeRequirements {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export type SignInFlow =
  | { kind: 'microsoft365'; settings: NonNullable<SignInConfig['microsoft365']> }
  | { kind: 'provider'; provider: string | null }
  | { kind: 'token' };

export const NESTED_APP_AUTH = { name: 'NestedAppAuth', version: '1.1' } as const;

export function supportsNestedAppAuth(office: OfficeRequirements | undefined): boolean {
  try {
    return office?.context?.requirements?.isSetSupported(NESTED_APP_AUTH.name, NESTED_APP_AUTH.version) === true;
  } catch {
    // An Office.js too old to answer has no NAA.
    return false;
  }
}

export function chooseSignInFlow(config: SignInConfig | null, office: OfficeRequirements | undefined): SignInFlow {
  if (config?.microsoft365 && supportsNestedAppAuth(office)) return { kind: 'microsoft365', settings: config.microsoft365 };
  if (config?.enabled) return { kind: 'provider', provider: config.provider };
  return { kind: 'token' };
}

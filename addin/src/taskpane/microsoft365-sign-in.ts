/**
 * Sign-in with the Microsoft 365 account Office is signed in with (Nested App Authentication):
 * MSAL's nestable client asks the host for an access token to chitieu's API, silently where it can
 * and through the host's own prompt where consent or a fresh sign-in is needed; the worker checks the
 * token and answers with its own working-day session. MSAL is loaded only here, when this flow is used,
 * and keeps its cache in session storage: nothing long-lived in the browser.
 */
import type { SignInConfig } from '../../../shared/api/identity-schemas';
import type { Lang } from '../../../shared/i18n';

/** The page Entra returns to in Excel on the web, where the browser runs a standard flow (MSAL's redirect bridge). */
export const AUTH_REDIRECT_PAGE = '/auth-redirect.html';

export async function microsoft365AccessToken(settings: NonNullable<SignInConfig['microsoft365']>): Promise<string> {
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: `${location.origin}${AUTH_REDIRECT_PAGE}` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const request = { scopes: [settings.scope] };
  try {
    return (await pca.acquireTokenSilent(request)).accessToken;
  } catch (e) {
    if (!(e instanceof msal.InteractionRequiredAuthError)) throw e;
    return (await pca.acquireTokenPopup(request)).accessToken;
  }
}

/** Trades the access token for chitieu's session token; a refusal carries the server's words. */
export async function tradeAccessToken(accessToken: string, lang: Lang): Promise<string> {
  const response = await fetch('/api/v1/auth/naa', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify({ accessToken }) });
  const body = (await response.json()) as { token?: string; detail?: string };
  if (!response.ok || !body.token) throw new Error(body.detail ?? `HTTP ${response.status}`);
  return body.token;
}

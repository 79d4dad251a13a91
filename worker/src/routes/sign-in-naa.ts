/**
 * Sign-in with the province's Microsoft 365 accounts from inside Office, no dialog (Nested App
 * Authentication): the pane sends the access token MSAL got for chitieu's API; the worker checks it
 * against the tenant's keys, finds the registered person as the provider's sign-in does, and answers
 * with its own working-day session. A refused token stores nothing and counts as a failed sign-in.
 */
import { Hono } from 'hono';
import { API } from '../../../shared/api/routes';
import { vietnamDay } from '../../../shared/periods';
import { handBackStatement } from '../db/sessions';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newToken, sha256Hex } from '../lib/crypto';
import { fail, ProblemError } from '../lib/problem';
import { route } from '../lib/route';
import { countSignInStart } from '../lib/sign-in-starts';
import { discover } from '../oidc/discovery';
import { identityFromAccessToken, naaConfig, verifyNaaToken } from '../oidc/naa';
import { resolveSignIn } from '../oidc/person';
import { refuseCounted, tradeHandBack } from './sign-in';

export const naaSignInRoutes = new Hono<AppEnv>();

/** The hand-back inside the worker lives only between its two batches. */
const HAND_BACK_SECONDS = 60;

route(naaSignInRoutes, API.signInMicrosoft365, async (c, { body }) => {
  const config = naaConfig(c.env);
  if (!config) fail('naa_not_configured');
  await countSignInStart(c);
  const tenant = await discover(config.issuer);
  const at = now(c.env);
  let claims;
  try {
    claims = await verifyNaaToken(body.accessToken, tenant.jwks, config, at);
  } catch (e) {
    if (e instanceof ProblemError && e.code === 'naa_token_invalid') return refuseCounted(c, 'naa_token_invalid', e.params);
    throw e;
  }
  const signedIn = await resolveSignIn(c.env.DB, identityFromAccessToken(claims, config), vietnamDay(at), at.toISOString());
  // The claims give no unit, so the membership is one DIC registered and already has its id.
  const code = newToken('cth');
  const codeHash = await sha256Hex(code);
  const expires = new Date(at.getTime() + HAND_BACK_SECONDS * 1000).toISOString();
  await c.env.DB.batch([...signedIn.statements, handBackStatement(c.env.DB, codeHash, signedIn.personId, signedIn.membership.id!, expires)]);
  const session = await tradeHandBack(c, codeHash);
  if (!session) fail('sign_in_code_invalid');
  return c.json(session);
});

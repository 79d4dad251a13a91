/**
 * A local OpenID Connect provider (node-oidc-provider, OpenID-certified) with the demo people, for
 * `npm start` and the end-to-end tests: its own login page (any demo username, password `demo`),
 * authorization code with PKCE, ID tokens signed with keys made at start.
 */
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../shared/demo/people';
import { freePort, startLocalWorker, type LocalWorker } from './local-worker';

export interface LocalProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
}

export async function startLocalProvider(options: { port: number; redirectUris: string[]; clientId?: string; clientSecret?: string }): Promise<LocalProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = options.clientId ?? 'chitieu-local';
  const clientSecret = options.clientSecret ?? 'chitieu-local-secret';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'local-1', alg: 'RS256', use: 'sig' };
  const provider = withoutQuickStartWarnings(() => new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    // Put the e-mail and name in the ID token itself, as Keycloak, WSO2 and Entra do.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    cookies: { keys: [crypto.randomUUID()] },
    features: { devInteractions: { enabled: true } },
    // The demo client is the province's own application: no consent screen, as a real provider configures it.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, id) => {
      const person = DEMO_PEOPLE.find((p) => p.username === id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: person.email, email_verified: true, name: person.name, preferred_username: person.username }),
      };
    },
  }));
  // The dev login page takes any name; only the demo people with the demo password get through.
  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && /\/interaction\/[^/]+\/?$/.test(ctx.path)) {
      const body = await readForm(ctx.req);
      const person = DEMO_PEOPLE.find((p) => p.username === body.get('login'));
      if (body.get('prompt') === 'login' && (!person || body.get('password') !== DEMO_PASSWORD)) {
        ctx.status = 401;
        ctx.type = 'html';
        // The login page again, one step back, with the form as it was: never a dead end.
        ctx.body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đăng nhập</title><p>Sai tên đăng nhập hoặc mật khẩu.</p><p><a href="${ctx.path.replace(/"/g, '')}">Đăng nhập lại</a></p>`;
        return;
      }
      (ctx.req as { body?: unknown }).body = Object.fromEntries(body);
    }
    await next();
  });
  const server = provider.listen(options.port, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readForm(req: NodeJS.ReadableStream): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 10_000) break;
  }
  return new URLSearchParams(text);
}

/**
 * A local worker whose sign-in is the local provider, on two free ports, as the sign-in tests run it:
 * the provider knows the worker's callback, the worker the provider's issuer and client.
 */
export async function startWorkerWithProvider(options: Omit<Parameters<typeof startLocalWorker>[0], 'port'>): Promise<{ worker: LocalWorker; provider: LocalProvider }> {
  const [workerPort, providerPort] = [await freePort(), await freePort()];
  const provider = await startLocalProvider({ port: providerPort, redirectUris: [`http://127.0.0.1:${workerPort}/api/v1/auth/callback`] });
  const worker = await startLocalWorker({
    ...options,
    port: workerPort,
    vars: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, ...options.vars },
  });
  return { worker, provider };
}

/**
 * The provider warns, at construction, that its in-memory store and its built-in login page are for a
 * quick start: that is what this local provider is (README: sign-in), so `npm start` does not print it.
 */
function withoutQuickStartWarnings<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('oidc-provider WARNING: a quick start development-only')) warn(...args);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

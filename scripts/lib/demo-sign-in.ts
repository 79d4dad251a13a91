/**
 * `npm start`'s sign-in: the local OpenID provider with the demo people, the worker's variables
 * that point at it, the demo people registered, and the lines that tell who can sign in.
 */
import { DEMO_PASSWORD, DEMO_PEOPLE, demoPeopleCsv } from '../../shared/demo/people';
import { startLocalProvider, type LocalProvider } from './oidc-provider';

export interface DemoSignIn {
  provider: LocalProvider;
  /** `--var` arguments for `wrangler dev`. */
  wranglerArgs: string[];
  /** Registers the demo people (an import that changes nothing when they are there already). */
  register: (origin: string, dicToken: string) => Promise<void>;
  describe: () => string;
}

export async function startDemoSignIn(port: number, origins: readonly string[]): Promise<DemoSignIn> {
  const provider = await startLocalProvider({ port, redirectUris: origins.map((o) => `${o}/api/v1/auth/callback`) });
  const vars = { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_PROVIDER_NAME: 'cổng đăng nhập demo' };
  return {
    provider,
    wranglerArgs: Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    register: async (origin, dicToken) => {
      const r = await fetch(`${origin}/api/v1/people`, { method: 'PUT', headers: { authorization: `Bearer ${dicToken}`, 'content-type': 'text/csv' }, body: demoPeopleCsv() });
      if (!r.ok) throw new Error(`Không đăng ký được người dùng demo: ${r.status} ${await r.text()}`);
    },
    describe: () =>
      [
        `Đăng nhập qua máy chủ xác thực demo (${provider.issuer}, OpenID Connect), mật khẩu "${DEMO_PASSWORD}":`,
        ...DEMO_PEOPLE.map((p) => `  ${p.username.padEnd(10)} ${p.name} · ${p.role}${p.unit ? ` · ${p.unit}` : ''}`),
      ].join('\n'),
  };
}

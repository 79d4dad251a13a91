/**
 * The OpenID Connect round trip, end to end: `wrangler dev` as the client of a real local provider
 * (node-oidc-provider) with the demo people; the ID token, state, nonce and one-time code checked
 * by the worker as deployed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoPeopleCsv } from '../shared/demo/people';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import type { LocalWorker } from './lib/local-worker';
import { startWorkerWithProvider, type LocalProvider } from './lib/oidc-provider';
import { CookieJar, hop, signInThroughProvider } from './lib/oidc-round-trip';

let worker: LocalWorker;
let provider: LocalProvider;
let api: string;

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${api}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } });

async function exchange(code: string): Promise<Response> {
  return call('/auth/exchange', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
}

const codeOf = (location: string | null) => new URL(location!).hash.replace(/^#code=/, '');

beforeAll(async () => {
  ({ worker, provider } = await startWorkerWithProvider({ units: DEMO_REGISTRY, tokens: { dic: { role: 'dic', unit: 'SKHCN' } } }));
  api = `${worker.origin}/api/v1`;
  const registered = await call('/people', { method: 'PUT', token: worker.tokens.dic, headers: { 'content-type': 'text/csv' }, body: demoPeopleCsv() });
  expect(registered.status).toBe(200);
});

afterAll(async () => {
  await worker?.stop();
  await provider?.stop();
});

describe('signing in through the province’s provider', () => {
  it('a wrong password is said in Vietnamese with a way back to the login form, where the right one gets through', async () => {
    const jar = new CookieJar();
    let step = await hop(`${api}/auth/login`, jar);
    let form = '';
    for (let i = 0; i < 10 && step.location && !step.text.includes('name="login"'); i++) {
      form = step.location;
      step = await hop(form, jar);
    }
    expect(step.text).toContain('name="login"');
    const post = (password: string) => hop(form, jar, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login: 'hoa.nt', password }).toString() });
    const wrong = await post('not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Sai tên đăng nhập hoặc mật khẩu.');
    const back = /<a href="([^"]+)">Đăng nhập lại<\/a>/.exec(wrong.text)![1]!;
    expect((await hop(new URL(back, form).toString(), jar)).text).toContain('name="login"');
    expect((await post(DEMO_PASSWORD)).location).toBeTruthy();
  });

  it('a registered clerk signs in, trades the one-time code once for a working-day session, and acts as themselves', async () => {
    expect(await (await call('/auth/config')).json()).toEqual({ enabled: true, provider: null });
    const { answer } = await signInThroughProvider(worker.origin, 'hoa.nt', DEMO_PASSWORD);
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(new RegExp(`^${worker.origin}/signin.html#code=cth_`));
    const code = codeOf(answer.location);
    const traded = await exchange(code);
    expect(traded.status).toBe(200);
    const session = await traded.json();
    expect(session).toMatchObject({ person: { name: 'Nguyễn Thị Hoa' }, role: 'unit', unit: 'PHUOCAN' });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 3600_000);
    expect((await exchange(code)).status).toBe(401);
    expect(await (await call('/me', { token: session.token })).json()).toMatchObject({ role: 'unit', unit: { code: 'PHUOCAN' } });
    expect((await call('/auth/logout', { method: 'POST', token: session.token })).status).toBe(204);
    expect((await call('/me', { token: session.token })).status).toBe(401);
  });

  it('a replayed callback, a made-up state, and a provider error are 401 pages in both languages; nothing is stored', async () => {
    const { callback } = await signInThroughProvider(worker.origin, 'lan.tt', DEMO_PASSWORD);
    const replay = await fetch(callback, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(replay.status).toBe(401);
    const page = await replay.text();
    expect(page).toContain('Lượt đăng nhập không hợp lệ hoặc đã hết hạn');
    expect(page).toContain('The sign-in is not valid or has expired');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'made-up');
    expect((await fetch(forged, { redirect: 'manual' })).status).toBe(401);
    const before = await (await call('/sessions', { token: worker.tokens.dic })).json();
    expect(before).toEqual([]);
  });

  it('a person the provider still signs in, whose membership ended, is refused with 403 and nothing is stored', async () => {
    const people = await (await call('/people', { token: worker.tokens.dic })).json();
    const minh = people.find((p: { login: string }) => p.login.startsWith('minh.lv'));
    // Minh's membership ends yesterday: the provider still signs him in, chitieu does not.
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const ended = demoPeopleCsv().split('\r\n').filter((l) => l.startsWith('login') || l.startsWith('minh.lv')).map((l) => (l.startsWith('minh') ? `${l}${yesterday}` : l));
    expect((await call('/people', { method: 'PUT', token: worker.tokens.dic, headers: { 'content-type': 'text/csv' }, body: ended.join('\n') })).status).toBe(200);
    const { answer } = await signInThroughProvider(worker.origin, 'minh.lv', DEMO_PASSWORD);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Lê Văn Minh chưa được giao vai trò nào đang có hiệu lực');
    expect(minh.memberships).toHaveLength(1);
  });
});

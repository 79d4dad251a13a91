/**
 * DIC's people screen in the pane, end to end: real Chromium on the demo page, the real worker on a
 * local D1, and a real OpenID provider (node-oidc-provider). DIC registers the demo people from the
 * CSV file with a preview first (nothing stored until applied), sees a commune clerk signed in
 * through the provider, ends her session, and the clerk's next request is refused.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoPeopleCsv } from '../../shared/demo/people';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import type { LocalWorker } from '../../scripts/lib/local-worker';
import { startWorkerWithProvider, type LocalProvider } from '../../scripts/lib/oidc-provider';
import { signInThroughProvider } from '../../scripts/lib/oidc-round-trip';
import { launchChromium } from './browser';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
let worker: LocalWorker;
let provider: LocalProvider;
let browser: Browser;
let dicPage: Page;
let clerkPage: Page;
let clerkToken = '';

const asDic = (path: string, init: RequestInit = {}) =>
  fetch(`${worker.origin}/api/v1${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${worker.tokens.dic}` } });

/** A pane of its own (its own storage) signed in with `token`. */
async function paneWith(token: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await page.goto(`${worker.origin}/demo.html`);
  await page.evaluate((t) => localStorage.setItem('chitieu.token', t), token);
  await page.reload();
  await page.locator('#who').waitFor({ timeout: 20_000 });
  return page;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ worker, provider } = await startWorkerWithProvider({ units: DEMO_REGISTRY, tokens: { dic: { role: 'dic', unit: 'SKHCN' } } }));
  browser = await launchChromium();
  dicPage = await paneWith(worker.tokens.dic!);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await provider?.stop();
});

describe('DIC’s people screen', () => {
  it('is a tab of DIC’s pane', async () => {
    await dicPage.locator('#tab-people').click();
    expect(await dicPage.locator('#tab-people').innerText()).toBe('Người dùng');
    await dicPage.locator('#people-list').getByText('Chưa đăng ký người dùng nào.').waitFor();
    await dicPage.locator('#sessions').getByText('Không ai đang đăng nhập.').waitFor();
  });

  it('previews the CSV file without storing anything, then applies it, and lists people with their memberships', async () => {
    await dicPage.locator('#people-file').setInputFiles({ name: 'nguoi-dung.csv', mimeType: 'text/csv', buffer: Buffer.from(demoPeopleCsv(), 'utf8') });
    expect(await dicPage.locator('#people-apply').getAttribute('disabled')).not.toBeNull();
    await dicPage.locator('#people-preview').click();
    const result = dicPage.locator('#people-import-result');
    await result.getByText('Đây mới là xem trước: chưa có gì được ghi.').waitFor();
    expect(await result.innerText()).toMatch(/\d+ thêm mới, 0 thay đổi, 0 giữ nguyên/);
    expect(await dicPage.locator('#people-changes li[data-action="person_created"]').count()).toBeGreaterThan(0);
    expect(await (await asDic('/people')).json()).toEqual([]);
    await dicPage.screenshot({ path: join(ARTIFACTS, 'people-01-preview.png'), fullPage: true });

    await dicPage.locator('#people-apply').click();
    await result.getByText('Đã ghi thay đổi.').waitFor();
    const stored = (await (await asDic('/people')).json()) as { name: string }[];
    expect(stored.map((p) => p.name)).toContain('Nguyễn Thị Hoa');
    const hoa = dicPage.locator('#people-list li[data-person]').filter({ hasText: 'Nguyễn Thị Hoa' });
    await hoa.waitFor();
    expect(await hoa.locator('li[data-membership]').first().innerText()).toContain('Đơn vị báo cáo · PHUOCAN · từ 01/07/2025');
    // Applying the same file again changes nothing: the preview says so and offers nothing to apply.
    await dicPage.locator('#people-preview').click();
    await result.getByText(/0 thêm mới, 0 thay đổi, \d+ giữ nguyên/).waitFor();
    expect(await dicPage.locator('#people-apply').getAttribute('disabled')).not.toBeNull();
  });

  it('refuses a bad file with the line and field named, and stores nothing', async () => {
    const before = await (await asDic('/people')).text();
    await dicPage.locator('#people-file').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('login,name,role,unit,valid_from,valid_to\r\nkhong hop le,Ai Đó,unit,KHONGCO,2025-07-01,\r\n', 'utf8') });
    await dicPage.locator('#people-preview').click();
    const error = dicPage.locator('#people-import-result fluent-message-bar[intent="error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('dòng 2');
    expect(await (await asDic('/people')).text()).toBe(before);
  });

  it('shows a clerk signed in through the provider; ending her session refuses her next request', async () => {
    const { answer } = await signInThroughProvider(worker.origin, 'hoa.nt', DEMO_PASSWORD);
    const code = new URL(answer.location!).hash.replace(/^#code=/, '');
    const traded = await fetch(`${worker.origin}/api/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    clerkToken = ((await traded.json()) as { token: string }).token;
    clerkPage = await paneWith(clerkToken);
    expect(await clerkPage.locator('#who').innerText()).toContain('UBND xã Phước An');

    await dicPage.locator('#sessions-refresh').click();
    const hers = dicPage.locator('#sessions li[data-session]').filter({ hasText: 'Nguyễn Thị Hoa' });
    await hers.waitFor();
    expect(await hers.innerText()).toContain('Đơn vị báo cáo · PHUOCAN');
    await dicPage.screenshot({ path: join(ARTIFACTS, 'people-02-signed-in.png'), fullPage: true });
    await hers.locator('fluent-button[id^="end-session-"]').click();
    // Asked once more before she is signed out.
    expect(await hers.locator('.confirm-text').innerText()).toBe('Kết thúc phiên này của Nguyễn Thị Hoa? Người đó sẽ phải đăng nhập lại.');
    await hers.locator('fluent-button[id^="confirm-end-"]').click();
    await dicPage.locator('#sessions-note').getByText('Đã kết thúc phiên của Nguyễn Thị Hoa.').waitFor();
    await dicPage.locator('#sessions').getByText('Không ai đang đăng nhập.').waitFor();

    // The clerk's pane asks again: refused, and it offers sign-in.
    const status = await clerkPage.evaluate(async () => (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${localStorage.getItem('chitieu.token')}` } })).status);
    expect(status).toBe(401);
    // Her next action in the pane is refused, and the pane goes back to sign-in at once, saying why.
    await clerkPage.locator('#tab-history').click();
    await clerkPage.locator('#token').waitFor();
    expect(await clerkPage.locator('#who').count()).toBe(0);
    expect(await clerkPage.locator('#signed-out').innerText()).toContain('Phiên đăng nhập đã kết thúc');
    expect(await clerkPage.evaluate(() => localStorage.getItem('chitieu.token'))).toBeNull();
    await clerkPage.reload();
    await clerkPage.locator('#token').waitFor();
    expect(await clerkPage.locator('#who').count()).toBe(0);
  });

  it('ends every session of a person at once', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { answer } = await signInThroughProvider(worker.origin, 'hoa.nt', DEMO_PASSWORD);
      const code = new URL(answer.location!).hash.replace(/^#code=/, '');
      const traded = await fetch(`${worker.origin}/api/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      tokens.push(((await traded.json()) as { token: string }).token);
    }
    await dicPage.locator('#sessions-refresh').click();
    const hers = dicPage.locator('#sessions li[data-session]').filter({ hasText: 'Nguyễn Thị Hoa' });
    await expect.poll(() => hers.count()).toBe(2);
    await hers.first().locator('fluent-button[id^="end-all-"]').click();
    await hers.first().locator('fluent-button[id^="confirm-end-"]').click();
    await dicPage.locator('#sessions-note').getByText('Đã kết thúc 2 phiên của Nguyễn Thị Hoa.').waitFor();
    for (const token of tokens) expect((await fetch(`${worker.origin}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

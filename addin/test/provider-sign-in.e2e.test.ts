/**
 * Signing in through the province's provider from the pane, end to end: real Chromium on the demo
 * page (a popup standing in for Office's dialog), the real worker on a local D1, and a real OpenID
 * provider (node-oidc-provider) with its own login page. A commune clerk signs in, files a report
 * and is named in the audit log; DIC ends the session and the pane's next request is refused.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoPeopleCsv } from '../../shared/demo/people';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { versionOf } from '../../shared/templates';
import type { LocalWorker } from '../../scripts/lib/local-worker';
import { startWorkerWithProvider, type LocalProvider } from '../../scripts/lib/oidc-provider';
import { launchChromium } from './browser';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
let worker: LocalWorker;
let provider: LocalProvider;
let browser: Browser;
let page: Page;

const asDic = (path: string, init: RequestInit = {}) =>
  fetch(`${worker.origin}/api/v1${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${worker.tokens.dic}` } });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ worker, provider } = await startWorkerWithProvider({ units: DEMO_REGISTRY, tokens: { dic: { role: 'dic', unit: 'SKHCN' } }, vars: { OIDC_PROVIDER_NAME: 'Cổng đăng nhập tỉnh (demo)' } }));
  expect((await asDic('/people', { method: 'PUT', headers: { 'content-type': 'text/csv' }, body: demoPeopleCsv() })).status).toBe(200);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${worker.origin}/demo.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await provider?.stop();
});

describe('a commune clerk signs in with the province’s account', () => {
  it('through the provider’s login page in a popup, and the pane shows her unit', async () => {
    const button = page.locator('#provider-signin-button');
    await button.waitFor();
    expect(await button.innerText()).toContain('Đăng nhập qua Cổng đăng nhập tỉnh (demo)');
    const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await popup.locator('input[name="login"]').waitFor();
    await popup.locator('input[name="login"]').fill('hoa.nt');
    await popup.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-01-provider.png') });
    await popup.locator('button[type="submit"]').click();
    await page.locator('#who').waitFor({ timeout: 20_000 });
    expect(await page.locator('#who').innerText()).toContain('UBND xã Phước An');
    const token = await page.evaluate(() => localStorage.getItem('chitieu.token'));
    expect(token).toMatch(/^cts_/);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-02-signed-in.png') });
  });

  it('files a report with her session, and the audit log names her', async () => {
    const today = new Date(Date.now() + 7 * 3600_000);
    const period = `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
    const status = await page.evaluate(
      async ([period, version]) => {
        const r = await fetch('/api/v1/submissions', {
          method: 'POST',
          headers: { authorization: `Bearer ${localStorage.getItem('chitieu.token')}`, 'content-type': 'application/json' },
          body: JSON.stringify({ template: 'BM03', version, unit: 'PHUOCAN', period, values: { 'HS01.KQ': 10, 'HS02.KQ': 3, 'HS03.KQ': 9, 'HS04.KQ': 8 } }),
        });
        return r.status;
      },
      [period, versionOf('BM03', period)] as const,
    );
    expect(status).toBe(201);
    const log = (await (await asDic('/audit')).json()) as { action: string; person: { name: string } | null }[];
    expect(log.find((e) => e.action === 'submissions.create')?.person?.name).toBe('Nguyễn Thị Hoa');
  });

  it('DIC sees her signed in and ends the session; the pane’s next request is refused and it offers sign-in again', async () => {
    const sessions = (await (await asDic('/sessions')).json()) as { id: string; person: { name: string } }[];
    const hers = sessions.find((s) => s.person.name === 'Nguyễn Thị Hoa')!;
    expect((await asDic(`/sessions/${hers.id}`, { method: 'DELETE' })).status).toBe(204);
    await page.reload();
    await page.locator('#provider-signin-button').waitFor();
    expect(await page.locator('#who').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('chitieu.token'))).toBeNull();
  });
});

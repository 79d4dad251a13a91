/**
 * The pane's first screen offers the sign-in the host can do, in real Chromium against the real
 * worker: with Office mocked at its boundary (the requirement sets a host supports), a host with
 * `NestedAppAuth 1.1` gets the Microsoft 365 button, one without gets the provider's dialog, and
 * outside Office the demo page gets the provider's popup. MSAL is not loaded until it is used.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { startLocalWorker, type LocalWorker } from '../../scripts/lib/local-worker';
import { launchChromium } from './browser';

let worker: LocalWorker;
let browser: Browser;

beforeAll(async () => {
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: {},
    vars: {
      // Only read for /auth/config here: nothing is asked of the provider or the tenant.
      OIDC_ISSUER: 'https://sso.daklak.example/realms/can-bo',
      OIDC_CLIENT_ID: 'chitieu',
      OIDC_PROVIDER_NAME: 'Cổng đăng nhập tỉnh',
      NAA_TENANT_ID: '3f0e1d2c-4b5a-4968-8776-a5b4c3d2e1f0',
      NAA_CLIENT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5',
    },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

/** The first screen, with Office.js standing in as a host that supports `sets` (or no Office at all). */
async function firstScreen(sets: Record<string, string> | null): Promise<{ page: Page; scripts: string[] }> {
  const context = await browser.newContext();
  if (sets) {
    await context.addInitScript((supported) => {
      (window as unknown as { Office: unknown }).Office = {
        context: { requirements: { isSetSupported: (name: string, version = '1.1') => name in supported && Number(supported[name]) >= Number(version) } },
      };
    }, sets);
  }
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto(`${worker.origin}/demo.html`);
  await page.locator('#token').waitFor();
  await page.locator('#provider-signin fluent-button').waitFor();
  return { page, scripts };
}

describe('the sign-in the pane offers', () => {
  it('a host with NestedAppAuth 1.1: the Microsoft 365 account, without a dialog; MSAL not yet loaded', async () => {
    const { page, scripts } = await firstScreen({ NestedAppAuth: '1.1', DialogApi: '1.2' });
    expect(await page.locator('#microsoft365-signin-button').innerText()).toBe('Đăng nhập bằng tài khoản Microsoft 365 của tỉnh');
    expect(await page.locator('#provider-signin-button').count()).toBe(0);
    const loaded = await Promise.all(scripts.map(async (path) => (await (await fetch(`${worker.origin}${path}`)).text()).includes('nestedAppAuthBridge')));
    expect(loaded.some(Boolean)).toBe(false);
    await page.context().close();
  });

  it('a host without it (Office 2016–2021): the province’s provider through the dialog', async () => {
    const { page } = await firstScreen({ DialogApi: '1.2' });
    expect(await page.locator('#provider-signin-button').innerText()).toBe('Đăng nhập qua Cổng đăng nhập tỉnh');
    expect(await page.locator('#microsoft365-signin-button').count()).toBe(0);
    await page.context().close();
  });

  it('outside Office: the province’s provider in a popup', async () => {
    const { page } = await firstScreen(null);
    expect(await page.locator('#provider-signin-button').count()).toBe(1);
    expect(await page.locator('#microsoft365-signin-button').count()).toBe(0);
    await page.context().close();
  });
});

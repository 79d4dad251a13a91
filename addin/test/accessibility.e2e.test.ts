/**
 * The task pane for everyone: every control named (Chromium's own accessibility tree), every view
 * usable in a 320 px pane at 200% zoom (160 CSS pixels), and a clerk's whole round done from the
 * keyboard alone. The province as it is today: a commune of the reformed province, DIC at the merged
 * Department of Science and Technology.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY, NEW_COMMUNES } from '../../shared/demo/registry';
import { demoSubmission } from '../../shared/demo/generate';
import { startLocalWorker, type LocalWorker } from '../../scripts/lib/local-worker';
import { launchChromium } from './browser';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const TODAY = '2026-11-30';
const FILED_PERIOD = '2026-Q3';
let worker: LocalWorker;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { clerk: { role: 'unit', unit: 'EAKLY' }, dic: { role: 'dic', unit: 'SKHCN' }, auditor: { role: 'auditor', unit: null } },
    // The demo with ?today= files only where the worker follows its day (npm start's training clock).
    vars: { TRAINING_CLOCK: 'on' },
  });
  // One report on file, so that DIC's views have a card, a chase list and figures to name.
  const commune = NEW_COMMUNES.find((c) => c.code === 'EAKLY')!;
  const filed = await fetch(`${worker.origin}/api/v1/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${worker.tokens.clerk}`, 'content-type': 'application/json' },
    body: JSON.stringify(demoSubmission('BM03', commune, FILED_PERIOD)),
  });
  expect(filed.status, await filed.clone().text()).toBe(201);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function open(token: string | null, viewport = { width: 1200, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  if (token) await context.addInitScript((t) => localStorage.setItem('chitieu.token', t), token);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${worker.origin}/demo.html?today=${TODAY}`);
  return page;
}

const INTERACTIVE = new Set(['button', 'combobox', 'textbox', 'searchbox', 'checkbox', 'tab', 'link', 'radio', 'switch', 'menuitem', 'listbox']);

/** Controls of the pane that Chromium's accessibility tree gives no name: each one a failure. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
  const out: string[] = [];
  for (const n of nodes) {
    if (n.ignored || !n.role || !INTERACTIVE.has(n.role.value)) continue;
    if ((n.name?.value ?? '').trim() !== '') continue;
    const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId! })) as { node: { localName: string; attributes?: string[] } };
    out.push(`${n.role.value} <${node.localName} ${(node.attributes ?? []).join(' ')}>`);
  }
  await cdp.detach();
  return out;
}

/** Whatever of the pane sticks out of it, sideways: every control and its text must stay inside. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.demo-pane')!;
    const right = pane.getBoundingClientRect().right + 0.5;
    const out: string[] = [];
    if (pane.scrollWidth > pane.clientWidth + 1) out.push(`pane scrolls sideways: ${pane.scrollWidth} > ${pane.clientWidth}`);
    for (const el of pane.querySelectorAll<HTMLElement>('button, fluent-button, fluent-dropdown, fluent-text-input, fluent-checkbox, fluent-textarea, fluent-message-bar, [role=tab], h1, h2, h3, p, label, li, table')) {
      const r = el.getBoundingClientRect();
      // A table of figures scrolls inside its own box, as it must at this width.
      if (el.closest('.table-scroll')) continue;
      if (r.width > 0 && r.right > right) out.push(`${el.localName}#${el.id || el.className}: ${Math.round(r.right)} > ${Math.round(right)}`);
    }
    return out;
  });
}

const TABS = { clerk: ['report', 'history'], dic: ['dashboard', 'review', 'report', 'check', 'people'], auditor: ['check', 'dashboard'] } as const;

describe('every control named, every view inside a 320 px pane at 200% zoom', () => {
  for (const role of ['clerk', 'dic', 'auditor'] as const) {
    it(`${role}: each tab's controls have names and nothing is cut off`, async () => {
      // 320 device pixels at 200% zoom: 160 CSS pixels for the pane, the simulated sheet out of the way.
      const page = await open(worker.tokens[role]!, { width: 160, height: 700 });
      await page.addStyleTag({ content: '.demo-layout { grid-template-columns: 0 160px !important; } .demo-excel { visibility: hidden; }' });
      await page.locator('#who').waitFor();
      for (const tab of TABS[role]) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator('main[role=tabpanel] .view, main[role=tabpanel] section').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('.view-slot') && !document.querySelector('main .busy'), null, { timeout: 15_000 });
        expect(await unnamedControls(page), `${role} · ${tab}`).toEqual([]);
        expect(await overflowing(page), `${role} · ${tab}`).toEqual([]);
        // The header's controls stay in reach: every tab, the language switch and sign-out.
        for (const id of [...TABS[role].map((t) => `tab-${t}`), 'lang', 'signout']) {
          const box = await page.locator(`#${id}`).boundingBox();
          expect(box, id).not.toBeNull();
          expect(box!.x + box!.width, id).toBeLessThanOrEqual(160.5);
        }
        await page.screenshot({ path: join(ARTIFACTS, `a11y-${role}-${tab}-320px-200pct.png`), fullPage: true });
      }
      await page.context().close();
    });
  }

  it('the sign-in view: the token box has a visible label and a name', async () => {
    const page = await open(null, { width: 160, height: 600 });
    await page.addStyleTag({ content: '.demo-layout { grid-template-columns: 0 160px !important; } .demo-excel { visibility: hidden; }' });
    await page.locator('#token').waitFor();
    expect(await page.locator('#token-label').isVisible()).toBe(true);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a clerk who uses only the keyboard', () => {
  /** Presses Tab until the element with `id` has focus; fails after as many presses as the pane has controls. */
  async function tabTo(page: Page, id: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      // A dropdown's focus is on the button it holds.
      if (await page.evaluate((target) => !!document.activeElement?.closest(`#${target}`), id)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reaches #${id}`);
  }

  it('signs in, chooses a template, inserts it, checks it, moves to Lịch sử and signs out without the mouse', async () => {
    const page = await open(null);
    await page.locator('#token').waitFor();
    await tabTo(page, 'token');
    await page.keyboard.type(worker.tokens.clerk!);
    await page.keyboard.press('Enter');
    await page.locator('#who').waitFor();
    expect(await page.locator('#who').innerText()).toContain('UBND xã Ea Kly');

    // The dropdown opens with the keyboard, and arrows choose.
    await tabTo(page, 'insert-template');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const chosen = await page.locator('#insert-template').evaluate((d) => (d as HTMLElement & { value: string }).value);
    const options = await page.locator('#insert-template fluent-option').evaluateAll((o) => o.map((x) => x.getAttribute('value')));
    expect(options).toContain(chosen);
    expect(chosen).not.toBe(options[0]);

    await tabTo(page, 'insert');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sheet-line').innerText()).toContain(chosen);

    await tabTo(page, 'check');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#results').innerText()).not.toBe('');

    // Tabs: one stop in the tab order, arrows move between them.
    await tabTo(page, 'tab-report');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#tab-history').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-history');

    await tabTo(page, 'signout');
    await page.keyboard.press('Enter');
    await page.locator('#token').waitFor();
    await page.context().close();
  });
});

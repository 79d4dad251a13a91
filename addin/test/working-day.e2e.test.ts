/**
 * Each role's working day in the task pane, by keyboard alone, with focus checked after every action:
 * a commune clerk whose report came back, a district that ended on 30 June 2025, DIC chasing the
 * units and reading a card, and the auditor. Real Chromium, the real worker on a local D1, the
 * in-memory workbook standing in for Excel.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY, NEW_COMMUNES } from '../../shared/demo/registry';
import { demoSubmission } from '../../shared/demo/generate';
import { startLocalWorker, type LocalWorker } from '../../scripts/lib/local-worker';
import { launchChromium } from './browser';
import type {} from '../harness/demo';
import { parsePeriod } from '../../shared/periods';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const TODAY = '2026-11-30';
const RETURNED_PERIOD = '2026-Q3';
const COMMENT = 'HS04 chưa khớp số liệu iGate';
let worker: LocalWorker;
let browser: Browser;
let filedValues: Record<string, unknown>;
/** A commune whose report waits for DIC's review. */
const WAITING = NEW_COMMUNES.find((c) => c.code !== 'EAKLY')!;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { clerk: { role: 'unit', unit: 'EAKLY' }, kpa: { role: 'unit', unit: 'KPA' }, dic: { role: 'dic', unit: 'SKHCN' }, auditor: { role: 'auditor', unit: null } },
    // The day is the demo page's (?today=): the worker follows it, so the clerk files as of that day.
    vars: { TRAINING_CLOCK: 'on' },
  });
  // The clerk's BM03 of the last quarter, returned by DIC with a comment.
  const submission = demoSubmission('BM03', NEW_COMMUNES.find((c) => c.code === 'EAKLY')!, RETURNED_PERIOD);
  filedValues = submission.values ?? {};
  const filed = await fetch(`${worker.origin}/api/v1/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${worker.tokens.clerk}`, 'content-type': 'application/json' },
    body: JSON.stringify(submission),
  });
  expect(filed.status, await filed.clone().text()).toBe(201);
  const { id } = (await filed.json()) as { id: string };
  const returned = await fetch(`${worker.origin}/api/v1/submissions/${id}/review`, {
    method: 'POST',
    headers: { authorization: `Bearer ${worker.tokens.dic}`, 'content-type': 'application/json' },
    body: JSON.stringify({ decision: 'return', comment: COMMENT }),
  });
  expect(returned.status, await returned.clone().text()).toBe(201);
  // Filed by DIC on the commune's behalf, waiting for review.
  const waiting = await fetch(`${worker.origin}/api/v1/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${worker.tokens.dic}`, 'content-type': 'application/json' },
    body: JSON.stringify(demoSubmission('BM03', WAITING, RETURNED_PERIOD)),
  });
  expect(waiting.status, await waiting.clone().text()).toBe(201);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.origin });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${worker.origin}/demo.html?today=${TODAY}`);
  return page;
}

/** The id of the element with focus, or of the nearest element with an id around it. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement?.closest('[id]') as HTMLElement | null)?.id ?? '');

/** Presses Tab (or Shift+Tab) until focus is inside `selector`; fails after as many presses as the page has stops. */
async function tabTo(page: Page, selector: string, backwards = false): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.closest(s), selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reaches ${selector}`);
}

/** Signs in with the keyboard alone; focus then is on the first tab of the role. */
async function signIn(page: Page, token: string, firstTab: string): Promise<void> {
  await page.locator('#token').waitFor();
  await tabTo(page, '#token');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.locator('#who').waitFor();
  await expect.poll(() => focused(page)).toBe(`tab-${firstTab}`);
}

/** Waits until the page has asked the server nothing new for a second (a request left open elsewhere does not count). */
async function quiet(page: Page): Promise<void> {
  let last = Date.now();
  const seen = () => (last = Date.now());
  page.on('request', seen);
  await expect.poll(() => Date.now() - last > 1000, { timeout: 20_000, interval: 200 }).toBe(true);
  page.off('request', seen);
}

const settled = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return !!el && el.textContent !== '' && !el.querySelector('.busy');
  }, selector, { timeout: 20_000 });

describe('a working day by keyboard alone', () => {
  it('a clerk sees the returned report first, reopens it with its figures, files it again and sees the receipt', async () => {
    const page = await open();
    await signIn(page, worker.tokens.clerk!, 'report');

    // What is due: the returned report first, with DIC's comment.
    const first = page.locator('#due-list .due-item').first();
    await first.waitFor();
    expect(await first.getAttribute('data-due')).toBe(`BM03-${RETURNED_PERIOD}`);
    expect(await first.getAttribute('data-state')).toBe('returned');
    expect(await first.innerText()).toContain(COMMENT);

    // Mở bản đã nộp writes the filed figures into the sheet; focus stays on the button.
    const openId = `due-open-BM03-${RETURNED_PERIOD}`;
    await tabTo(page, `#${openId}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#due-note').innerText(), { timeout: 20_000 }).toContain('lần 1');
    expect(await focused(page)).toBe(openId);
    const [ref, value] = Object.entries(filedValues).find(([, v]) => typeof v === 'number')!;
    const inSheet = await page.evaluate((name) => {
      const wb = window.chitieuDemo.workbook;
      const at = wb.names.get(name)!;
      return wb.value(at.sheet, at.row, at.col);
    }, `BM03_${ref.replace('.', '_')}`);
    expect(inSheet).toBe(value);

    // Kiểm tra without the comparison (the connection dropped): it says so and never reads valid.
    await page.route('**/api/v1/comparisons/**', (route) => route.abort());
    await tabTo(page, '#check');
    await page.keyboard.press('Enter');
    await settled(page, '#results');
    expect(await focused(page)).toBe('check');
    await page.locator('#check-incomplete').waitFor();
    expect(await page.locator('#results').innerText()).not.toContain('Hợp lệ');
    await page.unroute('**/api/v1/comparisons/**');

    // Kiểm tra again, online: the verdict arrives, focus stays on the button.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#check-incomplete') && !document.querySelector('#results .busy'), null, { timeout: 20_000 });
    expect(await focused(page)).toBe('check');

    // Nộp: the same content asks first (focus on the question's button), then the receipt takes focus.
    await tabTo(page, '#submit');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe('submit-anyway');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe('receipt');
    expect(await page.locator('#receipt').innerText()).toContain('Đã nộp lần 2');
    expect(await page.locator('#receipt').getAttribute('role')).toBe('status');
    const box = await page.locator('#receipt').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800);
    // Filed again: no longer among the reports to file.
    await expect.poll(() => page.locator(`#due-list .due-item[data-due="BM03-${RETURNED_PERIOD}"]`).first().getAttribute('data-state')).toBe('filed');

    // The language switch keeps focus on itself.
    await tabTo(page, '#lang', true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await focused(page)).toBe('lang');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await focused(page)).toBe('lang');
    await page.screenshot({ path: join(ARTIFACTS, 'day-clerk.png') });
    await page.context().close();
  });

  it('a district that ended on 30 June 2025 files the periods up to its end, any of them through Kỳ khác…', async () => {
    const page = await open();
    await signIn(page, worker.tokens.kpa!, 'report');
    await page.locator('#unit-ended').waitFor();
    await page.locator('#due-list .due-item, #due-list fluent-message-bar').first().waitFor();
    const due = await page.locator('#due-list [data-due]').evaluateAll((els) => els.map((e) => e.getAttribute('data-due')!));
    expect(due.length).toBeGreaterThan(0);
    // Periods up to its end only, and district templates: BM01 is filed for the half-year.
    expect(due.filter((d) => parsePeriod(d.slice(5))!.start > '2025-06-30')).toEqual([]);
    // The first lines, the oldest deadlines first; the rest a key press away, the keyboard on the first line added.
    await tabTo(page, '#due-more');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.due-item')?.getAttribute('data-due') ?? '')).not.toBe('');
    const all = await page.locator('#due-list [data-due]').evaluateAll((els) => els.map((e) => e.getAttribute('data-due')!));
    expect(all.length).toBeGreaterThan(due.length);
    expect(all).toContain('BM01-2025-H1');
    expect(all.filter((d) => parsePeriod(d.slice(5))!.start > '2025-06-30')).toEqual([]);
    expect(await page.locator('#insert-card').innerText()).not.toContain('không lập mẫu nào');

    await tabTo(page, '#other-period');
    await page.keyboard.press('Enter');
    expect(await page.locator('#other-period').getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('other-period');
    // BM01 of the first half of 2025, its last year: the picker's first choices.
    await tabTo(page, '#insert');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sheet-line').innerText(), { timeout: 20_000 }).toContain('6 tháng đầu năm 2025');
    expect(await focused(page)).toBe('insert');
    await page.context().close();
  });

  it('DIC has the period’s actions at the top, one chase line per unit with a message to copy, and reads a card in a sheet', async () => {
    const page = await open();
    await signIn(page, worker.tokens.dic!, 'dashboard');
    await page.locator('#chase-list .chase-item').first().waitFor({ timeout: 20_000 });
    const units = await page.locator('#chase-list .chase-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(new Set(units).size).toBe(units.length);
    // Pulling the workbook and drafting the report sit above the chase list.
    const pull = await page.locator('#pull').boundingBox();
    const chase = await page.locator('#chase-list').boundingBox();
    expect(pull!.y).toBeLessThan(chase!.y);

    // A line opens with Enter; its message is copied with Enter; focus stays on the button.
    await tabTo(page, '#chase-list .chase-item summary');
    const unit = await page.evaluate(() => document.activeElement?.closest('.chase-item')?.getAttribute('data-unit'));
    await page.keyboard.press('Enter');
    await tabTo(page, `#chase-copy-${unit}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`.chase-item[data-unit="${unit}"]`).innerText()).toContain('Đã sao chép');
    expect(await focused(page)).toBe(`chase-copy-${unit}`);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Kính gửi');
    expect(copied).toMatch(/hạn gửi \d{2}\/\d{2}\/\d{4}/);

    // Duyệt: typing a name asks the server nothing more per letter.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '#tab-dashboard', true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe('tab-review');
    await page.locator('#review-list .review-item').first().waitFor({ timeout: 20_000 });
    await quiet(page);
    const requests: string[] = [];
    page.on('request', (r) => (r.url().includes('/api/v1/') ? requests.push(r.url()) : undefined));
    await tabTo(page, '#review-search');
    const query = WAITING.code.slice(0, 4);
    await page.keyboard.type(query);
    // Once the list shows only what matches, nothing was asked again: the cards' figures are the ones already read.
    await expect
      .poll(() => page.locator('#review-list .review-item').evaluateAll((items, q) => items.length > 0 && items.every((i) => i.textContent!.toLowerCase().includes(q)), query.toLowerCase()))
      .toBe(true);
    expect(requests).toEqual([]);

    // A card opens its report in a sheet; focus stays on its button.
    await tabTo(page, '#review-list .review-item fluent-button[id^="open-"]');
    const openId = await focused(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.chitieuDemo.workbook.sheets.map((s) => s.name)), { timeout: 20_000 }).toContain(`BM03 ${WAITING.code}`.slice(0, 31));
    expect(await focused(page)).toBe(openId);
    await page.screenshot({ path: join(ARTIFACTS, 'day-dic.png') });
    await page.context().close();
  });

  it('the auditor checks the open sheet and keeps the keyboard on the button', async () => {
    const page = await open();
    await signIn(page, worker.tokens.auditor!, 'check');
    await tabTo(page, '#audit-check');
    await page.keyboard.press('Enter');
    await settled(page, '#check-results');
    expect(await focused(page)).toBe('audit-check');
    await page.context().close();
  });
});

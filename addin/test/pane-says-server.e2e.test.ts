/**
 * The pane says what the server says: Kiểm tra names the period and units compared exactly as the
 * filing's receipt does; a successor says its filing covers its predecessors' part; DIC reads what
 * changed since the last close before closing again; Lịch sử, Duyệt and the receipt name the person
 * who filed and who reviewed. Real Chromium, the real worker on a local D1, people signed in with
 * tokens that belong to them, the in-memory workbook standing in for Excel.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { demoSubmission } from '../../shared/demo/generate';
import { parsePeriod } from '../../shared/periods';
import { comparedPeriod, getTemplate, templateFor } from '../../shared/templates';
import { templateCells } from '../../shared/templates/cells';
import type { IndicatorTemplate } from '../../shared/templates/schema';
import { startLocalWorker, type LocalWorker } from '../../scripts/lib/local-worker';
import { launchChromium } from './browser';
import type {} from '../harness/demo';
import { chooseOption } from './demo-page';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
/**
 * Ten days after the first half of 2025, when Sở Nông nghiệp và Môi trường files it: it was formed on
 * 1 March from the two departments that ended on 28 February.
 */
const TODAY = '2025-07-10';
const PERIOD = '2025-H1';
const record = (code: string) => DEMO_REGISTRY.filter((u) => u.code === code).at(-1)!;
const SNNMT = record('SNNMT');
const PREDECESSORS = [record('SNNPTNT'), record('STNMT')];
/** The period the server compares the half-year with: the predecessors' figures, summed. */
const PREVIOUS = comparedPeriod(getTemplate('BM03')!, parsePeriod(PERIOD)!).code;
const CLERK = { login: 'lan@snnmt.daklak.gov.vn', name: 'Trần Thị Lan' };
const REVIEWER = { login: 'minh@skhcn.daklak.gov.vn', name: 'Lê Văn Minh' };
const NOTE = 'Tiếp nhận hồ sơ của hai sở cũ sau khi hợp nhất';

let worker: LocalWorker;
let browser: Browser;
let clerkToken: string;
let reviewerToken: string;
/** The predecessors' previous figures, summed: what the server compares the half-year with. */
const previousSum: Record<string, number> = {};

async function call(path: string, token: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
  return fetch(`${worker.origin}/api/v1${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
}

async function ok<T = any>(response: Promise<Response>, status = 200): Promise<T> {
  const r = await response;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as T;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { admin: { role: 'dic', unit: 'SKHCN' } },
    // The demo page's ?today=: the clerk files as of that day.
    vars: { TRAINING_CLOCK: 'on' },
  });
  const admin = worker.tokens.admin!;
  const people = [
    { ...CLERK, role: 'unit', unit: 'SNNMT', validFrom: '2025-03-01', validTo: null },
    { ...REVIEWER, role: 'dic', unit: 'SKHCN', validFrom: '2024-01-01', validTo: null },
  ];
  await ok(call('/people', admin, { method: 'PUT', json: { people } }));
  clerkToken = (await ok(call('/tokens', admin, { json: { role: 'unit', unit: 'SNNMT', person: CLERK.login } }), 201)).token;
  reviewerToken = (await ok(call('/tokens', admin, { json: { role: 'dic', person: REVIEWER.login } }), 201)).token;
  // The previous period of both predecessors, filed by DIC's token (no person): the basis the server compares with.
  for (const unit of PREDECESSORS) {
    const filed = demoSubmission('BM03', unit, PREVIOUS);
    await ok(call('/submissions', admin, { json: filed }), 201);
    for (const [ref, v] of Object.entries(filed.values ?? {})) if (typeof v === 'number') previousSum[ref] = (previousSum[ref] ?? 0) + v;
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function open(today?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${worker.origin}/demo.html${today ? `?today=${today}` : ''}`);
  return page;
}

/** The id of the element with focus, or of the nearest element with an id around it. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement?.closest('[id]') as HTMLElement | null)?.id ?? '');

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.closest(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reaches ${selector}`);
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.locator('#token input').fill(token);
  await page.locator('#signin').click();
  await page.locator('#who').waitFor();
}

const choose = chooseOption;

/** Types into the cell a defined name points at, as a clerk does. */
async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([n, t]) => {
      const wb = window.chitieuDemo.workbook;
      const at = wb.names.get(n!)!;
      const column = String.fromCharCode(65 + at.col);
      wb.type(`${column}${at.row + 1}`, t!, at.sheet);
    },
    [name, text],
  );
}

describe('the pane says what the server says', () => {
  let filedId = '';

  it('Kiểm tra names the period and units the server compares with, word for word; the filing covers its predecessor and names its filer', async () => {
    const page = await open(TODAY);
    await signIn(page, clerkToken);
    await page.locator('#demo-clock', { hasText: 'được ghi nhận như nộp vào ngày 10/07/2025' }).waitFor();
    await choose(page, 'insert-template', 'BM03');
    await choose(page, 'insert-period', PERIOD);
    await page.locator('#insert').click();
    await expect.poll(() => page.locator('#sheet-line').innerText(), { timeout: 20_000 }).toContain('6 tháng đầu năm 2025');

    // The merged departments' part of the half-year: offered, naming them and their last day.
    const covers = page.locator('#covers-area');
    await covers.locator('#covers-predecessors').waitFor({ timeout: 20_000 });
    expect(await covers.innerText()).toContain(`Số liệu gồm cả phần kỳ của đơn vị tiền nhiệm: ${PREDECESSORS.map((u) => `${u.name} (đến 28/02/2025)`).join('; ')}`);

    // The half-year's figures four times those of the two departments the half-year before: a jump on every count, explained once.
    for (const [ref, value] of Object.entries(previousSum)) await typeInto(page, `BM03_${ref.replace('.', '_')}`, String(value * 4));
    await typeInto(page, 'BM03_HS01_GC', NOTE);
    await tabTo(page, '#covers-predecessors');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#covers-predecessors').evaluate((c) => (c as HTMLElement & { checked: boolean }).checked)).toBe(true);
    await covers.screenshot({ path: join(ARTIFACTS, 'pane-covers.png') });

    await page.locator('#check').click();
    await page.locator('#results li.issue[data-code="jump"]').first().waitFor({ timeout: 20_000 });
    const paneMessages = await page.locator('#results li.issue[data-code="jump"] .issue-message').allInnerTexts();
    expect(paneMessages.length).toBeGreaterThan(0);
    expect(paneMessages[0]).toContain(`so với kỳ ${PREVIOUS} (số liệu của ${PREDECESSORS.map((u) => u.code).join(', ')})`);
    expect(await page.locator('#check-compared').innerText()).toContain('So sánh với kỳ 6 tháng cuối năm 2024');

    await page.locator('#submit').click();
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe('receipt');
    const receipt = page.locator('#receipt');
    expect(await receipt.locator('#receipt-filer').innerText()).toBe(`Người nộp: ${CLERK.name} (${SNNMT.name})`);
    await receipt.locator('#receipt-covers').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'pane-receipt-covers.png') });

    // The server's own words, as it stored them with the filing.
    const [summary] = await ok(call(`/submissions?template=BM03&period=${PERIOD}`, clerkToken));
    filedId = summary.id;
    expect(summary).toMatchObject({ submitterName: CLERK.name, coversPredecessors: true });
    const revision = await ok(call(`/submissions/${filedId}/revisions/1`, clerkToken));
    const serverMessages = (revision.report.warnings as { code: string; message: string }[]).filter((w) => w.code === 'jump').map((w) => w.message);
    expect(serverMessages.sort()).toEqual([...paneMessages].sort());
    expect(revision.submission.coversPredecessors).toBe(true);
    await page.close();
  });

  it('makes no jump check across the structural break of 1 July 2025, as the server, and says so', async () => {
    // Phường Tân An, formed on 1 July 2025 from two communes of Buôn Ma Thuột: their half-year is filed.
    const admin = worker.tokens.admin!;
    const sum: Record<string, number> = {};
    for (const code of ['BMT-TANAN', 'BMT-EATU']) {
      const filed = demoSubmission('BM03', record(code), '2025-H1');
      await ok(call('/submissions', admin, { json: filed }), 201);
      for (const [ref, v] of Object.entries(filed.values ?? {})) if (typeof v === 'number') sum[ref] = (sum[ref] ?? 0) + v;
    }
    const ward = (await ok(call('/tokens', admin, { json: { role: 'unit', unit: 'TANAN' } }), 201)).token;
    const server = await ok(call('/comparisons/BM03/2025-H2?unit=TANAN', ward));
    expect(server).toMatchObject({ compared: false, reason: 'structural_break', values: null });

    const page = await open('2026-01-10');
    await signIn(page, ward);
    await choose(page, 'insert-template', 'BM03');
    await choose(page, 'insert-period', '2025-H2');
    await page.locator('#insert').click();
    await expect.poll(() => page.locator('#sheet-line').innerText(), { timeout: 20_000 }).toContain('6 tháng cuối năm 2025');
    // Four times what the two communes filed: a jump on every count, were they compared (in the cells the
    // version of 2025-H2 still has: the district's part of digitisation ended with the districts).
    const cells = templateCells(templateFor('BM03', '2025-H2') as IndicatorTemplate);
    for (const [ref, value] of Object.entries(sum)) if (cells.has(ref)) await typeInto(page, `BM03_${ref.replace('.', '_')}`, String(value * 4));
    await page.locator('#check').click();
    await page.locator('#check-compared').waitFor({ timeout: 20_000 });
    expect(await page.locator('#check-compared').innerText()).toContain(`Không so sánh với kỳ 6 tháng đầu năm 2025: đơn vị tiếp nhận đơn vị khác qua lần sắp xếp được khai báo là ngắt chuỗi số liệu (${server.units.join(', ')})`);
    expect(await page.locator('#results li.issue[data-code="jump"]').count()).toBe(0);
    await page.close();
  });

  it('Duyệt names who filed, for which unit, and who reviewed', async () => {
    const page = await open();
    await signIn(page, reviewerToken);
    await page.locator('#tab-review').click();
    await page.locator('#review-period').waitFor();
    await choose(page, 'review-period', PERIOD);
    await page.locator('#review-load').click();
    const card = page.locator(`.review-item[data-submission="${filedId}"]`);
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.review-filer').innerText()).toBe(`Người nộp: ${CLERK.name} (${SNNMT.name})`);
    expect(await card.locator('.review-covers').innerText()).toContain('phần kỳ của đơn vị tiền nhiệm');
    await card.locator('.actions fluent-button', { hasText: 'Duyệt' }).click();
    await page.locator(`#confirm-${filedId}`).click();
    await expect.poll(() => card.locator('.review-reviewer').innerText(), { timeout: 20_000 }).toBe(`Người duyệt: ${REVIEWER.name}`);
    expect(await focused(page)).toBe(`review-item-${filedId}`);
    await page.close();
  });

  it('Lịch sử names the filer of every revision and the reviewer', async () => {
    const page = await open(TODAY);
    await signIn(page, clerkToken);
    await page.locator('#tab-history').click();
    const item = page.locator(`.history-item[data-submission="${filedId}"]`);
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator('.history-filer').innerText()).toBe(`Người nộp: ${CLERK.name} (${SNNMT.name})`);
    expect(await item.locator('.history-reviewer').innerText()).toContain(`Người duyệt: ${REVIEWER.name}`);
    await item.locator('.history-covers').waitFor();
    await item.locator('summary').click();
    await expect.poll(() => item.locator('.revision-filer').first().innerText(), { timeout: 20_000 }).toBe(`Người nộp: ${CLERK.name} (${SNNMT.name})`);
    await page.close();
  });

  it('DIC reads what changed since the last close, by keyboard, before closing again', async () => {
    const admin = worker.tokens.admin!;
    await ok(call(`/periods/${PERIOD}/close`, admin, { json: {} }), 201);
    await ok(call(`/periods/${PERIOD}/reopen`, admin, { json: { reason: 'Sở Nông nghiệp và Môi trường sửa số liệu' } }), 201);
    // The clerk corrects the half-year: a second revision, filed by the person, with more records received.
    const filed = (await ok(call(`/submissions/${filedId}/revisions/1`, clerkToken))).submission;
    await ok(call('/submissions', clerkToken, { json: { ...filed, values: { ...filed.values, 'HS01.KQ': filed.values['HS01.KQ'] + 1000 } } }), 201);

    const page = await open();
    await signIn(page, reviewerToken);
    await page.locator('#dash-period').waitFor({ timeout: 20_000 });
    await choose(page, 'dash-period', PERIOD);
    await page.locator('#dash-load').click();
    // The reload is answered, and so is the period's state it asks again (the first load's may be on screen already).
    await expect.poll(async () => (await page.locator('#dashboard-body .busy').count()) + (await page.locator('#period-close[aria-busy]').count()), { timeout: 20_000 }).toBe(0);
    await page.locator('#period-changes-button').waitFor({ timeout: 20_000 });
    expect(await page.locator('#period-changes-button').innerText()).toContain('Xem thay đổi từ lần chốt 1');
    await tabTo(page, '#period-changes-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe('period-changes');
    const changes = page.locator('#period-changes');
    expect(await changes.locator('h3').innerText()).toContain('Thay đổi từ lần chốt 1');
    const filing = await changes.locator('.changes-filings li[data-unit="SNNMT"]').innerText();
    expect(filing).toContain(`BM03 · ${SNNMT.name} · lần nộp 2 · ${CLERK.name}`);
    const figures = await changes.locator('.changes-figures li[data-template="BM03"]').innerText();
    expect(figures).toContain('Tổng tỉnh: HS01 Hồ sơ tiếp nhận');
    expect(figures).toContain(`${SNNMT.name}: HS01 Hồ sơ tiếp nhận`);
    await page.locator('#period-close').screenshot({ path: join(ARTIFACTS, 'pane-period-changes.png') });

    // Chốt số liệu shows the changes again with the question; confirming closes version 2.
    await tabTo(page, '#period-close-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe('period-close-confirm');
    expect(await page.locator('#period-close #period-changes').count()).toBe(1);
    expect(await page.locator('#period-close .confirm-text').innerText()).toContain('Chốt số liệu kỳ 6 tháng đầu năm 2025 (2025-H1)?');
    // The close keeps what it is for.
    await page.locator('#period-close-note textarea').fill('Gửi UBND tỉnh ngày 05/12/2026');
    await page.locator('#period-close-confirm').click();
    await expect.poll(() => page.locator('#period-close').innerText(), { timeout: 20_000 }).toContain('lần 2');
    const state = await ok(call(`/periods/${PERIOD}`, admin));
    expect(state.versions.at(-1)).toMatchObject({ version: 2, note: 'Gửi UBND tỉnh ngày 05/12/2026' });

    // Duyệt of the closed period says it is closed and offers no decision; its second revision waits for a reopen.
    await page.locator('#tab-review').click();
    await page.locator('#review-period').waitFor();
    await choose(page, 'review-period', PERIOD);
    await page.locator('#review-load').click();
    await page.locator(`.review-item[data-submission="${filedId}"]`).waitFor({ timeout: 20_000 });
    expect(await page.locator('#review-closed').innerText()).toContain('đã chốt số liệu (lần 2)');
    expect(await page.locator(`.review-item[data-submission="${filedId}"] fluent-button`, { hasText: 'Duyệt' }).count()).toBe(0);
    await page.locator('#tab-dashboard').click();
    await page.locator('#dash-period').waitFor({ timeout: 20_000 });
    await choose(page, 'dash-period', PERIOD);
    await page.locator('#dash-load').click();
    await page.locator('#period-reopen').waitFor({ timeout: 20_000 });

    // Reopening without a reason is told so under the box; the box and both buttons stay, and a reason reopens it.
    await page.locator('#period-reopen').click();
    await page.locator('#period-reopen-confirm').click();
    await expect.poll(() => page.locator('#period-reopen-warning').innerText(), { timeout: 20_000 }).toContain('Cần ghi lý do mở lại.');
    expect(await page.locator('#period-close fluent-button').count()).toBe(2);
    await page.locator('#period-close textarea').fill('Sửa số liệu Sở Y tế');
    await page.locator('#period-reopen-confirm').click();
    await page.locator('#period-close-button').waitFor({ timeout: 20_000 });
    await page.close();
  });
  it('each pane acts as whoever signed in there, whatever another window of the same add-in signs in or out', async () => {
    // Two Excel windows of one add-in share its storage on this computer: a browser context with two pages.
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const [dicPane, clerkPane] = [await context.newPage(), await context.newPage()];
    for (const page of [dicPane, clerkPane]) await page.goto(`${worker.origin}/demo.html`);
    await signIn(dicPane, reviewerToken);
    await signIn(clerkPane, clerkToken);
    expect(await dicPane.evaluate(() => localStorage.getItem('chitieu.token'))).toBe(clerkToken);
    // DIC's pane still reads what only DIC may read, with its own token.
    await dicPane.locator('#tab-people').click();
    await expect.poll(() => dicPane.locator('#people-list').innerText(), { timeout: 20_000 }).toContain(REVIEWER.name);
    expect(await dicPane.locator('#who').innerText()).not.toContain(SNNMT.name);
    // The clerk signs out in her window: DIC's pane goes on.
    await clerkPane.locator('#signout').click();
    await dicPane.locator('#tab-review').click();
    await dicPane.locator('#review-count').waitFor({ timeout: 20_000 });
    expect(await dicPane.locator('#token').count()).toBe(0);
    await context.close();
  });
});

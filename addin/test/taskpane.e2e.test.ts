/**
 * The task pane end to end: real Chromium, the real worker on a local D1, and the in-memory workbook
 * standing in for Excel. A clerk fills BM03 with the seed figures, finds and fixes the errors, submits;
 * DIC pulls the consolidated sheets and returns the report; the clerk sees why.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { recordsOn } from '../../shared/registry';
import { startLocalWorker, type LocalWorker } from '../../scripts/lib/local-worker';
import { launchChromium } from './browser';
import type {} from '../harness/demo';
import { versionOf } from '../../shared/templates';
import { chooseOption, sheetCell, typeInCell } from './demo-page';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
let worker: LocalWorker;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { kpa: { role: 'unit', unit: 'KPA' }, dic: { role: 'dic', unit: 'STTTT' }, auditor: { role: 'auditor', unit: null } },
    // The demo with ?today= files only where the worker follows its day (npm start's training clock).
    vars: { TRAINING_CLOCK: 'on' },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${worker.origin}/demo.html?today=2024-06-10`);
  // The page says it files as of its day once the worker has answered that it follows it.
  await page.locator('#demo-clock', { hasText: 'Chạy thử ngày 10/06/2024: báo cáo nộp từ trang này được ghi nhận như nộp vào ngày 10/06/2024.' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
const pane = () => page.locator('.demo-pane');
const cell = (address: string) => sheetCell(page, address);

const type = (address: string, text: string) => typeInCell(page, address, text);
const choose = (id: string, value: string) => chooseOption(page, id, value);

async function signIn(token: string): Promise<void> {
  if (await page.locator('#signout').count()) await page.locator('#signout').click();
  await page.locator('#token input').fill(token);
  await page.locator('#signin').click();
  await page.locator('#who').waitFor();
}

describe('Excel loading the add-in', () => {
  it('gets every page the manifest names at its exact address, without a redirect', async () => {
    for (const path of ['/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN', '/functions.js', '/functions.json', '/index.html']) {
      const r = await fetch(`${worker.origin}${path}`, { redirect: 'manual' });
      expect(r.status, path).toBe(200);
    }
  });

  it('opened in a browser instead of Excel, says so and leads to the demo instead of loading forever', async () => {
    const outside = await browser.newPage();
    try {
      await outside.goto(`${worker.origin}/taskpane.html`);
      const link = outside.locator('#open-demo');
      await link.waitFor({ timeout: 15_000 });
      expect(await outside.locator('h1').innerText()).toBe('Trang này chạy trong Excel');
      await link.click();
      await outside.waitForURL(/\/demo\.html$/);
    } finally {
      await outside.close();
    }
  });
});

describe('a clerk in a district office', () => {
  it('signs in with the token DIC issued and sees the unit and role', async () => {
    await page.locator('#token input').fill('ctk_not-a-token');
    await page.locator('#signin').click();
    await expect.poll(() => pane().locator('#signin-note').innerText()).toContain('không đúng');
    await signIn(worker.tokens.kpa!);
    await expect.poll(() => page.locator('#who').innerText()).toContain('UBND huyện Krông Pắc');
    expect(await page.locator('#who').innerText()).toContain('Đơn vị báo cáo');
    await shot('01-signed-in');
  });

  it('inserts BM03 for 6 tháng đầu năm 2024 and fills it with the seed figures, one of them wrong', async () => {
    await choose('insert-template', 'BM03');
    // The periods under way come first: the quarter and the half-year both end on 30 June.
    expect(await page.locator('#insert-period fluent-option').evaluateAll((o) => o.slice(0, 3).map((x) => x.getAttribute('value')))).toEqual(['2024-Q2', '2024-H1', '2024']);
    await choose('insert-period', '2024-H1');
    await page.locator('#insert').click();
    await expect.poll(() => page.locator('#sheet-line').innerText()).toContain(`BM03 · phiên bản ${versionOf('BM03', '2024-H1')}`);
    expect(await cell('A1').innerText()).toContain('BIỂU MẪU BM03');
    expect(await cell('A2').innerText()).toContain('UBND huyện Krông Pắc (KPA)');

    // Seed 001 §7 with TT01 mistyped (1.684 for 1.683) and online records above all records.
    for (const [address, text] of [
      ['E7', '1.684'],
      ['E8', '676'],
      ['E9', '753'],
      ['E10', '254'],
      ['E16', '400.000'],
      ['E17', '500.000'],
      ['E18', '384.618'],
      ['E19', '382.982'],
    ] as const) {
      await type(address, text);
    }
    expect(await cell('E7').innerText()).toBe('1.684');

    // The template guards its labels and formulas: only the yellow cells take typing.
    for (const guarded of ['C7', 'E31']) {
      const before = await cell(guarded).innerText();
      await page.locator('#demo-notice').evaluate((n) => (n.textContent = ''));
      await cell(guarded).dblclick();
      await expect.poll(() => page.locator('#demo-notice').innerText()).toContain('trang được bảo vệ');
      expect(await cell(guarded).locator('input').count()).toBe(0);
      expect(await cell(guarded).innerText()).toBe(before);
    }
    expect(await page.evaluate(() => window.chitieuDemo.workbook.sheet('BM03')?.protect)).toEqual({ insertRows: false });
  });

  it('presses Kiểm tra and sees every problem, in Vietnamese, at its cell, highlighted', async () => {
    await page.locator('#check').click();
    const issues = pane().locator('.issue');
    await expect.poll(() => issues.count()).toBe(2);
    expect(await issues.nth(0).getAttribute('data-code')).toBe('sum_mismatch');
    expect(await issues.nth(0).getAttribute('data-cell')).toBe('E7');
    expect(await issues.nth(0).innerText()).toContain('TT02 + TT03 + TT04 = 1.683 (chênh 1)');
    expect(await issues.nth(1).getAttribute('data-code')).toBe('part_exceeds_whole');
    expect(await pane().locator('.versions').innerText()).toBe(`Bộ kiểm tra 1.0.0 · mẫu BM03 phiên bản ${versionOf('BM03', '2024-H1')}`);
    expect(await cell('E7').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(244, 182, 182)');
    expect(await page.locator('#submit').getAttribute('disabled')).not.toBeNull();
    await shot('02-issues');
  });

  it('clicks an issue to jump to its cell', async () => {
    await pane().locator('.issue').nth(1).locator('button').click();
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe('E17');
  });

  it('fixes the figures; the highlights clear and Nộp is enabled', async () => {
    await type('E7', '1.683');
    await type('E17', '120.000');
    await page.locator('#check').click();
    await expect.poll(() => pane().locator('#results').innerText()).toContain('Hợp lệ');
    expect(await pane().locator('.issue').count()).toBe(0);
    expect(await cell('E7').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 248, 214)');
    expect(await page.locator('#submit').getAttribute('disabled')).toBeNull();
  });

  it('submits and gets a receipt: revision, time, hash', async () => {
    await page.locator('#submit').click();
    const receipt = pane().locator('#receipt');
    await receipt.waitFor();
    // Filed as of the demo's day, not the computer's.
    expect(await receipt.innerText()).toMatch(/Đã nộp lần 1 lúc 10\/06\/2024 \d{2}:\d{2}\./);
    expect(await receipt.innerText()).toMatch(/Mã băm: [0-9a-f]{16}…/);
    // 10 June is before the unit deadline of 2024-H1 (24 June): on time.
    expect(await receipt.innerText()).not.toContain('Nộp muộn');
    await expect.poll(() => pane().locator('#status-card').innerText()).toContain('Đã nhận, chờ duyệt');
    await shot('03-receipt');

    const stored = await fetch(`${worker.origin}/api/v1/submissions?unit=KPA`, { headers: { authorization: `Bearer ${worker.tokens.dic}` } }).then((r) => r.json());
    expect(stored).toMatchObject([{ unit: 'KPA', template: 'BM03', period: '2024-H1', revision: 1 }]);
  });

  it('files a correction, then the first figures again: each Nộp is its own revision and the last one counts', async () => {
    const receipt = () => pane().locator('#receipt').innerText();
    await type('E17', '110.000');
    await page.locator('#submit').click();
    await expect.poll(receipt).toContain('Đã nộp lần 2');
    await type('E17', '120.000');
    await page.locator('#submit').click();
    await expect.poll(receipt).toContain('Đã nộp lần 3');

    const dic = { headers: { authorization: `Bearer ${worker.tokens.dic}` } };
    const [summary] = await fetch(`${worker.origin}/api/v1/submissions?unit=KPA`, dic).then((r) => r.json());
    const detail = await fetch(`${worker.origin}/api/v1/submissions/${summary.id}`, dic).then((r) => r.json());
    const hashes = detail.revisions.map((r: { revision: number; hash: string }) => [r.revision, r.hash]).sort((a: number[], b: number[]) => Number(a[0]) - Number(b[0]));
    expect(hashes.map((h: unknown[]) => h[0])).toEqual([1, 2, 3]);
    expect(hashes[2][1]).toBe(hashes[0][1]);
    expect(hashes[1][1]).not.toBe(hashes[0][1]);
  });

  it('presses Nộp again after the answer was lost, and the report the server stored is not filed twice', async () => {
    await type('E17', '121.000');
    let lost = 0;
    const filing = (url: URL) => url.pathname === '/api/v1/submissions';
    await page.route(filing, async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost++;
      await route.fetch(); // the server stores it...
      await route.abort('internetdisconnected'); // ...and the answer never reaches Excel
    });
    await page.locator('#submit').click();
    await expect.poll(() => pane().locator('#results').innerText()).toContain('Không kết nối được máy chủ chitieu');
    await page.unroute(filing);
    await page.locator('#submit').click();
    await expect.poll(() => pane().locator('#receipt').innerText()).toContain('Đã nộp lần 4');

    const dic = { headers: { authorization: `Bearer ${worker.tokens.dic}` } };
    const [summary] = await fetch(`${worker.origin}/api/v1/submissions?unit=KPA`, dic).then((r) => r.json());
    expect(summary.revision).toBe(4);
  });

  it('asks before filing what the latest revision already holds, and files it only when told to', async () => {
    await page.locator('#submit').click();
    await expect.poll(() => pane().locator('#unchanged-note').innerText()).toContain('giống hệt lần nộp gần nhất');
    const dic = { headers: { authorization: `Bearer ${worker.tokens.dic}` } };
    const latest = async () => (await fetch(`${worker.origin}/api/v1/submissions?unit=KPA`, dic).then((r) => r.json()))[0].revision;
    expect(await latest()).toBe(4);
    await page.locator('#submit-anyway').click();
    await expect.poll(() => pane().locator('#receipt').innerText()).toContain('Đã nộp lần 5');
    expect(await latest()).toBe(5);
  });

  it('follows Excel: another sheet activated, says why Kiểm tra and Nộp wait; back on the template, edits mark the check as stale', async () => {
    await page.locator('.sheet-tab[data-sheet="Sheet1"]').click();
    await expect.poll(() => pane().locator('#sheet-card').innerText()).toContain('không phải mẫu báo cáo');
    expect(await page.locator('#actions-why').innerText()).toContain('trang mẫu báo cáo');
    expect(await page.locator('#submit').getAttribute('aria-describedby')).toBe('actions-why');
    await page.locator('.sheet-tab[data-sheet="BM03"]').click();
    await expect.poll(() => page.locator('#sheet-line').innerText()).toContain('BM03');
    expect(await page.locator('#actions-why').innerText()).toContain('Bấm Kiểm tra trước');
    await page.locator('#check').click();
    await expect.poll(() => pane().locator('#results').innerText()).toContain('Hợp lệ');
    await type('E8', '676');
    await expect.poll(() => pane().locator('#sheet-card').innerText()).toContain('Số liệu đã thay đổi sau lần kiểm tra');
  });

  it('switches to English and back, keeping the verdict, in the language chosen', async () => {
    await page.locator('#check').click();
    await expect.poll(() => pane().locator('#results').innerText()).toContain('Hợp lệ');
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('#tab-report').innerText()).toBe('Report');
    await expect.poll(() => pane().locator('#results').innerText()).toContain('Valid');
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('#tab-report').innerText()).toBe('Báo cáo');
    await expect.poll(() => pane().locator('#results').innerText()).toContain('Hợp lệ');
  });

  it('Kiểm tra compares with the previous period as Nộp will: each sharp change at its cell, clickable', async () => {
    // The district's second half of 2023, far smaller than its first half of 2024.
    const previous = { template: 'BM03', version: versionOf('BM03', '2023-H2'), unit: 'KPA', period: '2023-H2', values: { 'HS01.KQ': 10_000, 'HS02.KQ': 2_000, 'HS03.KQ': 9_000, 'HS04.KQ': 8_500 } };
    const filed = await fetch(`${worker.origin}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${worker.tokens.dic}`, 'content-type': 'application/json' }, body: JSON.stringify(previous) });
    expect(filed.status).toBe(201);
    await page.locator('#check').click();
    const jumps = pane().locator('.issue[data-code="jump"]');
    await expect.poll(() => jumps.count()).toBe(4);
    expect(await jumps.first().getAttribute('data-cell')).toBe('E16');
    await jumps.first().locator('button').click();
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe('E16');
    expect(await cell('E16').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 224, 138)');
    expect(await page.locator('#submit').getAttribute('disabled')).not.toBeNull();
  });

  it('shows an issue only the server found like its own: at the cell, highlighted, clickable', async () => {
    for (const [address, note] of [['F16', 'Tăng do tiếp nhận hồ sơ trực tuyến toàn tỉnh'], ['F17', 'Như trên'], ['F18', 'Như trên'], ['F19', 'Như trên']] as const) await type(address, note);
    await page.locator('#check').click();
    await expect.poll(() => page.locator('#submit').getAttribute('disabled')).toBeNull();
    const filing = (url: URL) => url.pathname === '/api/v1/submissions';
    await page.route(filing, (route) =>
      route.request().method() !== 'POST' ? route.continue() :
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:chitieu:problem:validation',
          title: 'Báo cáo chưa hợp lệ',
          status: 422,
          detail: 'Báo cáo có 1 lỗi; chưa được ghi nhận.',
          issues: [{ code: 'sum_mismatch', severity: 'error', cells: ['TT01.KQ', 'TT02.KQ'], values: {}, message: 'Số liệu do máy chủ tính khác.' }],
        }),
      }),
    );
    await page.locator('#submit').click();
    const issue = pane().locator('.issue[data-code="sum_mismatch"]');
    await issue.waitFor();
    expect(await issue.getAttribute('data-cell')).toBe('E7');
    expect(await cell('E7').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(244, 182, 182)');
    await issue.locator('button').click();
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe('E7');
    await page.unroute(filing);
  });

  it('inserts the same template for another period as its own sheet, and opens the sheet of a period that has one', async () => {
    await choose('insert-template', 'BM03');
    await choose('insert-period', '2024-Q2');
    await page.locator('#insert').click();
    await expect.poll(() => page.locator('#sheet-line').innerText()).toContain('Quý II năm 2024');
    expect(await page.locator('.sheet-tab[aria-selected="true"]').innerText()).toBe('BM03 2024-Q2');
    await type('E7', '10');
    expect(await page.evaluate(() => window.chitieuDemo.workbook.value('BM03', 6, 4))).toBe(1683);

    await choose('insert-period', '2024-H1');
    await page.locator('#insert').click();
    await expect.poll(() => pane().locator('#insert-note').innerText()).toContain('Bảng tính đã có trang BM03 cho mẫu và kỳ này');
    await page.locator('#open-existing').click();
    await expect.poll(() => page.locator('.sheet-tab[aria-selected="true"]').innerText()).toBe('BM03');
    await expect.poll(() => page.locator('#sheet-line').innerText()).toContain('6 tháng đầu năm 2024');
  });
});

describe('DIC', () => {
  it('sees the period dashboard: who filed BM03, who is missing, by kind and district', async () => {
    await signIn(worker.tokens.dic!);
    // It opens on the latest period with filings: the clerk's 2024-H1.
    await expect.poll(() => page.locator('#dash-period').evaluate((d) => (d as HTMLElement & { value: string }).value)).toBe('2024-H1');
    await choose('dash-period', '2024-H1');
    await page.locator('#dash-load').click();
    const bm03 = page.locator('#completeness tr[data-template="BM03"]');
    await bm03.waitFor();
    const cells = await bm03.locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual([String(recordsOn(DEMO_REGISTRY, '2024-06-30').length), '1']);
    expect(await pane().innerText()).toContain('Theo huyện (gồm xã)');
    // Districts are named, as people know them, never by code.
    const districts = await pane().locator('.bar-line .bar-label').allInnerTexts();
    expect(districts).toContain('UBND huyện Krông Pắc');
    expect(districts).not.toContain('KPA');
    expect(await page.locator('#coordinator').innerText()).toBe('Cơ quan tổng hợp: Sở Thông tin và Truyền thông');
    // Who to chase, by name, with the deadline; narrowed to one template and to districts.
    expect(await page.locator('#deadline').innerText()).toBe('Hạn đơn vị gửi báo cáo: 24/06/2024 · Hạn báo cáo lên cấp trên: 01/07/2024');
    const chase = pane().locator('#chase-list .chase-item');
    const all = await chase.count();
    expect(all).toBeGreaterThan(20);
    await choose('chase-template', 'BM03');
    await choose('chase-kind', 'district');
    // Krông Pắc filed BM03 on 10 June, before the deadline: nobody chases it; the other 14 districts are.
    await expect.poll(() => chase.count()).toBe(14);
    expect(await pane().locator('#chase-list .chase-item[data-unit="KPA"]').count()).toBe(0);
    // One line per unit, whatever it has not filed.
    const units = await chase.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(new Set(units).size).toBe(units.length);
    expect(await pane().locator('#chase-list .chase-item[data-unit="BDO"] summary').innerText()).toContain('chưa nộp, chưa đến hạn');
    await shot('04-dashboard');
  });

  it('pulls the consolidated sheets into the workbook, with native charts', async () => {
    await page.locator('#pull').click();
    await expect.poll(() => pane().locator('#pull-note').innerText(), { timeout: 20_000 }).toContain('trang tổng hợp');
    const tabs = await page.locator('.sheet-tab').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['Tổng hợp', 'TH_BM03', 'TH_BM01', 'Tình hình nộp báo cáo', 'Cảnh báo']));
    const charts = await page.evaluate(() => window.chitieuDemo.workbook.charts.map((c) => c.kind));
    expect(charts).toContain('columnStacked');
    await page.locator('.sheet-tab[data-sheet="TH_BM03"]').click();
    // The records KPA resolved are the province's, the only report filed; its catalogue figure is not: the
    // province's catalogue comes from the body that keeps it, which has not filed.
    const total = (name: string) =>
      page.evaluate((n) => {
        const wb = window.chitieuDemo.workbook;
        const at = wb.names.get(n)!;
        return wb.value(at.sheet, at.row, at.col);
      }, name);
    expect(await total('BM03_HS03_KQ')).toBe(384_618);
    expect(await total('BM03_TT01_KQ')).toBeFalsy();
    await shot('05-consolidated');
  });

  it('downloads the report drafted from the same figures, as a Word document', async () => {
    const download = page.waitForEvent('download');
    await pane().locator('#report-docx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('bao-cao-2024-H1.docx');
    const bytes = new Uint8Array(await readFile((await file.path())!));
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('là 384.618 hồ sơ');
    expect(text).not.toContain('1.683 thủ tục');
    expect(await pane().locator('#pull-note').innerText()).toContain('Đã dựng dự thảo báo cáo');
  });

  it('pulling another period asks first, and then leaves no sheet of the earlier period behind', async () => {
    const workbook = () => page.evaluate(() => window.chitieuDemo.workbook.sheets.map((s) => s.name));
    // DIC's own note on the summary sheet.
    await page.locator('.sheet-tab[data-sheet="Tổng hợp"]').click();
    await type('A3', 'Ghi chú của Sở');
    await page.locator('#tab-dashboard').click();
    await choose('dash-period', '2024-Q2');
    await page.locator('#pull').click();
    await expect.poll(() => pane().locator('#pull-confirm-text').innerText()).toContain('của kỳ 2024-H1');
    expect(await pane().locator('#pull-confirm-text').innerText()).toContain('kỳ 2024-Q2');
    await page.locator('#pull-cancel').click();
    expect(await workbook()).toContain('TH_BM01');
    expect(await page.evaluate(() => window.chitieuDemo.workbook.value('Tổng hợp', 2, 0))).toBe('Ghi chú của Sở');

    await page.locator('#pull').click();
    await page.locator('#pull-confirm').click();
    await expect.poll(() => pane().locator('#pull-note').innerText(), { timeout: 20_000 }).toContain('trang tổng hợp');
    const names = await workbook();
    // BM01 and BM05 are not filed for a quarter: their H1 sheets are gone, not left beside Q2's.
    expect(names).not.toContain('TH_BM01');
    expect(names).not.toContain('TH_BM05');
    expect(names).toContain('TH_BM03');
    const periods = await page.evaluate(() => {
      const wb = window.chitieuDemo.workbook;
      return [...new Set(wb.values('_chitieu').slice(1).filter((r) => String(r[0]).startsWith('TH_')).map((r) => r[6]))];
    });
    expect(periods).toEqual(['2024-Q2']);

    // Back to the half-year for what follows.
    await choose('dash-period', '2024-H1');
    await page.locator('#pull').click();
    await page.locator('#pull-confirm').click();
    await expect.poll(() => workbook()).toContain('TH_BM01');
  });

  it('returns the report with a comment the clerk then sees', async () => {
    await page.locator('#tab-review').click();
    await choose('review-period', '2024-H1');
    await page.locator('#review-load').click();
    const item = pane().locator('.review-item[data-unit="KPA"]');
    await item.waitFor();
    // Narrowed by search and template; the card shows the key figures.
    await page.locator('#review-search input').fill('krông pắc');
    await choose('review-template', 'BM03');
    await expect.poll(() => page.locator('#review-count').innerText()).toBe('1/1 báo cáo');
    await page.locator('#review-search input').fill('không có đơn vị này');
    await expect.poll(() => pane().locator('#review-list').innerText()).toContain('Không có báo cáo nào khớp bộ lọc');
    await page.locator('#review-search input').fill('KPA');
    await item.waitFor();
    await expect.poll(() => item.locator('.key-figures').innerText()).toContain('TT01');

    await item.locator('textarea').fill('HS02 cao bất thường, đề nghị kiểm tra lại với iGate');
    await item.locator('fluent-button', { hasText: 'Trả lại' }).click();
    // Nothing is sent before DIC confirms.
    await expect.poll(() => item.locator('.confirm-text').innerText()).toContain('Trả lại BM03 · UBND huyện Krông Pắc');
    const before = await fetch(`${worker.origin}/api/v1/submissions?unit=KPA&period=2024-H1`, { headers: { authorization: `Bearer ${worker.tokens.dic}` } }).then((r) => r.json());
    expect(before[0].status).toBe('received');
    await item.locator('fluent-button', { hasText: 'Xác nhận' }).click();
    await expect.poll(() => item.innerText()).toContain('Bị trả lại');
    expect(await item.locator('[data-kept="comment"]').innerText()).toContain('HS02 cao bất thường');
    await shot('06-returned');

    await signIn(worker.tokens.kpa!);
    await page.locator('#tab-history').click();
    await expect.poll(() => pane().locator('#history-list').innerText()).toContain('HS02 cao bất thường');
    // Every revision of the half-year report, newest first, with the review on the one it was about.
    const report = pane().locator('.history-item', { hasText: 'BM03 · 6 tháng đầu năm 2024' });
    await report.locator('summary').click();
    const revisions = report.locator('.revision');
    await expect.poll(() => revisions.count()).toBe(5);
    expect(await revisions.first().getAttribute('data-revision')).toBe('5');
    expect(await revisions.first().locator('.review-line').innerText()).toContain('HS02 cao bất thường');
    expect(await revisions.nth(1).locator('.review-line').count()).toBe(0);
    await shot('07-clerk-sees-return');
  });
});

describe('an auditor', () => {
  it('checks the consolidated sheet inside the workbook and gets a clean verdict', async () => {
    await signIn(worker.tokens.auditor!);
    await page.locator('.sheet-tab[data-sheet="TH_BM03"]').click();
    await page.locator('#tab-check').click();
    await page.locator('#audit-check').click();
    await expect.poll(() => pane().locator('#check-results').innerText()).toContain('Hợp lệ');
    expect(await pane().locator('#audit-total').innerText()).toContain('Đã tính lại tổng tỉnh');
    await shot('08-auditor');
  });

  it('recomputes the provincial total from the unit rows and flags a unit figure changed by hand', async () => {
    // The auditor's tab and button say what they do; the clerk's Kiểm tra is another action.
    expect(await page.locator('#tab-check').innerText()).toBe('Thẩm tra');
    expect(await pane().locator('#audit-check').innerText()).toBe('Thẩm tra trang đang mở');
    const at = await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>('table.sheet td[data-address]')];
      const address = (text: string) => cells.find((c) => c.innerText.trim() === text)?.dataset.address ?? '';
      // Records resolved: a flow, summed over units (a catalogue figure of a unit that does not keep it is not).
      const column = address('HS03.KQ').replace(/\d+$/, '');
      const row = (code: string) => address(code).replace(/^[A-Z]+/, '');
      return { unit: `${column}${row('KPA')}`, total: `${column}${row('TỈNH')}` };
    });
    expect(at.unit).toMatch(/^[A-Z]+\d+$/);
    const before = await cell(at.unit).innerText();
    const raised = Number(before.replace(/\./g, '')) + 1;
    await type(at.unit, String(raised));
    await pane().locator('#audit-check').click();
    const mismatch = pane().locator(`#check-results li[data-code="total_mismatch"][data-cell="${at.total}"]`);
    await expect.poll(() => mismatch.count()).toBe(1);
    expect(await mismatch.innerText()).toContain('tính lại từ các đơn vị trong trang được');
    await shot('08b-auditor-total-mismatch');
    await mismatch.locator('.issue-button').click();
    await expect.poll(() => page.locator('table.sheet td.selected').getAttribute('data-address')).toBe(at.total);
    await type(at.unit, before.replace(/\./g, ''));
    await pane().locator('#audit-check').click();
    await expect.poll(() => pane().locator('#check-results').innerText()).toContain('Hợp lệ');
  });

  it('on the sheet of a template nobody filed, says there is nothing to audit instead of an error', async () => {
    await page.locator('.sheet-tab[data-sheet="TH_BM01"]').click();
    await pane().locator('#audit-check').click();
    await expect.poll(() => pane().locator('#check-results').innerText()).toContain('không có gì để thẩm tra');
    expect(await pane().locator('#check-results .issue').count()).toBe(0);
  });
});

describe('opening the pane while the server cannot be reached', () => {
  it('keeps the token, says why, and signs in again when the server answers', async () => {
    await page.route('**/api/v1/me', (route) => route.abort('internetdisconnected'));
    await page.reload();
    const unreachable = pane().locator('#unreachable');
    await unreachable.waitFor();
    expect(await unreachable.innerText()).toContain('Không kết nối được máy chủ chitieu');
    expect(await page.evaluate(() => localStorage.getItem('chitieu.token'))).toBe(worker.tokens.auditor);
    await shot('09-unreachable');

    await page.unroute('**/api/v1/me');
    await page.locator('#retry').click();
    await expect.poll(() => page.locator('#who').innerText()).toContain('Kiểm tra, thanh tra');
    // An auditor has no unit: the role is the name shown, and it is not said twice.
    expect((await page.locator('#who').innerText()).trim()).toBe('Kiểm tra, thanh tra');
  });
});

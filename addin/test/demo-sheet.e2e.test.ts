/**
 * The demo's sheet shows what Excel shows: a share waiting for its figures is blank, and an issue of a
 * task list sits on the task's own row even when two tasks share a code. Real Chromium, the real worker.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { startLocalWorker, type LocalWorker } from '../../scripts/lib/local-worker';
import { launchChromium } from './browser';
import { chooseOption, typeInCell } from './demo-page';

let worker: LocalWorker;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  worker = await startLocalWorker({ units: DEMO_REGISTRY, tokens: { kpa: { role: 'unit', unit: 'KPA' } } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${worker.origin}/demo.html?today=2024-06-10`);
  await page.locator('#token input').fill(worker.tokens.kpa!);
  await page.locator('#signin').click();
  await page.locator('#who').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const pane = () => page.locator('.demo-pane');
/** The cells of the sheet that show an error value. */
const errorCells = () =>
  page.locator('table.sheet td').evaluateAll((tds) => tds.filter((td) => /^#(DIV\/0!|VALUE!|NAME\?|REF!)$/.test((td.textContent ?? '').trim())).map((td) => td.getAttribute('data-address')));

const type = (address: string, text: string) => typeInCell(page, address, text);
const choose = (id: string, value: string) => chooseOption(page, id, value);

async function insert(template: string, period: string): Promise<void> {
  await choose('insert-template', template);
  await choose('insert-period', period);
  await page.locator('#insert').click();
  await expect.poll(() => page.locator('#sheet-line').innerText()).toContain(template);
}

describe('the demo sheet', () => {
  it('shows BM03’s shares blank, not #DIV/0! or #VALUE!, until both their figures are there', async () => {
    await insert('BM03', '2024-H1');
    expect(await errorCells()).toEqual([]);
    await type('E7', 'chưa thống kê');
    await type('E10', '254');
    expect(await errorCells()).toEqual([]);
    await type('E7', '1.683');
    expect(await errorCells()).toEqual([]);
  });

  it('places each issue of BM02 on its own row when two tasks share a code', async () => {
    await insert('BM02', '2024-Q2');
    for (const [address, text] of [
      ['B14', 'KH30-01'],
      ['C14', 'Xây dựng kho dữ liệu'],
      ['E14', '31/02/2024'],
      ['F14', 'xong'],
      ['B15', 'KH30-01'],
      ['C15', 'Cổng dữ liệu mở'],
      ['E15', '31/05/2024'],
      ['F15', 'Chưa thực hiện'],
    ] as const) {
      await type(address, text);
    }
    await page.locator('#check').click();
    const issues = pane().locator('.issue');
    await expect.poll(() => issues.count()).toBe(4);
    const placed = await issues.evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-cell')]));
    expect(placed).toEqual(
      expect.arrayContaining([
        ['date_invalid', 'E14'],
        ['status_unknown', 'F14'],
        ['duplicate_task', 'B15'],
        ['task_overdue', 'F15'],
      ]),
    );
    expect(await pane().locator('.issue[data-code="duplicate_task"]').innerText()).toContain('dòng 14 và 15');
  });
});

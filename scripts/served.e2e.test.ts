/**
 * The product as `wrangler dev` serves it, tried from outside: the pages' security headers, and
 * hundreds of spreadsheet requests (uploads, hostile files, template and consolidated downloads)
 * interleaved in one long-lived worker, never answered with a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../shared/api/media';
import { CHUNK_HEADERS, PAGE_HEADERS } from '../shared/api/headers';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { appendRow, withInflatingPart } from '../test/crafted-xlsx';
import { startLocalWorker, type LocalWorker } from './lib/local-worker';

let worker: LocalWorker;

beforeAll(async () => {
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { dic: { role: 'dic', unit: 'STTTT' }, kpa: { role: 'unit', unit: 'KPA' } },
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

const call = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${worker.origin}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

describe('the served product', () => {
  it('serves every page with its security headers, and the API with its own', async () => {
    for (const page of ['/taskpane.html', '/demo.html', '/index.html', '/taskpane.js']) {
      const r = await fetch(`${worker.origin}${page}`);
      expect(r.status, page).toBe(200);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(r.headers.get(name), `${page} ${name}`).toBe(value);
    }
    const api = await call('/me', worker.tokens.kpa!);
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('names every chunk the pane starts with in the page, each served compressed and cached for good', async () => {
    const html = await fetch(`${worker.origin}/taskpane.html`).then((r) => r.text());
    const chunks = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(chunks.length).toBeGreaterThan(0);
    const script = await fetch(`${worker.origin}/taskpane.js`).then((r) => r.text());
    // Every chunk the script imports before it runs is preloaded: nothing waits for the script to arrive first.
    const imported = [...script.matchAll(/from"\.\/(chunks\/[^"]+)"|import"\.\/(chunks\/[^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(new Set(imported)).toEqual(new Set(chunks));
    for (const chunk of chunks) {
      const r = await fetch(`${worker.origin}/${chunk}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(r.status, chunk).toBe(200);
      expect(r.headers.get('cache-control'), chunk).toBe(CHUNK_HEADERS['Cache-Control']);
      expect(r.headers.get('content-encoding'), chunk).toBe('gzip');
      await r.arrayBuffer();
    }
  });

  it('answers 300 interleaved spreadsheet requests, hostile files among them, without a single 5xx', async () => {
    const blank = new Uint8Array(await (await call('/templates/BM03.xlsx?unit=KPA&period=2024-H1', worker.tokens.kpa!)).arrayBuffer());
    const hostile = [appendRow(blank, 1048576, '<c r="XFD1048576"><v>1</v></c>'), withInflatingPart(blank, 32 * 1024 * 1024)];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const upload = await call('/submissions', worker.tokens.kpa!, { method: 'POST', body: i % 5 === 0 ? hostile[i % 2]! : blank, headers: { 'content-type': XLSX_MEDIA_TYPE } });
      const template = await call(`/templates/BM0${(i % 8) + 1}.xlsx`, worker.tokens.kpa!);
      const workbook = await call('/consolidations/2024-H1.xlsx', worker.tokens.dic!);
      for (const r of [upload, template, workbook]) {
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(statuses.get(422)).toBe(100);
    expect(statuses.get(200)).toBe(200);
  }, 180_000);
});

/**
 * The province's consolidated workbook: 220 units, all eight templates. Time to build it, and whether
 * it builds within a 64 MB heap (a worker thread whose heap is capped there; it fails if it needs more).
 */
import { Worker } from 'node:worker_threads';
import { ms, printTable, time } from './harness';
import { provinceConsolidations, provinceReport, provinceWorkbook } from './province-workbook';

const HEAP_LIMIT_MB = 64;

function inCappedHeap(what: 'workbook' | 'report'): Promise<{ ok: boolean; size?: number; heapUsed?: number; error?: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./workbook-thread.mjs', import.meta.url), {
      workerData: what,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB, maxYoungGenerationSizeMb: 16 },
    });
    worker.once('message', (m: { size: number; heapUsed: number }) => resolve({ ok: true, ...m }));
    worker.once('error', (e) => resolve({ ok: false, error: e.message }));
  });
}

export async function workbookBench(): Promise<void> {
  const consolidations = provinceConsolidations();
  let size = 0;
  const build = await time('workbook', async () => {
    size = (await provinceWorkbook(consolidations)).length;
  }, { runs: 5, budgetMs: 30_000 });
  let reportSize = 0;
  const draft = await time('report', async () => {
    reportSize = (await provinceReport(consolidations)).length;
  }, { runs: 5, budgetMs: 30_000 });
  const capped = await inCappedHeap('workbook');
  const cappedReport = await inCappedHeap('report');
  const heap = (c: typeof capped) => (c.ok ? `có (heap ${Math.round((c.heapUsed ?? 0) / 1048576)} MB)` : 'không');
  printTable('Bảng tính tổng hợp toàn tỉnh (220 đơn vị, 8 mẫu) và dự thảo báo cáo từ cùng số liệu', [
    { name: 'Bảng tính: thời gian tạo (Node, trung vị)', value: ms(build.medianMs), goal: '< 2 s', ok: build.medianMs < 2000 },
    { name: 'Dự thảo báo cáo .docx: thời gian tạo (Node, trung vị)', value: ms(draft.medianMs), goal: '< 1 s', ok: draft.medianMs < 1000 },
    { name: 'Kích thước tệp: bảng tính / báo cáo', value: `${Math.round(size / 1024)} / ${Math.round(reportSize / 1024)} KB` },
    { name: `Bảng tính tạo được trong heap giới hạn ${HEAP_LIMIT_MB} MB`, value: heap(capped), goal: '< 64 MB', ok: capped.ok },
    { name: `Báo cáo tạo được trong heap giới hạn ${HEAP_LIMIT_MB} MB`, value: heap(cappedReport), goal: '< 64 MB', ok: cappedReport.ok },
  ]);
  for (const c of [capped, cappedReport]) if (!c.ok) process.stdout.write(`  ${c.error}\n`);
}

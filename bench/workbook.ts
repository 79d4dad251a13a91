/**
 * The province's consolidated workbook: 220 units, all eight templates. Time to build it, and whether
 * it builds within a 64 MB heap (a worker thread whose heap is capped there; it fails if it needs more).
 */
import { Worker } from 'node:worker_threads';
import { ms, printTable, time } from './harness';
import { provinceConsolidations, provinceWorkbook } from './province-workbook';

const HEAP_LIMIT_MB = 64;

function inCappedHeap(): Promise<{ ok: boolean; size?: number; heapUsed?: number; error?: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./workbook-thread.mjs', import.meta.url), {
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
  const capped = await inCappedHeap();
  printTable('Bảng tính tổng hợp toàn tỉnh (220 đơn vị, 8 mẫu)', [
    { name: 'Thời gian tạo (Node, trung vị)', value: ms(build.medianMs), goal: '< 2 s', ok: build.medianMs < 2000 },
    { name: 'Kích thước tệp', value: `${Math.round(size / 1024)} KB` },
    {
      name: `Tạo được trong heap giới hạn ${HEAP_LIMIT_MB} MB`,
      value: capped.ok ? `có (heap ${Math.round((capped.heapUsed ?? 0) / 1048576)} MB)` : 'không',
      goal: '< 64 MB',
      ok: capped.ok,
    },
  ]);
  if (!capped.ok) process.stdout.write(`  ${capped.error}\n`);
}

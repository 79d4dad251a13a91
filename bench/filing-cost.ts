/**
 * `npm run bench -- filing`: a filing's cost alone, quicker than the whole worker suite. The statements
 * of one filing with the rows each read and wrote; the rows of a filing, a consolidation and a report
 * against their goals; filing latency at 1 and 20 clients beside the machine's floor.
 */
import { demoSubmission } from '../shared/demo/generate';
import { demoRecord, syntheticProvince } from '../shared/demo/registry';
import { loadavg } from 'node:os';
import { printTable } from './harness';
import { startBenchWorker } from './miniflare-worker';
import { startWriteFloor } from './write-floor';
import { filingAgainstFloor, rowCosts, seedProvince, type Metered } from './filing';
import { filingRows } from './filing-rows';

export async function filingBench(): Promise<void> {
  const province = syntheticProvince(220);
  process.stdout.write('\n(đang khởi động worker trên D1 cục bộ và nộp số liệu của 220 đơn vị…)\n');
  const worker = await startBenchWorker(province.map((u) => demoRecord(u)));
  try {
    await seedProvince(worker, province);
    const costs = await rowCosts(worker, province[province.length - 1]!);
    printStatements('Các câu lệnh D1 của một lần nộp (bản sửa đổi mới của BM03)', costs.revision);
    printStatements('Các câu lệnh D1 của một lần tổng hợp BM03', costs.consolidation);
    printStatements('Các câu lệnh D1 của một dự thảo báo cáo .docx', costs.report);
    const bodies = province.slice(0, 200).map((u) => JSON.stringify(demoSubmission('BM03', u, '2025-Q1')));
    const single = await filingAgainstFloor(worker, bodies, 1, 2, 3);
    const writeFloor = await startWriteFloor();
    const load = await filingAgainstFloor(worker, bodies, 20, 4, 3, writeFloor).finally(() => writeFloor.stop());
    printTable('Chi phí một lần nộp báo cáo (workerd, D1 cục bộ)', filingRows(province.length, costs, single, load));
    // The ratio follows the machine's load: it is printed beside it.
    process.stdout.write(`Tải máy (1, 5, 15 phút): ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  } finally {
    await worker.stop();
  }
}

function printStatements(title: string, m: Metered): void {
  process.stdout.write(`\n${title}\n${'─'.repeat(title.length)}\n   đọc   ghi  câu lệnh\n`);
  for (const [read, written, sql] of m.statements) process.stdout.write(`${String(read).padStart(6)} ${String(written).padStart(5)}  ${sql.slice(0, 110)}\n`);
  process.stdout.write(`${String(m.read).padStart(6)} ${String(m.written).padStart(5)}  (tổng)\n`);
}

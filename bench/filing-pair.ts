/**
 * `BENCH_BEFORE=/path/to/other/checkout npm run bench -- filing-pair`: a change to filing measured
 * side by side. Two workers, the other checkout's ("trước") and this one's ("sau"), each on its own
 * local D1 with the same province filed, take filings from 20 clients in alternating 3-second rounds,
 * each pair followed by a round of the floor (`GET /health`), so all three meet the same load from
 * whatever else the machine runs. Per round and overall: filings per second and p50/p99, with the
 * machine's load average beside them, and the CPU time the worker's workerd process (the worker
 * and its local D1) spent per request, which the others' load does not change.
 */
import { loadavg } from 'node:os';
import { demoSubmission } from '../shared/demo/generate';
import { demoRecord, syntheticProvince } from '../shared/demo/registry';
import { jsonHeaders, run, seedProvince, summarize, type Latencies } from './filing';
import { startBenchWorker, type BenchWorker } from './miniflare-worker';
import { cpuSeconds } from './workerd-cpu';

const ROUNDS = 4;
const SECONDS = 3;
const CLIENTS = 20;

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
/** CPU of workerd (the worker and its local D1) per request answered. */
const perRequest = (seconds: number, requests: number) => `CPU workerd ${((seconds * 1000) / Math.max(1, requests)).toFixed(2)} ms/yêu cầu`;
const line = (l: Latencies) => `${l.perSecond.toFixed(0).padStart(5)}/s  p50 ${l.p50.toFixed(1).padStart(6)}  p99 ${l.p99.toFixed(1).padStart(7)} ms${l.failed ? `  lỗi ${l.failed}` : ''}`;

export async function filingPairBench(): Promise<void> {
  const before = process.env.BENCH_BEFORE;
  if (!before) {
    process.stdout.write('\n(filing-pair: đặt BENCH_BEFORE=<thư mục bản cần so sánh> để đo hai bản cạnh nhau)\n');
    return;
  }
  const province = syntheticProvince(220);
  const records = province.map((u) => demoRecord(u));
  process.stdout.write(`\n(đang khởi động hai worker: trước = ${before}, sau = bản này; tải máy ${load()})\n`);
  const workers: [string, BenchWorker][] = [];
  for (const [name, root] of [['trước', before], ['sau', undefined]] as const) workers.push([name, await startBenchWorker(records, root ? { root } : {})]);
  try {
    for (const [, w] of workers) await seedProvince(w, province);
    const bodies = province.slice(0, 200).map((u) => JSON.stringify(demoSubmission('BM03', u, '2025-Q1')));
    await rounds(workers, bodies);
  } finally {
    for (const [, w] of workers) await w.stop();
  }
}

/**
 * `ROUNDS` rounds: a filing round of each worker (which goes first alternates), then one of the floor.
 */
async function rounds(workers: [string, BenchWorker][], bodies: readonly string[]): Promise<void> {
  const all = new Map<string, { samples: number[]; failed: number }>();
  for (const name of [...workers.map(([n]) => n), 'đối chứng']) all.set(name, { samples: [], failed: 0 });
  const cpu = new Map<string, number>();
  process.stdout.write(`\nNộp báo cáo, ${CLIENTS} máy khách, hai bản xen kẽ (${ROUNDS} lượt × ${SECONDS} s)\n`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? workers : [...workers].reverse();
    for (const [name, w] of order) {
      let next = 0;
      const cpuBefore = cpuSeconds(w.pids);
      const r = await run({
        url: `${w.origin}/api/v1/submissions`,
        method: 'POST',
        connections: CLIENTS,
        duration: SECONDS,
        headers: jsonHeaders(w.dicToken),
        requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length]! }) }],
      });
      const spent = cpuSeconds(w.pids) - cpuBefore;
      cpu.set(name, (cpu.get(name) ?? 0) + spent);
      all.get(name)!.samples.push(...r.samples);
      all.get(name)!.failed += r.failed;
      process.stdout.write(`  lượt ${round + 1} ${name.padEnd(9)} ${line(summarize(r.samples, SECONDS, r.failed))}  ${perRequest(spent, r.samples.length)}   tải máy ${load()}\n`);
    }
    const floorCpu = cpuSeconds(workers[1]![1].pids);
    const h = await run({ url: `${workers[1]![1].origin}/api/v1/health`, connections: CLIENTS, duration: SECONDS });
    cpu.set('đối chứng', (cpu.get('đối chứng') ?? 0) + cpuSeconds(workers[1]![1].pids) - floorCpu);
    all.get('đối chứng')!.samples.push(...h.samples);
    all.get('đối chứng')!.failed += h.failed;
    process.stdout.write(`  lượt ${round + 1} ${'đối chứng'.padEnd(9)} ${line(summarize(h.samples, SECONDS, h.failed))}  ${perRequest(cpuSeconds(workers[1]![1].pids) - floorCpu, h.samples.length)}   tải máy ${load()}\n`);
  }
  const floor = summarize(all.get('đối chứng')!.samples, ROUNDS * SECONDS, all.get('đối chứng')!.failed);
  process.stdout.write('Tất cả các lượt\n');
  for (const [name, { samples, failed }] of all) {
    const l = summarize(samples, ROUNDS * SECONDS, failed);
    process.stdout.write(`  ${name.padEnd(9)} ${line(l)}  ${perRequest(cpu.get(name) ?? 0, samples.length)}${name === 'đối chứng' ? '' : `   p99 so với đối chứng ${(l.p99 / floor.p99).toFixed(2)}×`}\n`);
  }
}

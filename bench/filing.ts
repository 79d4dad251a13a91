/**
 * What a filing costs: the D1 rows it reads and writes (Cloudflare bills them), beside those of a
 * consolidation and a report, and its latency under 20 clients beside the machine's floor.
 *
 * Rows come from the worker itself: the bench's worker runs with `D1_METER = "on"`, and a request
 * that asks (`Chitieu-D1-Meter: on`) is answered with the sum of `meta.rows_read` / `rows_written`
 * over every statement it ran (worker/src/lib/d1-meter.ts). The load's requests do not ask, so
 * they run exactly as in production.
 *
 * The floor is `GET /health` (one `SELECT 1`, no sign-in) sent by the same 20 autocannon clients to
 * the same worker, in rounds alternating with the filing's, so that both meet the same load from
 * whatever else the machine runs. Each request's latency is kept, and p50/p99 are taken over all
 * rounds of each.
 */
import autocannon from 'autocannon';
import { demoSubmission } from '../shared/demo/generate';
import type { DemoUnit } from '../shared/demo/registry';
import { TEMPLATES, filesTemplate } from '../shared/templates';
import { D1_METER_HEADER, D1_ROWS_READ_HEADER, D1_ROWS_WRITTEN_HEADER, D1_STATEMENTS_HEADER } from '../worker/src/lib/d1-meter';
import type { BenchWorker } from './miniflare-worker';
import { cpuSeconds } from './workerd-cpu';
import type { WriteFloor } from './write-floor';

export const PERIOD = '2024';

export const jsonHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Every unit files every template it files: a whole province for one year. */
export async function seedProvince(worker: BenchWorker, province: readonly DemoUnit[]): Promise<number> {
  const filings = TEMPLATES.flatMap((t) => province.filter((u) => filesTemplate(t, u, '2024-12-31')).map((u) => demoSubmission(t.id, u, PERIOD)));
  for (let i = 0; i < filings.length; i += 16) {
    await Promise.all(
      filings.slice(i, i + 16).map(async (body) => {
        const r = await fetch(`${worker.origin}/api/v1/submissions`, { method: 'POST', headers: jsonHeaders(worker.dicToken), body: JSON.stringify(body) });
        if (r.status !== 201) throw new Error(`seeding ${body.template} ${body.unit}: ${r.status} ${await r.text()}`);
      }),
    );
  }
  return filings.length;
}

export interface Metered {
  status: number;
  read: number;
  written: number;
  /** [rows read, rows written, SQL] of each statement, in the order they ran. */
  statements: [number, number, string][];
}

/** One request with the meter asked for: its answer's status and the D1 rows it took. */
export async function metered(url: string, init: RequestInit = {}): Promise<Metered> {
  const r = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), [D1_METER_HEADER]: 'on' } });
  await r.arrayBuffer();
  const read = r.headers.get(D1_ROWS_READ_HEADER);
  if (read === null) throw new Error(`${url}: the worker did not meter the request (D1_METER)`);
  return {
    status: r.status,
    read: Number(read),
    written: Number(r.headers.get(D1_ROWS_WRITTEN_HEADER)),
    statements: JSON.parse(r.headers.get(D1_STATEMENTS_HEADER) ?? '[]') as Metered['statements'],
  };
}

export interface RowCosts {
  /** A unit's first filing of a period (a new series). */
  firstFiling: Metered;
  /** A new revision of a series that exists: what the load sends. */
  revision: Metered;
  /** One template's consolidation of the province (BM03, JSON). */
  consolidation: Metered;
  /** The period's consolidated workbook, every template. */
  workbook: Metered;
  /** The drafted report of the period (.docx). */
  report: Metered;
}

/** The rows each kind of request takes, in a province that filed `PERIOD` whole. */
export async function rowCosts(worker: BenchWorker, unit: DemoUnit): Promise<RowCosts> {
  const origin = `${worker.origin}/api/v1`;
  const auth = { authorization: `Bearer ${worker.dicToken}` };
  const file = async () => {
    const m = await metered(`${origin}/submissions`, { method: 'POST', headers: jsonHeaders(worker.dicToken), body: JSON.stringify(demoSubmission('BM03', unit, '2025-Q2')) });
    if (m.status !== 201) throw new Error(`metered filing: ${m.status}`);
    return m;
  };
  const firstFiling = await file();
  const revision = await file();
  const consolidation = await metered(`${origin}/consolidations/BM03/${PERIOD}`, { headers: auth });
  const workbook = await metered(`${origin}/consolidations/${PERIOD}.xlsx`, { headers: auth });
  const report = await metered(`${origin}/reports/${PERIOD}.docx`, { headers: auth });
  for (const [what, m] of Object.entries({ consolidation, workbook, report })) if (m.status !== 200) throw new Error(`metered ${what}: ${m.status}`);
  return { firstFiling, revision, consolidation, workbook, report };
}

export interface Latencies {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU of the workerd process (the worker and its local D1) per request answered, in ms, where measured. */
  cpuMs?: number;
}

export function summarize(samples: number[], seconds: number, failed: number): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99), failed };
}

/** One autocannon run, every request's latency kept. */
export async function run(options: autocannon.Options): Promise<{ samples: number[]; failed: number }> {
  const samples: number[] = [];
  let failed = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) samples.push(responseTime);
      else failed++;
    });
  });
  return { samples, failed: failed + result.errors + result.timeouts };
}

/** Samples, failures and workerd CPU seconds gathered over several rounds. */
class Rounds {
  samples: number[] = [];
  failed = 0;
  cpu = 0;
  constructor(private readonly pids: readonly number[]) {}
  async add(options: autocannon.Options): Promise<void> {
    const before = cpuSeconds(this.pids);
    const r = await run(options);
    this.cpu += cpuSeconds(this.pids) - before;
    this.samples.push(...r.samples);
    this.failed += r.failed;
  }
  summary(seconds: number): Latencies {
    return { ...summarize(this.samples, seconds, this.failed), cpuMs: (this.cpu * 1000) / Math.max(1, this.samples.length + this.failed) };
  }
}

export interface AgainstFloors {
  filing: Latencies;
  /** `GET /health`: one `SELECT 1`, no sign-in. */
  floor: Latencies;
  /** One bare INSERT in a worker of its own (bench/write-floor.ts), when given. */
  writeFloor?: Latencies;
}

/**
 * Filings by `connections` clients (new revisions of BM03 for the units of `bodies`), in `rounds`
 * rounds of `seconds`, each followed by a round of the floor with the same clients, and of the
 * write floor with the same bodies when one is given.
 */
export async function filingAgainstFloor(worker: BenchWorker, bodies: readonly string[], connections: number, rounds = 4, seconds = 3, writeFloor?: WriteFloor): Promise<AgainstFloors> {
  let next = 0;
  const filing = new Rounds(worker.pids);
  const floor = new Rounds(worker.pids);
  const written = new Rounds(writeFloor?.pids ?? []);
  const body = () => [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length]! }) }];
  for (let round = 0; round < rounds; round++) {
    await filing.add({ url: `${worker.origin}/api/v1/submissions`, method: 'POST', connections, duration: seconds, headers: jsonHeaders(worker.dicToken), requests: body() });
    await floor.add({ url: `${worker.origin}/api/v1/health`, connections, duration: seconds });
    if (writeFloor) await written.add({ url: writeFloor.url, method: 'POST', connections, duration: seconds, requests: body() });
  }
  const total = rounds * seconds;
  return { filing: filing.summary(total), floor: floor.summary(total), ...(writeFloor ? { writeFloor: written.summary(total) } : {}) };
}

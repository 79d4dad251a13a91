/**
 * `npm start`: the whole product on this machine. The worker runs on a local D1 (migrated, seeded
 * with the demo registry, demo tokens and demo reports) and serves the add-in's files, all on
 * http://127.0.0.1:PORT (8787); an HTTPS front on https://localhost:HTTPS_PORT (3000) serves the same
 * origin to Excel. One line per step; `--verbose` also shows what wrangler prints, requests included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePeriod, vietnamDay } from '../shared/periods';
import { buildAddin, devOriginFor } from './build';
import { ROOT, WRANGLER_ENV, wranglerBin } from './lib/d1';
import { demoFilings } from './lib/demo-data';
import { fileDemoReports, type DemoFilingSummary } from './lib/demo-filing';
import { startHttpsFront, type HttpsFront } from './lib/https-front';
import { portFromEnv, portsProblem } from './lib/ports';
import { demoTokens, prepareDemoDatabase, type DemoDatabase } from './lib/demo-seed';
import { startDemoSignIn } from './lib/demo-sign-in';

const VERBOSE = process.argv.includes('--verbose');
const TOKENS_FILE = join(ROOT, '.wrangler', 'chitieu-demo-tokens.json');
const TODAY = vietnamDay(new Date());

const DEMO_TOKENS = demoTokens(TODAY);

const started = Date.now();
/** The running `wrangler dev`, stopped with this program however it ends. */
let running: ChildProcess | null = null;
let stopping = false;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1).replace('.', ',')} s`;

/** One line per step, when it is done, with how long it took. */
function step(text: string, since: number): void {
  process.stdout.write(`\x1b[36m✓\x1b[0m ${text} \x1b[2m(${seconds(since)})\x1b[0m\n`);
}

/** Runs a step, timed from its own start. */
async function timed<T>(work: () => Promise<T>, line: (result: T) => string): Promise<T> {
  const since = Date.now();
  const result = await work();
  step(line(result), since);
  return result;
}

/** The local database (migrated, the demo registry, the demo tokens), the tokens saved for the next run. */
async function prepareDatabase(): Promise<DemoDatabase> {
  const saved: Record<string, string> = existsSync(TOKENS_FILE) ? JSON.parse(await readFile(TOKENS_FILE, 'utf8')) : {};
  const db = await prepareDemoDatabase(TODAY, saved);
  await mkdir(join(ROOT, '.wrangler'), { recursive: true });
  await writeFile(TOKENS_FILE, JSON.stringify(db.tokens, null, 2));
  return db;
}

/** `wrangler dev` with the training clock on; its output is kept back (and shown if it stops) unless `--verbose`. */
function startWorker(port: number, vars: readonly string[] = []): { child: ChildProcess; output: () => string } {
  const child = spawn(
    wranglerBin(),
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--local', '--show-interactive-dev-session=false', '--var', 'TRAINING_CLOCK:on', '--var', 'ILLUSTRATIVE:on', ...vars, ...(VERBOSE ? [] : ['--log-level', 'warn'])],
    { cwd: ROOT, env: WRANGLER_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let kept = '';
  const keep = (d: Buffer) => {
    if (VERBOSE) process.stdout.write(d);
    kept = (kept + d).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  running = child;
  return { child, output: () => kept };
}

async function waitForHealth(origin: string, worker: { child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (worker.child.exitCode !== null) throw new Error(`wrangler dev đã dừng trước khi máy chủ sẵn sàng. Những dòng cuối nó in ra:\n${worker.output()}`);
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Máy chủ không trả lời ở ${origin} sau 90 giây. Những dòng cuối wrangler dev in ra:\n${worker.output()}`);
}

function filingLine(demo: DemoFilingSummary): string {
  const periods = demo.periods.map((p) => parsePeriod(p)!).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  const first = periods[0]?.code;
  const last = periods[periods.length - 1]?.code;
  return `Báo cáo demo: đã nộp ${demo.filed} báo cáo qua API cho ${demo.periods.length} kỳ (${first} … ${last}), ghi ngày nộp trong từng kỳ, ${demo.late} báo cáo nộp muộn, ${demo.explained} báo cáo đã giải trình cảnh báo${demo.failed.length ? `; ${demo.failed.length} báo cáo không nộp được` : ''}`;
}

function httpsLine(front: HttpsFront, base: string): string {
  if (front.trust === 'trusted') return `HTTPS cho Excel: ${base} (chứng chỉ của office-addin-dev-certs)`;
  if (front.trust === 'untrusted') return `HTTPS cho Excel: ${base} (chứng chỉ chưa được tin cậy: chạy "npx office-addin-dev-certs install" với quyền quản trị; xem README)`;
  return 'HTTPS cho Excel: chưa tạo được chứng chỉ; xem README, mục "Nạp add-in vào Excel".';
}

async function main(): Promise<void> {
  const PORT = portFromEnv('PORT', 8787);
  const HTTPS_PORT = portFromEnv('HTTPS_PORT', 3000);
  const OIDC_PORT = portFromEnv('OIDC_PORT', 8790);
  const origin = `http://127.0.0.1:${PORT}`;
  process.stdout.write(`Khởi động chitieu trên máy này (PORT=${PORT}, HTTPS_PORT=${HTTPS_PORT}) …\n`);
  const clash = await portsProblem([
    { name: 'PORT', port: PORT, host: '127.0.0.1' },
    { name: 'HTTPS_PORT', port: HTTPS_PORT, host: 'localhost' },
    { name: 'OIDC_PORT', port: OIDC_PORT, host: '127.0.0.1' },
  ]);
  if (clash) throw new Error(clash);

  // The database is prepared while the add-in builds and wrangler dev starts on it: none waits for another.
  const database = timed(prepareDatabase, (r) =>
    [
      'Cơ sở dữ liệu D1 trên máy (.wrangler/): đã áp dụng migration',
      r.seededUnits ? `nạp danh mục demo ${r.units} bản ghi đơn vị (Đắk Lắk trước và sau sắp xếp năm 2025)` : `giữ danh mục ${r.units} bản ghi đã có`,
      r.newTokens === DEMO_TOKENS.length ? `tạo ${r.newTokens} mã thông báo demo` : `giữ ${DEMO_TOKENS.length - r.newTokens} mã thông báo demo đã có${r.newTokens ? `, tạo ${r.newTokens} mã mới` : ''}`,
    ].join(', '),
  );
  database.catch(() => undefined); // awaited below; a failure is reported there, once
  await timed(() => buildAddin(join(ROOT, 'dist'), undefined, devOriginFor(String(HTTPS_PORT))), () => `Xây dựng add-in và manifest (dist/, manifest trỏ tới https://localhost:${HTTPS_PORT})`);

  // The local OpenID provider with the demo people; the worker signs people in through it.
  const signIn = await startDemoSignIn(OIDC_PORT, [origin, `https://localhost:${HTTPS_PORT}`]);
  const workerSince = Date.now();
  const worker = startWorker(PORT, signIn.wranglerArgs);
  let front: HttpsFront | null = null;
  const stop = () => {
    stopping = true;
    worker.child.kill('SIGINT');
    front?.server?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  worker.child.once('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`\nwrangler dev đã dừng (mã ${code ?? '?'}). Những dòng cuối nó in ra:\n${worker.output()}\n`);
    front?.server?.close();
    process.exit(1);
  });
  const db = await database;
  await waitForHealth(origin, worker);
  step(`Máy chủ (wrangler dev, đồng hồ chạy thử bật): ${origin}`, workerSince);
  await signIn.register(origin, db.tokens.dic!);

  // Demo reports go into an empty database only: what DIC and clerks filed survives a restart.
  const [demo, https] = await Promise.all([
    db.reports === 0
      ? timed(
          () => fileDemoReports(origin, db.tokens.dic!, demoFilings(TODAY)),
          (d) => filingLine(d),
        )
      : Promise.resolve(null),
    timed(
      () => startHttpsFront(HTTPS_PORT, origin),
      (f) => (f.trust ? `HTTPS cho Excel: https://localhost:${HTTPS_PORT}` : 'HTTPS cho Excel: chưa có chứng chỉ'),
    ),
  ]);
  front = https;
  if (db.reports > 0) process.stdout.write(`\x1b[36m✓\x1b[0m Báo cáo: giữ ${db.reports} báo cáo đã có (xóa .wrangler/ để bắt đầu lại với báo cáo demo)\n`);
  if (demo && demo.failed.length > 0) process.stdout.write(demo.failed.slice(0, 10).map((f) => `    không nộp được ${f}\n`).join('') + (demo.failed.length > 10 ? `    … và ${demo.failed.length - 10} báo cáo khác\n` : ''));
  if (VERBOSE && https.detail) process.stdout.write(`  office-addin-dev-certs: ${https.detail.replace(/\n/g, '\n  ')}\n`);

  const base = https.trust ? `https://localhost:${HTTPS_PORT}` : origin;
  const width = Math.max(...DEMO_TOKENS.map((d) => d.label.length)) + 2;
  process.stdout.write(`
\x1b[1mchitieu đang chạy\x1b[0m (sẵn sàng sau ${seconds(started)}).
  Demo:           ${origin}/demo.html   (ngăn add-in bên bảng tính mô phỏng, không cần Excel)
                  ${origin}/demo.html?today=2025-06-10   (chạy thử như vào ngày 10/06/2025: báo cáo nộp được ghi ngày đó)
  API:            ${origin}/api/v1   (tài liệu OpenAPI: ${origin}/api/v1/openapi.json)
  Add-in:         ${base}/taskpane.html
  Manifest:       ${join(ROOT, 'dist', 'manifest.xml')}
  ${httpsLine(https, base)}

Mã thông báo demo (dán vào ô "Mã thông báo" của add-in):
${DEMO_TOKENS.map((t) => `  ${t.label.padEnd(width)} ${db.tokens[t.name]}`).join('\n')}

${signIn.describe()}

Thử:  curl -H "Authorization: Bearer ${db.tokens.dic}" ${origin}/api/v1/periods/2024-H1/status
Nhật ký yêu cầu của máy chủ: npm start -- --verbose
Dừng: Ctrl+C
`);
}

main().catch((e: Error) => {
  stopping = true;
  running?.kill('SIGINT');
  process.stderr.write(`\n\x1b[31mKhông khởi động được chitieu.\x1b[0m ${e.message}\n`);
  process.exit(1);
});

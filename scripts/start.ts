/**
 * `npm start`: the whole product on this machine. The worker runs on a local D1 (migrated, seeded
 * with the demo registry and demo tokens, and demo reports) and serves the add-in's files, all on
 * http://127.0.0.1:8787; an HTTPS front on https://localhost:3000 serves the same origin to Excel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { vietnamDay } from '../shared/periods';
import { coordinatorOn } from '../shared/registry';
import type { Submission } from '../shared/submission';
import { ROOT, WRANGLER_ENV, d1, d1File, migrate, run, wranglerBin } from './lib/d1';
import { startDemoSignIn } from './lib/demo-sign-in';
import { demoSubmissions, explained } from './lib/demo-data';
import { createTokenIn, tokenExists, type Role } from './lib/tokens';
import { unitsInsertSql } from './lib/units-sql';
import { startHttpsFront } from './lib/https-front';

const PORT = Number(process.env.PORT ?? 8787);
const HTTPS_PORT = Number(process.env.HTTPS_PORT ?? 3000);
const OIDC_PORT = Number(process.env.OIDC_PORT ?? 8788);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOKENS_FILE = join(ROOT, '.wrangler', 'chitieu-demo-tokens.json');

const TODAY = vietnamDay(new Date());
const COORDINATOR = coordinatorOn(DEMO_REGISTRY, TODAY);

const DEMO_TOKENS: { name: string; role: Role; unit: string | null; label: string }[] = [
  { name: 'dic', role: 'dic', unit: COORDINATOR?.code ?? null, label: `${COORDINATOR?.name ?? 'Cơ quan thường trực'} (demo)` },
  { name: 'auditor', role: 'auditor', unit: null, label: 'Thanh tra (demo)' },
  { name: 'phuocan', role: 'unit', unit: 'PHUOCAN', label: 'UBND xã Phước An (demo)' },
  { name: 'buonmathuot', role: 'unit', unit: 'BUONMATHUOT', label: 'UBND phường Buôn Ma Thuột (demo)' },
  { name: 'syt', role: 'unit', unit: 'SYT', label: 'Sở Y tế (demo)' },
  { name: 'kpa', role: 'unit', unit: 'KPA', label: 'UBND huyện Krông Pắc, đến 30/6/2025 (demo)' },
];

function step(text: string): void {
  process.stdout.write(`\x1b[36m▸\x1b[0m ${text}\n`);
}

async function demoTokens(): Promise<Record<string, string>> {
  const saved: Record<string, string> = existsSync(TOKENS_FILE) ? JSON.parse(await readFile(TOKENS_FILE, 'utf8')) : {};
  const tokens: Record<string, string> = {};
  for (const t of DEMO_TOKENS) {
    const existing = saved[t.name];
    tokens[t.name] = existing && (await tokenExists('local', existing)) ? existing : (await createTokenIn('local', t.role, t.unit, t.label)).token;
  }
  await mkdir(join(ROOT, '.wrangler'), { recursive: true });
  await writeFile(TOKENS_FILE, JSON.stringify(tokens, null, 2));
  return tokens;
}

async function waitForHealth(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('wrangler dev stopped before the worker was ready (see its output above).');
    try {
      const r = await fetch(`${ORIGIN}/api/v1/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The worker did not answer on ${ORIGIN} within 60 s.`);
}

/** Files one demo report; a warning the generated figures raise is explained, as a clerk would. */
async function fileDemo(dicToken: string, submission: Submission): Promise<boolean> {
  const post = (body: Submission) =>
    fetch(`${ORIGIN}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dicToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let r = await post(submission);
  if (r.status === 422) {
    const problem = (await r.json()) as { issues?: { severity: string; explained?: boolean; cells: string[] }[] };
    const issues = problem.issues ?? [];
    if (issues.length > 0 && issues.every((i) => i.severity === 'warning')) r = await post(explained(submission, issues.filter((i) => !i.explained)));
    else {
      process.stderr.write(`  ${submission.template} ${submission.unit} ${submission.period}: 422 ${JSON.stringify(problem).slice(0, 200)}\n`);
      return false;
    }
  }
  if (r.status !== 201) process.stderr.write(`  ${submission.template} ${submission.unit} ${submission.period}: ${r.status} ${(await r.text()).slice(0, 200)}\n`);
  return r.status === 201;
}

/** Demo reports go into an empty database only: what DIC and clerks filed survives a restart. */
async function seedReports(dicToken: string): Promise<{ filed: number; periods: string[] }> {
  const [{ n }] = (await d1('local', 'SELECT count(*) AS n FROM submissions')) as [{ n: number }];
  if (n > 0) return { filed: 0, periods: [] };
  const all = demoSubmissions(TODAY);
  // Period by period, oldest first, so each is compared with the one before; a few at a time within one.
  let filed = 0;
  const periods = [...new Set(all.map((s) => s.period))];
  for (const period of periods) {
    const queue = all.filter((s) => s.period === period);
    const workers = Array.from({ length: 6 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) if (await fileDemo(dicToken, s)) filed++;
    });
    await Promise.all(workers);
  }
  return { filed, periods };
}

async function main(): Promise<void> {
  step('Xây dựng add-in (npm run build)');
  const build = await run('npm', ['run', '-s', 'build'], { quiet: false });
  if (build.code !== 0) throw new Error('npm run build failed.');

  step('Cơ sở dữ liệu D1 trên máy: áp dụng migration');
  await migrate('local');

  const [{ n: units }] = (await d1('local', 'SELECT count(*) AS n FROM units')) as [{ n: number }];
  if (units === 0) {
    step(`Danh mục đơn vị demo: ${DEMO_REGISTRY.length} bản ghi (tỉnh Đắk Lắk trước và sau sắp xếp năm 2025)`);
    const seedFile = join(tmpdir(), `chitieu-seed-${process.pid}.sql`);
    await writeFile(seedFile, unitsInsertSql(DEMO_REGISTRY));
    await d1File('local', seedFile);
  } else step(`Danh mục đơn vị: giữ nguyên ${units} bản ghi đã có`);

  step('Mã thông báo demo');
  const tokens = await demoTokens();

  step(`Máy chủ xác thực demo (OpenID Connect): http://127.0.0.1:${OIDC_PORT}`);
  const signIn = await startDemoSignIn(OIDC_PORT, [ORIGIN, `https://localhost:${HTTPS_PORT}`]);

  step(`Máy chủ: ${ORIGIN}`);
  const worker = spawn(wranglerBin(), ['dev', '--ip', '127.0.0.1', '--port', String(PORT), '--local', '--show-interactive-dev-session=false', ...signIn.wranglerArgs], {
    cwd: ROOT,
    env: WRANGLER_ENV,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    worker.kill('SIGINT');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await waitForHealth(worker);
  await signIn.register(ORIGIN, tokens.dic!);

  const demo = await seedReports(tokens.dic!);
  if (demo.filed > 0) step(`Đã nộp ${demo.filed} báo cáo demo cho các kỳ ${demo.periods.join(', ')}`);

  const https = await startHttpsFront(HTTPS_PORT, ORIGIN);

  const base = https ? `https://localhost:${HTTPS_PORT}` : ORIGIN;
  process.stdout.write(`
\x1b[1mchitieu đang chạy.\x1b[0m
  Demo:           ${ORIGIN}/demo.html   (ngăn add-in bên bảng tính mô phỏng, không cần Excel; ?today=2025-06-10 đặt ngày)
  API:            ${ORIGIN}/api/v1   (tài liệu: ${ORIGIN}/api/v1/openapi.json)
  Add-in:         ${base}/taskpane.html
  Manifest:       ${join(ROOT, 'dist', 'manifest.xml')}
  ${https === 'trusted' ? `HTTPS cho Excel: ${base} (chứng chỉ của office-addin-dev-certs)` : https === 'untrusted' ? `HTTPS cho Excel: ${base} (chứng chỉ chưa được tin cậy; xem README)` : 'HTTPS cho Excel: chưa có chứng chỉ; xem README, mục "Nạp add-in vào Excel".'}

Mã thông báo demo (dán vào ô "Mã thông báo" của add-in):
${DEMO_TOKENS.map((t) => `  ${t.label.padEnd(Math.max(...DEMO_TOKENS.map((d) => d.label.length)) + 2)} ${tokens[t.name]}`).join('\n')}

${signIn.describe()}

Thử:  curl -H "Authorization: Bearer ${tokens.dic}" ${ORIGIN}/api/v1/periods/2024-H1/status
Dừng: Ctrl+C
`);
}

main().catch((e: Error) => {
  process.stderr.write(`\n${e.message}\n`);
  process.exit(1);
});

/**
 * Cost as history grows: a province's year filed through the API, then ten years of every period of
 * every template, each series with several revisions, filled straight into D1. Consolidating, filing
 * and listing are timed before and after, side by side (goal: within 1.5×), with the query plans.
 */
import { LINEAGE } from '../worker/src/db/intake';
import { demoSubmission } from '../shared/demo/generate';
import { demoRecord, syntheticProvince, type DemoUnit } from '../shared/demo/registry';
import { parsePeriod, type Period } from '../shared/periods';
import { TEMPLATES, filesTemplate, isFiledFor } from '../shared/templates';
import { validateSubmission } from '../shared/validation';
import type { Submission } from '../shared/submission';
import { ms, printTable, time } from './harness';
import { startBenchWorker, type BenchDatabase, type BenchWorker } from './miniflare-worker';

const YEAR = '2024';
const HISTORY_YEARS = 10;
const REVISIONS = 3;
const FILERS = 60;

/** Every period of `year` of each kind a template is filed for. */
function periodsOf(year: number): Period[] {
  return [`${year}`, `${year}-H1`, `${year}-H2`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`].map((code) => parsePeriod(code)!);
}

/** One figure set per unit and template, whatever the period: history never looks like a jump. */
function figures(province: readonly DemoUnit[]): Map<string, { body: string; report: string; submission: Submission }> {
  const out = new Map<string, { body: string; report: string; submission: Submission }>();
  for (const t of TEMPLATES) {
    for (const u of province) {
      if (!filesTemplate(t, u, `${YEAR}-12-31`)) continue;
      const submission = demoSubmission(t.id, u, YEAR);
      out.set(`${t.id}|${u.code}`, { submission, body: JSON.stringify(submission), report: JSON.stringify(validateSubmission(submission, { unitKind: u.kind })) });
    }
  }
  return out;
}

async function post(worker: BenchWorker, body: Submission): Promise<void> {
  const r = await fetch(`${worker.origin}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${worker.dicToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`${body.template} ${body.unit} ${body.period}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  await r.arrayBuffer();
}

/**
 * Ten years of series written as the worker writes them, each revision the next of its series (the
 * database's triggers check it), set by set in SQL so that filling takes seconds rather than hours.
 */
async function fillHistory(db: BenchDatabase, province: readonly DemoUnit[], sets: ReturnType<typeof figures>): Promise<{ series: number; revisions: number }> {
  await db.prepare('CREATE TABLE bench_sets (template TEXT, version TEXT, unit TEXT, body TEXT, report TEXT, name TEXT, kind TEXT, parent TEXT)').run();
  const byCode = new Map(province.map((u) => [u.code, u]));
  const rows = [...sets].map(([key, set]) => {
    const [template, unit] = key.split('|') as [string, string];
    const u = byCode.get(unit)!;
    return db.prepare('INSERT INTO bench_sets VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)').bind(template, TEMPLATES.find((t) => t.id === template)!.version, unit, set.body, set.report, u.name, u.kind, u.parent ?? null);
  });
  for (let i = 0; i < rows.length; i += 200) await db.batch(rows.slice(i, i + 200));

  let series = 0;
  for (let year = Number(YEAR) - HISTORY_YEARS; year <= Number(YEAR); year++) {
    for (const period of periodsOf(year)) {
      if (period.code === YEAR) continue; // the measured period, filed through the API
      const templates = TEMPLATES.filter((t) => isFiledFor(t, period)).map((t) => `'${t.id}'`).join(', ');
      const at = `${period.end}T10:00:00.000Z`;
      const statements = [
        db.prepare(`INSERT INTO submissions (id, unit_code, template, period, latest_revision, created_at)
                    SELECT 'sub_h_' || template || '_' || unit || '_' || ?1, unit, template, ?1, 1, ?2 FROM bench_sets WHERE template IN (${templates})`).bind(period.code, at),
      ];
      for (let rev = 1; rev <= REVISIONS; rev++) {
        if (rev > 1) statements.push(db.prepare('UPDATE submissions SET latest_revision = ?2 WHERE period = ?1 AND id LIKE \'sub_h_%\'').bind(period.code, rev));
        statements.push(
          db
            .prepare(
              `INSERT INTO revisions (submission_id, revision, template_version, engine_version, received_at, days_late, hash, source, body, report, warnings, submitted_by, unit_name, unit_kind, unit_parent)
               SELECT s.id, ?2, b.version, '1.0.0', ?3, 0, 'bench', 'json', b.body, b.report, 0, 'tok_bench', b.name, b.kind, b.parent
               FROM submissions s JOIN bench_sets b ON b.template = s.template AND b.unit = s.unit_code WHERE s.period = ?1 AND s.id LIKE 'sub_h_%'`,
            )
            .bind(period.code, rev, at),
        );
      }
      await db.batch(statements);
      const { n } = (await db.prepare("SELECT count(*) AS n FROM submissions WHERE period = ?1 AND id LIKE 'sub_h_%'").bind(period.code).first<{ n: number }>())!;
      series += n;
    }
  }
  await db.prepare('DROP TABLE bench_sets').run();
  return { series, revisions: series * REVISIONS };
}

interface Measured {
  consolidateOne: number;
  periodJson: number;
  workbook: number;
  filingP50: number;
  filingP99: number;
  unitList: number;
}

async function measure(worker: BenchWorker, filings: readonly Submission[]): Promise<Measured> {
  const auth = { authorization: `Bearer ${worker.dicToken}` };
  const get = (path: string) => async () => {
    const r = await fetch(`${worker.origin}/api/v1${path}`, { headers: auth });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    await r.arrayBuffer();
  };
  const one = await time('BM03', get(`/consolidations/BM03/${YEAR}`), { runs: 20 });
  const period = await time('period', get(`/consolidations/${YEAR}`), { runs: 8 });
  const workbook = await time('xlsx', get(`/consolidations/${YEAR}.xlsx`), { runs: 5, budgetMs: 60_000 });
  const list = await time('list', get(`/submissions?unit=${filings[0]!.unit}`), { runs: 20 });
  // Each filing a new series of one unit, for a period whose previous one is (after the fill) on record.
  const samples: number[] = [];
  for (const body of filings) {
    const t0 = performance.now();
    await post(worker, body);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { consolidateOne: one.medianMs, periodJson: period.medianMs, workbook: workbook.medianMs, filingP50: at(0.5), filingP99: at(0.99), unitList: list.medianMs };
}

/** The plan SQLite takes for the queries history makes longer: each should search an index, never scan a table. */
async function plans(db: BenchDatabase): Promise<string[]> {
  const queries: [string, string, unknown[]][] = [
    ['tổng hợp một mẫu, một kỳ', 'SELECT r.report FROM submissions s JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision WHERE s.template = ?1 AND s.period = ?2', ['BM03', YEAR]],
    ['tổng hợp cả kỳ', 'SELECT r.report FROM submissions s JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision WHERE s.period = ?1', [YEAR]],
    ['kỳ trước của đơn vị', 'SELECT r.report FROM submissions s JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision WHERE s.template = ?1 AND s.period = ?2 AND s.unit_code IN (?3)', ['BM03', `${YEAR}-Q4`, 'BMT']],
    ['báo cáo của một đơn vị', 'SELECT s.id FROM submissions s WHERE s.unit_code = ?1 ORDER BY s.period DESC', ['BMT']],
    ['đơn vị đã nộp (nhập danh mục)', 'SELECT DISTINCT unit_code, period FROM submissions', []],
    ['bản ghi và đơn vị tiền nhiệm của đơn vị nộp', LINEAGE, ['BMT']],
    ['kỳ đã chốt có đọc bản nộp này (trigger)', 'SELECT 1 FROM closed_filings WHERE submission_id = ?1', ['sub_x']],
  ];
  const out: string[] = [];
  for (const [name, sql, params] of queries) {
    const { results } = await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    out.push(`${name}: ${results.map((r: { detail: string }) => r.detail).join('; ')}`);
  }
  return out;
}

export async function historyBench(): Promise<void> {
  const province = syntheticProvince(220);
  const sets = figures(province);
  process.stdout.write('\n(lịch sử: nộp năm 2024 của 220 đơn vị, rồi thêm mười năm các kỳ…)\n');
  const worker = await startBenchWorker(province.map((u) => demoRecord(u)));
  try {
    const year = [...sets.values()].map((set) => ({ ...set.submission, period: YEAR }));
    for (let i = 0; i < year.length; i += 16) await Promise.all(year.slice(i, i + 16).map((body) => post(worker, body)));
    const next = parsePeriod(`${Number(YEAR) + 1}-Q1`)!;
    const bm03 = province.filter((u) => sets.has(`BM03|${u.code}`));
    const filing = (units: readonly DemoUnit[]) => units.map((u) => ({ ...sets.get(`BM03|${u.code}`)!.submission, period: next.code }));

    const before = await measure(worker, filing(bm03.slice(0, FILERS)));
    const t0 = performance.now();
    const filled = await fillHistory(worker.db, province, sets);
    const fillSeconds = (performance.now() - t0) / 1000;
    const after = await measure(worker, filing(bm03.slice(FILERS, 2 * FILERS)));
    const plan = await plans(worker.db);

    const ratio = (a: number, b: number) => b / a;
    const row = (name: string, a: number, b: number, goal = true) => ({
      name,
      value: `${ms(a)} → ${ms(b)} (${ratio(a, b).toFixed(2)}×)`,
      ...(goal ? { goal: '≤ 1,5×', ok: ratio(a, b) <= 1.5 } : {}),
    });
    printTable(`Lịch sử: một kỳ → ${HISTORY_YEARS} năm các kỳ (${filled.series} chuỗi, ${filled.revisions} lần nộp, nạp trong ${fillSeconds.toFixed(0)} s)`, [
      row('Tổng hợp BM03 năm 2024, 220 đơn vị', before.consolidateOne, after.consolidateOne),
      row('Tổng hợp cả kỳ năm 2024 (JSON, 8 mẫu)', before.periodJson, after.periodJson),
      row('Bảng tính tổng hợp .xlsx năm 2024', before.workbook, after.workbook),
      row(`Nộp BM03 kỳ ${next.code}, 1 máy khách: p50`, before.filingP50, after.filingP50),
      row(`Nộp BM03 kỳ ${next.code}, 1 máy khách: p99`, before.filingP99, after.filingP99),
      row('Danh sách báo cáo của một đơn vị', before.unitList, after.unitList, false),
    ]);
    process.stdout.write(`\nKế hoạch truy vấn sau khi có lịch sử:\n${plan.map((p) => `  ${p}`).join('\n')}\n`);
  } finally {
    await worker.stop();
  }
}

/**
 * The worker under load on loopback, with a local D1: submissions per second and latency for
 * one and for 20 concurrent clients (autocannon) beside the machine's floor, the D1 rows of a filing,
 * a consolidation and a report (bench/filing.ts), and consolidating a whole province (220 units).
 */
import { demoSubmission } from '../shared/demo/generate';
import { demoRecord, syntheticProvince } from '../shared/demo/registry';
import { TEMPLATES } from '../shared/templates';
import { filingAgainstFloor, PERIOD, rowCosts, seedProvince } from './filing';
import { filingRows } from './filing-rows';
import { startBenchWorker } from './miniflare-worker';
import { startWriteFloor } from './write-floor';
import { ms, printTable, time } from './harness';
import { soak } from './soak';
import { XLSX_MEDIA_TYPE } from '../shared/api/media';
import { appendRow, withInflatingPart } from '../test/crafted-xlsx';

export async function workerBench(): Promise<void> {
  const province = syntheticProvince(220);
  const units = province.map((u) => demoRecord(u));
  process.stdout.write('\n(đang khởi động worker trên D1 cục bộ và nộp số liệu của 220 đơn vị…)\n');
  const worker = await startBenchWorker(units);
  const auth = { authorization: `Bearer ${worker.dicToken}` };
  try {
    await seedProvince(worker, province);

    const consolidateOne = await time('BM03', async () => {
      const r = await fetch(`${worker.origin}/api/v1/consolidations/BM03/${PERIOD}`, { headers: auth });
      await r.arrayBuffer();
    }, { runs: 20 });
    const consolidateAll = await time('all', async () => {
      for (const t of TEMPLATES) await (await fetch(`${worker.origin}/api/v1/consolidations/${t.id}/${PERIOD}`, { headers: auth })).arrayBuffer();
    }, { runs: 8 });
    let workbookBytes = 0;
    const workbook = await time('xlsx', async () => {
      const r = await fetch(`${worker.origin}/api/v1/consolidations/${PERIOD}.xlsx`, { headers: auth });
      if (!r.ok) throw new Error(`workbook: ${r.status} ${await r.text()}`);
      workbookBytes = (await r.arrayBuffer()).byteLength;
    }, { runs: 5, budgetMs: 60_000 });
    let reportBytes = 0;
    const report = await time('docx', async () => {
      const r = await fetch(`${worker.origin}/api/v1/reports/${PERIOD}.docx`, { headers: auth });
      if (!r.ok) throw new Error(`report: ${r.status} ${await r.text()}`);
      reportBytes = (await r.arrayBuffer()).byteLength;
    }, { runs: 5, budgetMs: 60_000 });

    // Closing the period: the JSON, workbook and report made and stored at once (each run reopens it after),
    // then the closed workbook served from storage.
    const closing = await time('close', async () => {
      const r = await fetch(`${worker.origin}/api/v1/periods/${PERIOD}/close`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
      if (r.status !== 201) throw new Error(`close: ${r.status} ${await r.text()}`);
      const reopened = await fetch(`${worker.origin}/api/v1/periods/${PERIOD}/reopen`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"reason":"bench"}' });
      if (reopened.status !== 201) throw new Error(`reopen: ${reopened.status} ${await reopened.text()}`);
    }, { runs: 5, budgetMs: 60_000 });
    await fetch(`${worker.origin}/api/v1/periods/${PERIOD}/close`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    const closedWorkbook = await time('closed xlsx', async () => {
      const r = await fetch(`${worker.origin}/api/v1/consolidations/${PERIOD}.xlsx`, { headers: auth });
      if (!r.headers.get('chitieu-closed-version')) throw new Error('the period is not closed');
      await r.arrayBuffer();
    }, { runs: 20 });
    await fetch(`${worker.origin}/api/v1/periods/${PERIOD}/reopen`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"reason":"bench"}' });

    // What a filing, a consolidation and a report cost D1; then filings by one client and by 20, beside the floor.
    const costs = await rowCosts(worker, province[province.length - 1]!);
    const bodies = province.slice(0, 200).map((u) => JSON.stringify(demoSubmission('BM03', u, '2025-Q1')));
    const single = await filingAgainstFloor(worker, bodies, 1, 2, 3);
    const writeFloor = await startWriteFloor();
    const load = await filingAgainstFloor(worker, bodies, 20, 4, 3, writeFloor).finally(() => writeFloor.stop());
    // Crafted files: one far-away cell (about 10 KB), and a part that inflates to 100 MB (about 100 KB).
    const blank = new Uint8Array(await (await fetch(`${worker.origin}/api/v1/templates/BM03.xlsx`, { headers: auth })).arrayBuffer());
    const crafted = { far: appendRow(blank, 1048576, '<c r="XFD1048576"><v>1</v></c>'), bomb: withInflatingPart(blank, 100 * 1024 * 1024) };
    const refuse = (bytes: Uint8Array) => async () => {
      const r = await fetch(`${worker.origin}/api/v1/submissions`, { method: 'POST', headers: { ...auth, 'content-type': XLSX_MEDIA_TYPE }, body: bytes as BodyInit });
      await r.arrayBuffer();
      if (r.status !== 422) throw new Error(`crafted file: ${r.status}`);
    };
    const far = await time('far', refuse(crafted.far), { runs: 20 });
    const bomb = await time('bomb', refuse(crafted.bomb), { runs: 20 });
    const soaked = await soak(worker.origin, worker.dicToken, province);
    const k = soaked.byKind;

    printTable('Worker trong workerd, D1 cục bộ (loopback)', [
      ...filingRows(province.length, costs, single, load),
      { name: `Tệp .xlsx có một ô ở XFD1048576 (${Math.round(crafted.far.length / 1024)} KB): trả 422 sau`, value: ms(far.medianMs), goal: '< 1 s', ok: far.medianMs < 1000 },
      { name: `Tệp .xlsx nở ra 100 MB (${Math.round(crafted.bomb.length / 1024)} KB): trả 422 sau`, value: ms(bomb.medianMs), goal: '< 1 s', ok: bomb.medianMs < 1000 },
      { name: 'Tổng hợp BM03, 220 đơn vị', value: ms(consolidateOne.medianMs), goal: '< 200 ms', ok: consolidateOne.medianMs < 200 },
      { name: 'Tổng hợp cả 8 mẫu, 220 đơn vị', value: ms(consolidateAll.medianMs) },
      { name: `Bảng tính tổng hợp .xlsx trong workerd (${Math.round(workbookBytes / 1024)} KB)`, value: ms(workbook.medianMs), goal: '< 2 s', ok: workbook.medianMs < 2000 },
      { name: `Dự thảo báo cáo .docx trong workerd (${Math.round(reportBytes / 1024)} KB, cùng số liệu)`, value: ms(report.medianMs), goal: '< 1 s', ok: report.medianMs < 1000 },
      { name: 'Chốt số liệu kỳ (lưu JSON, .xlsx, .docx) rồi mở lại', value: ms(closing.medianMs), goal: '< 3 s', ok: closing.medianMs < 3000 },
      { name: 'Bảng tính tổng hợp của kỳ đã chốt (đọc từ D1)', value: ms(closedWorkbook.medianMs) },
      {
        name: `Chạy bền: ${soaked.requests} yêu cầu lẫn nhau, 20 máy khách (${soaked.seconds.toFixed(0)} s): 5xx`,
        value: String(soaked.serverErrors),
        goal: '0',
        ok: soaked.serverErrors === 0,
      },
      {
        name: `Chạy bền: trả lời khác mong đợi${Object.keys(soaked.unexpectedBy).length ? ` (${Object.entries(soaked.unexpectedBy).map(([k, v]) => `${k} ×${v.count}`).join(', ')})` : ''}`,
        value: String(soaked.unexpected),
        goal: '0',
        ok: soaked.unexpected === 0,
      },
      {
        name: `Chạy bền p99: JSON ${k.json.count} / .xlsx ${k.xlsx.count} / mẫu ${k.template.count} / tổng hợp ${k.workbook.count}`,
        value: `${k.json.p99.toFixed(0)} / ${k.xlsx.p99.toFixed(0)} / ${k.template.p99.toFixed(0)} / ${k.workbook.p99.toFixed(0)} ms`,
      },
    ]);
  } finally {
    await worker.stop();
  }
}

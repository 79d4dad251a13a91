/**
 * The registry's checks on large files: 10,000 records read and checked as a whole (every rule of
 * shared/registry/history.ts), in the engine and through `PUT /units?dryRun=true` in workerd, beside
 * the machine's floor for the same bytes (JSON.parse of the records; GET /health).
 */
import { addDays } from '../shared/dates/calendar-date';
import { demoRecord, DEMO_REGISTRY } from '../shared/demo/registry';
import { planImport } from '../shared/registry/history';
import { isMember, type Unit } from '../shared/registry/units';
import { parseUnitsCsv, unitsToCsv } from '../shared/registry/units-csv';
import { ms, printTable, time } from './harness';
import { startBenchWorker } from './miniflare-worker';

const N = 10_000;

/** 10,000 valid records beside the demo province (which has its coordinator): districts with their communes. */
function validRegistry(): Unit[] {
  const out: Unit[] = [];
  for (let d = 0; out.length < N; d++) {
    const district = `H${d}`;
    out.push(demoRecord({ code: district, name: `UBND huyện ${d}`, kind: 'district' }, { validTo: '2025-06-30' }));
    for (let c = 0; c < 20 && out.length < N; c++) out.push(demoRecord({ code: `${district}-X${c}`, name: `UBND xã ${c} (${d})`, kind: 'commune', parent: district }, { validTo: '2025-06-30' }));
  }
  return out;
}

/** 10,000 records of one code, each starting a day later and none ending: every one overlaps. */
const oneCode = (): Unit[] => Array.from({ length: N }, (_, i) => demoRecord({ code: 'S1', name: `Sở ${i}`, kind: 'department' }, { validFrom: addDays('2000-01-01', i) }));

export async function registryBench(): Promise<void> {
  const rows: { name: string; value: string; goal?: string; ok?: boolean }[] = [];
  for (const [label, records] of [['10.000 bản ghi hợp lệ', validRegistry()], ['10.000 bản ghi cùng mã, chồng lấn', oneCode()]] as const) {
    const csv = unitsToCsv(records);
    const check = await time(label, () => planImport([], parseUnitsCsv(csv).units, []), { runs: 10 });
    const floor = await time('floor', () => JSON.parse(JSON.stringify(records)), { runs: 10 });
    rows.push({ name: `${label}: đọc CSV và kiểm tra (${(csv.length / 1024).toFixed(0)} KB)`, value: ms(check.medianMs), goal: '< 1 s', ok: check.medianMs < 1000 });
    rows.push({ name: `  sàn máy: JSON.parse cùng các bản ghi`, value: ms(floor.medianMs) });
  }
  printTable('Danh mục đơn vị (trung vị, một lõi)', rows);

  const worker = await startBenchWorker(DEMO_REGISTRY.filter(isMember));
  try {
    const httpRows: typeof rows = [];
    for (const [label, records] of [['10.000 bản ghi hợp lệ', validRegistry()], ['10.000 bản ghi cùng mã, chồng lấn', oneCode()]] as const) {
      const body = unitsToCsv(records);
      let status = 0;
      const t = await time(label, async () => {
        const r = await fetch(`${worker.origin}/api/v1/units?dryRun=true`, { method: 'PUT', headers: { authorization: `Bearer ${worker.dicToken}`, 'content-type': 'text/csv' }, body });
        status = r.status;
        await r.arrayBuffer();
      }, { runs: 5, budgetMs: 20_000 });
      httpRows.push({ name: `PUT /units?dryRun=true, ${label} → ${status}`, value: ms(t.medianMs), goal: '< 1 s', ok: t.medianMs < 1000 });
    }
    const health = await time('health', async () => (await fetch(`${worker.origin}/api/v1/health`)).arrayBuffer(), { runs: 20 });
    httpRows.push({ name: '  sàn máy: GET /health', value: ms(health.medianMs) });
    printTable('Danh mục đơn vị qua máy chủ (workerd, D1 cục bộ; trung vị)', httpRows);
  } finally {
    await worker.stop();
  }
}

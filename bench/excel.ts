/** The Excel layer: round trips to Excel and time to check a filled BM03 and to write a province's sheets, through Office.js (mocked at its boundary). */
import { demoSubmission } from '../shared/demo/generate';
import { demoProvinceConsolidations } from '../shared/demo/province';
import { parsePeriod } from '../shared/periods';
import { templateFor } from '../shared/templates';
import { buildTemplateSheet, cellName, consolidatedWorkbook, sheetMetadataFor } from '../shared/workbook';
import { checkGrid } from '../addin/src/check';
import { fakeExcel } from '../addin/src/excel/fake-excel';
import { OfficeWorkbook } from '../addin/src/excel/office-workbook';
import { showHighlights } from '../addin/src/taskpane/highlight';
import { ms, printTable, time } from './harness';
import { versionOf } from '../shared/templates';

const g = globalThis as unknown as { Excel: unknown; Office: unknown };

function filledBm03() {
  const bm03 = templateFor('BM03', '2024-H1')!;
  const model = buildTemplateSheet(bm03, { period: '2024-H1' });
  const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...model.cells.map((c) => c.col)) + 1;
  const values: unknown[][] = Array.from({ length: rows }, () => Array(cols).fill(''));
  for (const c of model.cells) if (c.value !== undefined && c.value !== null && c.formula === undefined) values[c.row]![c.col] = c.value;
  const submission = demoSubmission('BM03', { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' }, '2024-H1');
  for (const [ref, v] of Object.entries(submission.values!)) {
    const n = model.names.find((x) => x.name === cellName('BM03', ref))!;
    // One total off by one, so there is something to highlight.
    values[n.row]![n.col] = ref === 'TT01.KQ' ? Number(v) + 1 : v;
  }
  const names = model.names.map((n) => ({ name: n.name, formula: `='BM03'!$${String.fromCharCode(65 + n.col)}$${n.row + 1}` }));
  const meta = [['sheet', 'template', 'version', 'period'], ['BM03', 'BM03', versionOf('BM03', '2024-H1'), '2024-H1']];
  return { values, names, meta };
}

export async function excelBench(): Promise<void> {
  const { values, names, meta } = filledBm03();
  const install = (state: Parameters<typeof fakeExcel>[0]) => {
    const fake = fakeExcel(state);
    g.Excel = fake.excel;
    g.Office = fake.office;
    return fake;
  };
  const rows: { name: string; value: string; goal?: string; ok?: boolean }[] = [];

  let fake = install({ sheets: { BM03: { values }, _chitieu: { values: meta } }, names, active: 'BM03' });
  const wb = new OfficeWorkbook();
  const read = await wb.readSheet();
  const readSyncs = fake.syncs();
  const checks = checkGrid(read.grid, 'BM03', { names: read.names, period: '2024-H1' });
  await showHighlights(wb, 'BM03', checks);
  const highlightSyncs = fake.syncs() - readSyncs;
  const check = await time('check', async () => {
    const r = await wb.readSheet();
    checkGrid(r.grid, 'BM03', { names: r.names, period: '2024-H1' });
  }, { runs: 200, budgetMs: 3000 });
  rows.push({ name: 'Kiểm tra BM03: lần gọi context.sync để đọc', value: String(readSyncs), goal: '1', ok: readSyncs === 1 });
  rows.push({ name: 'Kiểm tra BM03: lần gọi context.sync để tô ô', value: String(highlightSyncs), goal: '≤ 2', ok: highlightSyncs <= 2 });
  rows.push({ name: 'Kiểm tra BM03: đọc + kiểm tra (trung vị)', value: ms(check.medianMs) });

  fake = install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1' });
  const bm03 = templateFor('BM03', '2024-H1')!;
  await new OfficeWorkbook().writeSheets([buildTemplateSheet(bm03, { period: '2024-H1' })], [sheetMetadataFor(bm03, { period: '2024-H1' })]);
  rows.push({ name: 'Chèn mẫu BM03: lần gọi context.sync', value: String(fake.syncs()) });

  const period = parsePeriod('2024')!;
  const consolidations = demoProvinceConsolidations('2024');
  const model = consolidatedWorkbook({ province: 'Đắk Lắk', period, generatedAt: '2024-12-25T00:00:00Z', engineVersion: '1.0.0', consolidations });
  fake = install({ sheets: { Sheet1: { values: [[]] } }, active: 'Sheet1' });
  const started = performance.now();
  await new OfficeWorkbook().writeSheets(model.sheets.filter((s) => s.visibility !== 'veryHidden'), model.metadata, model.charts ?? []);
  rows.push({ name: 'Ghi bảng tổng hợp 220 đơn vị: lần gọi context.sync', value: String(fake.syncs()) });
  rows.push({ name: 'Ghi bảng tổng hợp 220 đơn vị: thời gian chuẩn bị', value: ms(performance.now() - started) });
  printTable('Lớp Excel (Office.js giả lập tại ranh giới)', rows);
}

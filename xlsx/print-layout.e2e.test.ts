/**
 * The demo's consolidated workbook for 2024-H1 as DIC prints it, rendered by LibreOffice (a real
 * third-party renderer; `.ci/run` installs it from Debian) to PDF and read back with poppler: how many
 * pages, and whether every page carries its sheet's headings. The first pages are kept as PNG in
 * test-artifacts/ for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../shared/periods';
import { ENGINE_VERSION } from '../shared/validation';
import { STYLES, consolidatedWorkbook, type WorkbookModel } from '../shared/workbook';
import { cellWidth, linesIn } from '../shared/workbook/consolidated/common';
import { demoConsolidations } from '../scripts/lib/demo-data';
import { writeWorkbook } from './write';

const ARTIFACTS = join(import.meta.dirname, '../test-artifacts');
const SOFFICE = '/usr/bin/soffice';

function run(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

let dir: string;
let pages: string[];
let model: WorkbookModel;

beforeAll(() => {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice is missing at ${SOFFICE} (apt-get install libreoffice-calc-nogui poppler-utils, as .ci/run does)`);
  dir = mkdtempSync(join(tmpdir(), 'chitieu-print-'));
  const period = parsePeriod('2024-H1')!;
  model = consolidatedWorkbook({ province: 'Đắk Lắk', period, generatedAt: '2026-11-30T03:00:00Z', engineVersion: ENGINE_VERSION, consolidations: demoConsolidations('2024-H1') });
  writeFileSync(join(dir, 'tong-hop.xlsx'), writeWorkbook(model));
  // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
  run(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', 'tong-hop.xlsx'], dir);
  const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', ['tong-hop.pdf'], dir))![1]);
  pages = Array.from({ length: count }, (_, i) => run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), 'tong-hop.pdf', '-'], dir));
  mkdirSync(ARTIFACTS, { recursive: true });
  run('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '8', 'tong-hop.pdf', 'print'], dir);
  for (const f of readdirSync(dir).filter((f) => f.startsWith('print') && f.endsWith('.png'))) renameSync(join(dir, f), join(ARTIFACTS, f.replace('print', 'print-2024-H1')));
}, 180_000);

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('the consolidated workbook on paper', () => {
  it('prints in a bounded number of pages, not a hundred pages of blanks', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.length).toBeLessThanOrEqual(40);
  });

  it('carries its sheet heading and the period on every page, the title never cut', () => {
    const titles = ['BÁO CÁO TỔNG HỢP CHỈ TIÊU CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK', 'TỔNG HỢP BIỂU MẪU BM0', 'TÌNH HÌNH NỘP BÁO CÁO', 'CẢNH BÁO CÒN MỞ VÀ GIẢI TRÌNH CỦA ĐƠN VỊ'];
    pages.forEach((text, i) => {
      const page = squeeze(text);
      expect(titles.some((t) => page.includes(t)), `page ${i + 1}: ${page.slice(0, 120)}`).toBe(true);
      expect(page, `page ${i + 1}`).toContain('Kỳ báo cáo: 6 tháng đầu năm 2024 (2024-H1)');
    });
  });

  it('repeats the column headers on every page of a table', () => {
    pages.forEach((text, i) => {
      const page = squeeze(text).trim();
      if (page.startsWith('TỔNG HỢP BIỂU MẪU BM03') || page.startsWith('TÌNH HÌNH NỘP BÁO CÁO')) expect(page, `page ${i + 1}`).toMatch(/STT Mã ĐV/);
    });
  });

  it('keeps every text inside its bordered cell: it wraps, in a row high enough, or it fits', () => {
    const spilling: string[] = [];
    for (const sheet of model.sheets.filter((s) => s.visibility !== 'veryHidden')) {
      for (const cell of sheet.cells) {
        if (typeof cell.value !== 'string' || !cell.style || !STYLES[cell.style].border) continue;
        const width = cellWidth(sheet, cell.row, cell.col);
        const lines = linesIn(cell.value, width);
        const where = `${sheet.name}!R${cell.row + 1}C${cell.col + 1} "${cell.value.slice(0, 40)}"`;
        if (!STYLES[cell.style].wrap && lines > 1) spilling.push(`${where}: ${cell.value.length} characters in ${width}`);
        const height = sheet.rowHeights?.[cell.row] ?? 15;
        if (STYLES[cell.style].wrap && lines > 1 && height < lines * 15) spilling.push(`${where}: ${lines} lines in ${height} pt`);
      }
    }
    expect(spilling).toEqual([]);
  });

  it('prints a template nobody filed as one short page that says so, and an empty section with the reason', () => {
    const bm01 = pages.filter((p) => squeeze(p).includes('TỔNG HỢP BIỂU MẪU BM01'));
    expect(bm01).toHaveLength(1);
    expect(squeeze(bm01[0]!)).toContain('Chưa đơn vị nào nộp mẫu BM01 trong kỳ này');
    const summary = squeeze(pages.filter((p) => squeeze(p).includes('BÁO CÁO TỔNG HỢP CHỈ TIÊU')).join(' '));
    expect(summary).toContain('Chưa có số liệu: chưa đơn vị nào nộp mẫu BM01 trong kỳ này');
  });

  it('prints the figures of a wide template at a readable size, in bands that each repeat the unit', () => {
    const bm03 = pages.filter((p) => squeeze(p).includes('TỔNG HỢP BIỂU MẪU BM03'));
    expect(bm03.length).toBeGreaterThan(1);
    // Each band names the units: the name column is on every page of the sheet.
    for (const page of bm03) expect(squeeze(page)).toMatch(/UBND huyện Krông Pắc|Sở Thông tin và Truyền thông/);
    // The first figure of BM03, the procedures in total, is on the sheet's first page.
    expect(squeeze(bm03[0]!)).toContain('TT01.KQ');
  });
});

/**
 * The demo's consolidated workbook for 2024-H1 as DIC prints it, rendered by LibreOffice (a real
 * third-party renderer; `.ci/run` installs it from Debian) to PDF and read back with poppler: how many
 * pages, whether every page carries its sheet's headings, the annex line and its own table's header,
 * whether any text is printed over another (every word's box on every page), and the signature block.
 * The first pages are kept as PNG in test-artifacts/ for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../shared/periods';
import { ENGINE_VERSION } from '../shared/validation';
import { STYLES, consolidatedWorkbook, type WorkbookModel } from '../shared/workbook';
import { HEADER_ROWS, cellWidth, linesIn, rowPointsFor } from '../shared/workbook/consolidated/common';
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
/** Every word LibreOffice printed, with its box, page by page. */
let words: { text: string; x0: number; y0: number; x1: number; y1: number }[][];

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
  run('pdftotext', ['-bbox', 'tong-hop.pdf', 'words.html'], dir);
  words = readFileSync(join(dir, 'words.html'), 'utf8')
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[5]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) })),
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  run('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '8', 'tong-hop.pdf', 'print'], dir);
  for (const f of readdirSync(dir).filter((f) => f.startsWith('print') && f.endsWith('.png'))) renameSync(join(dir, f), join(ARTIFACTS, f.replace('print', 'print-2024-H1')));
}, 180_000);

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each printed table: the title its pages start with, and its column headers as printed. */
const TABLES = [
  { title: 'BÁO CÁO TỔNG HỢP CHỈ TIÊU CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK', header: 'Mẫu Tên biểu mẫu Phải nộp Đã nộp' },
  { title: 'SỐ LIỆU TỔNG HỢP TOÀN TỈNH ĐẮK LẮK', header: 'Mẫu Mã Chỉ tiêu Đơn vị tính Tổng tỉnh' },
  { title: 'TỔNG HỢP BIỂU MẪU BM01', header: 'Chưa đơn vị nào nộp mẫu BM01' },
  { title: 'TỔNG HỢP BIỂU MẪU BM02', header: 'STT Mã ĐV Đơn vị' },
  { title: 'TỔNG HỢP BIỂU MẪU BM03', header: 'STT Mã ĐV Đơn vị' },
  { title: 'TỔNG HỢP BIỂU MẪU BM04', header: 'STT Mã ĐV Đơn vị' },
  { title: 'TỔNG HỢP BIỂU MẪU BM05', header: 'STT Mã ĐV Đơn vị' },
  { title: 'TỔNG HỢP BIỂU MẪU BM06', header: 'STT Mã ĐV Đơn vị' },
  { title: 'TÌNH HÌNH NỘP BÁO CÁO (', header: 'STT Mã ĐV Đơn vị Loại Thuộc Mẫu Tình trạng' },
  { title: 'TÌNH HÌNH NỘP BÁO CÁO THEO MẪU', header: 'Mẫu Đã nộp Chưa nộp' },
  { title: 'TÌNH HÌNH NỘP BÁO CÁO THEO ĐƠN VỊ CẤP HUYỆN', header: 'Huyện Đơn vị Đã nộp Chưa nộp' },
  { title: 'CẢNH BÁO ĐÃ GIẢI TRÌNH, CHƯA ĐƯỢC CHẤP NHẬN', header: 'STT Mẫu Mã ĐV Đơn vị Ô Cảnh báo Giải trình của đơn vị' },
  { title: 'SỐ LIỆU CẤP HUYỆN KHÁC TỔNG CẤP XÃ', header: 'STT Mẫu Huyện Ô Số cấp huyện Tổng cấp xã Ghi chú' },
];

describe('the consolidated workbook on paper', () => {
  it('prints in a bounded number of pages, not a hundred pages of blanks', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.length).toBeLessThanOrEqual(40);
  });

  it('prints in the metric twin of Times New Roman, every Vietnamese letter in it, as on the users\' machines', () => {
    // A letter the font lacks is drawn from a wider one (DejaVu), and the widths fitted to Times New Roman no longer hold.
    const fonts = run('pdffonts', ['tong-hop.pdf'], dir).split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^LiberationSerif/.test(f)), 'fonts other than Liberation Serif (install fonts-liberation2, as .ci/run does)').toEqual([]);
  });

  it('carries its sheet heading, the annex line and the period on every page, and nothing internal', () => {
    pages.forEach((text, i) => {
      const page = squeeze(text);
      expect(TABLES.some((t) => page.startsWith(t.title)), `page ${i + 1}: ${page.slice(0, 120)}`).toBe(true);
      expect(page, `page ${i + 1}`).toContain('(Phụ lục kèm theo Báo cáo số /BC-STTTT ngày tháng năm 2026 của Sở Thông tin và Truyền thông)');
      expect(page, `page ${i + 1}`).toContain('Kỳ báo cáo: 6 tháng đầu năm 2024 (2024-H1)');
      expect(page, `page ${i + 1}`).not.toMatch(/chitieu|seed|nguồn:|bộ kiểm tra/i);
    });
  });

  it('prints each table under its own header on every page, and no other table under it', () => {
    pages.forEach((text, i) => {
      const page = squeeze(text);
      const table = TABLES.find((t) => page.startsWith(t.title))!;
      expect(page, `page ${i + 1}`).toContain(table.header);
      for (const other of TABLES.filter((t) => t.header !== table.header && !table.header.includes(t.header))) expect(page, `page ${i + 1}`).not.toContain(other.header);
    });
    // Every table is printed.
    for (const t of TABLES) expect(pages.some((p) => squeeze(p).startsWith(t.title)), t.title).toBe(true);
  });

  it('never prints a text over another: titles, codes and names each keep their own place', () => {
    const overprinted: string[] = [];
    words.forEach((page, p) => {
      for (let i = 0; i < page.length; i++)
        for (let j = i + 1; j < page.length; j++) {
          const [a, b] = [page[i]!, page[j]!];
          // Lines of one wrapped cell touch by a point or so; a word printed over another overlaps by more.
          const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (across > 1 && down > 2.5) overprinted.push(`page ${p + 1}: "${a.text}" over "${b.text}"`);
        }
    });
    expect(overprinted).toEqual([]);
  });

  it('fits row heights to their text: the filing status of every unit and template in a few pages', () => {
    const status = pages.filter((p) => squeeze(p).startsWith('TÌNH HÌNH NỘP BÁO CÁO ('));
    const rows = status.map((p) => p.split('\n').filter((l) => /^\s*\d+\s+[A-Z]/.test(l)).length);
    const units = rows.reduce((a, b) => a + b, 0);
    expect(units).toBeGreaterThan(200);
    // Rows one line high where one line holds the text: 40 and more a page, not the 20 of rows twice as tall.
    for (const n of rows.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(40);
    expect(status.length).toBeLessThanOrEqual(Math.ceil(units / 40));
  });

  it('closes every sheet with the signature block, to be signed as an annex', () => {
    for (const t of TABLES) {
      const own = pages.filter((p) => squeeze(p).startsWith(t.title)).map(squeeze);
      expect(
        own.some((p) => p.includes('NGƯỜI LẬP BIỂU') && p.includes('THỦ TRƯỞNG ĐƠN VỊ') && p.includes('(Ký tên, đóng dấu)') && p.includes('……, ngày …… tháng …… năm ……')),
        t.title,
      ).toBe(true);
    }
  });

  it('keeps every text inside its bordered cell: it wraps, in a row high enough, or it fits', () => {
    const spilling: string[] = [];
    for (const sheet of model.sheets.filter((s) => s.visibility !== 'veryHidden')) {
      for (const cell of sheet.cells) {
        if (typeof cell.value !== 'string' || !cell.style || !STYLES[cell.style].border) continue;
        const width = cellWidth(sheet, cell.row, cell.col);
        const lines = linesIn(cell.value, width, STYLES[cell.style].size, { bold: STYLES[cell.style].bold ?? false, italic: STYLES[cell.style].italic ?? false });
        const where = `${sheet.name}!R${cell.row + 1}C${cell.col + 1} "${cell.value.slice(0, 40)}"`;
        if (!STYLES[cell.style].wrap && lines > 1) spilling.push(`${where}: ${cell.value.length} characters in ${width}`);
        const height = sheet.rowHeights?.[cell.row] ?? 15;
        if (STYLES[cell.style].wrap && lines > 1 && height < rowPointsFor(lines, STYLES[cell.style].size)) spilling.push(`${where}: ${lines} lines in ${height} pt`);
      }
      // The heading lines: a wrapped one gets a row as high as its lines at its size.
      for (const cell of sheet.cells.filter((c) => c.row < HEADER_ROWS && typeof c.value === 'string' && c.style && STYLES[c.style].wrap)) {
        const size = STYLES[cell.style!].size;
        const needed = rowPointsFor(linesIn(String(cell.value), cellWidth(sheet, cell.row, cell.col), size, { bold: STYLES[cell.style!].bold ?? false, italic: STYLES[cell.style!].italic ?? false }), size);
        if ((sheet.rowHeights?.[cell.row] ?? 15) < needed) spilling.push(`${sheet.name}!R${cell.row + 1} heading: ${needed} pt needed`);
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

/**
 * The drafted periodic report, read back: from the .docx's own XML (every figure against the
 * consolidation it came from), and as LibreOffice renders it (a real third-party reader; `.ci/run`
 * installs it). The seeds' own consistent sentences are reproduced from the seed figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate, type Consolidation } from '../shared/consolidation';
import { BM03_2024_H1 } from '../shared/demo/seed-figures';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { parsePeriod } from '../shared/periods';
import { draftReport, writeFigure } from '../shared/report/draft';
import { REPORT_SECTIONS } from '../shared/templates/report-sentences';
import { templateCells, templateFor, templateOf, type IndicatorTemplate } from '../shared/templates';
import { validateSubmission } from '../shared/validation';
import { cellName } from '../shared/workbook/layout';
import { demoConsolidations } from '../scripts/lib/demo-data';
import { writeReport } from './report';

const ARTIFACTS = join(import.meta.dirname, '../test-artifacts');
const SOFFICE = '/usr/bin/soffice';
const GENERATED = '2026-11-30T03:00:00Z';

interface ReadParagraph {
  text: string;
  italic: boolean;
}

/** The paragraphs of word/document.xml, in order, with their text and whether all of it is italic. */
function paragraphsOf(docx: Uint8Array): ReadParagraph[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => {
    const runs = [...m[0].matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r [^>]*>([\s\S]*?)<\/w:r>/g)].map((r) => r[1] ?? r[2] ?? '');
    const texts = runs.map((r) => ({ text: [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''), italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(r) }));
    const text = texts.map((t) => t.text).join('');
    return { text, italic: texts.filter((t) => t.text).every((t) => t.italic) && text !== '' };
  });
}

/** A consolidation of BM03 from the seed's own figures alone, as the province's total. */
function seedConsolidation(period: string, values: Record<string, number | string>): Consolidation {
  const p = parsePeriod(period)!;
  // Filed by the body that keeps the catalogue; the coordinating department of the period is named as the issuer's.
  const report = validateSubmission({ ...BM03_2024_H1, period, unit: 'VPUBND', values }, { unitKind: 'department' });
  const registry = DEMO_REGISTRY.filter((u) => u.code === 'VPUBND' || u.code === 'STTTT');
  return consolidate(templateFor('BM03', p)!, p, registry, [{ unit: 'VPUBND', submissionId: 'sub_seed', revision: 1, receivedAt: `${p.end}T03:00:00Z`, firstReceivedAt: `${p.end}T03:00:00Z`, status: 'received', values: report.values, warnings: report.warnings }]);
}

let demo: Consolidation[];
let demoDocx: Uint8Array;

beforeAll(async () => {
  demo = demoConsolidations('2024-H1');
  demoDocx = await writeReport(draftReport({ province: 'Đắk Lắk', period: parsePeriod('2024-H1')!, generatedAt: GENERATED, consolidations: demo }));
});

describe('the drafted report, read back from its XML', () => {
  it('names the source of every figure, and each figure is what its consolidated cell holds', () => {
    const paragraphs = paragraphsOf(demoDocx);
    const annex = paragraphs.findIndex((p) => p.text === 'PHỤ LỤC: NGUỒN CỦA TỪNG SỐ LIỆU');
    expect(annex).toBeGreaterThan(0);
    // The annex table: four paragraphs a row (STT, figure, indicator, sheet · cell), after its header.
    const cells = paragraphs.slice(annex + 2).map((p) => p.text);
    expect(cells.slice(0, 4)).toEqual(['STT', 'Số liệu', 'Chỉ tiêu', 'Trang tính · ô']);
    const rows: string[][] = [];
    for (let i = 4; i + 3 < cells.length; i += 4) rows.push(cells.slice(i, i + 4));
    expect(rows.length).toBeGreaterThan(30);
    const byId = new Map(demo.map((c) => [c.template.id, c]));
    let checked = 0;
    for (const [, text, , source] of rows) {
      const m = /^TH_(BM\d\d) · (BM\d\d)_([A-Z0-9]+)_([A-Z]+)$/.exec(source!);
      if (!m) continue;
      // The version the period's consolidation was made with.
      const template = templateOf(byId.get(m[1]!)!.template) as IndicatorTemplate;
      const ref = `${m[3]}.${m[4]}`;
      expect(cellName(template.id, ref)).toBe(`${m[2]}_${m[3]}_${m[4]}`);
      const info = templateCells(template).get(ref)!;
      const value = byId.get(template.id)!.total.values[ref]!;
      expect(text, source).toBe(writeFigure(value, info.measure === 'target' ? info.row.measure : info.measure, 'vi'));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);

    // Every number written in the results (outside the notes on completeness) is one of the annex's figures.
    const start = paragraphs.findIndex((p) => p.text === 'I. KẾT QUẢ THỰC HIỆN');
    const end = paragraphs.findIndex((p) => p.text === 'II. TÌNH HÌNH NỘP BÁO CÁO');
    const figures = new Set(rows.map((r) => r[1]));
    // Numbers the sentences themselves say ("cấp độ 2", "mức 1") are words, not figures.
    const worded = new Set(REPORT_SECTIONS.flatMap((s) => s.sentences.flatMap((x) => x.vi.replace(/\{[^}]*\}/g, '').match(/\d+/g) ?? [])));
    const body = paragraphs.slice(start + 1, end).filter((p) => !p.italic && !/^\d\. /.test(p.text));
    const numbers = body.flatMap((p) => p.text.match(/\d[\d.]*(,\d+)?%?/g) ?? []).map((n) => n.replace(/\.$/, ''));
    expect(numbers.length).toBeGreaterThan(30);
    expect(numbers.filter((n) => !figures.has(n) && !worded.has(n))).toEqual([]);
  });

  it('says where figures are incomplete, and says why a section has none instead of inventing them', () => {
    const texts = paragraphsOf(demoDocx).map((p) => p.text);
    expect(texts).toContain('Chưa có số liệu các chỉ tiêu chủ yếu: 0/35 đơn vị đã nộp biểu “Kết quả thực hiện một số chỉ tiêu chủ yếu”.');
    // The seed half-year's procedures, documents and teams come from every unit; information security from most.
    expect(texts).toContain('Số liệu chưa đầy đủ: 28/35 đơn vị đã nộp.');
    expect(texts.some((t) => t.startsWith('Chưa nộp biểu “An toàn thông tin mạng”: Sở Nội vụ'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Chưa nộp biểu “Thủ tục hành chính và dịch vụ công trực tuyến”'))).toBe(false);
    // No previous year in the demo: no comparison is written.
    expect(texts.join(' ')).not.toContain('so với cùng kỳ');
  });

  it('reproduces the seeds’ own sentences from the seed figures, and compares with the year before where it has it', async () => {
    const current = seedConsolidation('2024-H1', BM03_2024_H1.values as Record<string, number | string>);
    const before = seedConsolidation('2023-H1', { ...BM03_2024_H1.values, 'TT01.KQ': 1500, 'TT02.KQ': 493, 'TL01.KQ': '32,87%' } as Record<string, number | string>);
    const draft = draftReport({ province: 'Đắk Lắk', period: parsePeriod('2024-H1')!, generatedAt: GENERATED, consolidations: [current], previousYear: [before] });
    const texts = paragraphsOf(await writeReport(draft)).map((p) => p.text);
    expect(texts).toContain(
      'Tổng số thủ tục hành chính được cung cấp trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh là 1.683 thủ tục (tăng 12,2% so với cùng kỳ), trong đó 676 dịch vụ công trực tuyến toàn trình (40,17%), 753 dịch vụ công trực tuyến một phần (44,74%) và 254 dịch vụ cung cấp thông tin trực tuyến.',
    );
    expect(texts).toContain('Số hồ sơ đã giải quyết là 384.618 hồ sơ, trong đó 382.982 hồ sơ giải quyết đúng hạn, đạt tỷ lệ 99,57% (không đổi so với cùng kỳ).');
    // 1.683 = 676 + 753 + 254, and 382.982 / 384.618 is 99,57%, not the 98,6% once published by hand.
    expect(676 + 753 + 254).toBe(1683);
    expect(texts.join(' ')).not.toContain('98,6%');
  });

  it('writes the English report from the same figures', async () => {
    const draft = draftReport({ province: 'Đắk Lắk', period: parsePeriod('2024-H1')!, generatedAt: GENERATED, consolidations: demo, lang: 'en' });
    const texts = paragraphsOf(await writeReport(draft)).map((p) => p.text);
    expect(texts).toContain('REPORT');
    // One catalogue for the province, as published (seed 001 §7): never its sum over some forty units.
    expect(texts.some((t) => /^The province’s procedures system offers 1,683 administrative procedures/.test(t))).toBe(true);
  });
});

/** Runs a program in `dir`, failing loudly. */
function runIn(dir: string, command: string, args: string[]): string {
  const r = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return r.stdout;
}

/** Each .docx rendered to PDF by LibreOffice in one run, read back page by page (layout kept). */
function renderPages(dir: string, files: Record<string, Uint8Array>): Record<string, string[]> {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice is missing at ${SOFFICE} (apt-get install libreoffice-writer-nogui poppler-utils, as .ci/run does)`);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.docx`), bytes);
  runIn(dir, SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', ...Object.keys(files).map((n) => `${n}.docx`)]);
  return Object.fromEntries(
    Object.keys(files).map((name) => {
      const count = Number(/Pages:\s+(\d+)/.exec(runIn(dir, 'pdfinfo', [`${name}.pdf`]))![1]);
      return [name, Array.from({ length: count }, (_, i) => runIn(dir, 'pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), `${name}.pdf`, '-']))];
    }),
  );
}

/** Every word of a rendered PDF with its box in points, page by page. */
function wordBoxes(dir: string, pdf: string): { text: string; x0: number; y0: number; x1: number; y1: number }[][] {
  return runIn(dir, 'pdftotext', ['-bbox', pdf, '-'])
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[5]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) })),
    );
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The first line of a page that has text on it. */
const firstLine = (page: string) => page.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

describe('the drafted report as LibreOffice renders it', () => {
  let dir: string;
  let rendered: Record<string, string[]>;
  /** The same report with `n` paragraphs more before its end: the signature falls at every place of a page. */
  const padded = (n: number) => {
    const draft = draftReport({ province: 'Đắk Lắk', period: parsePeriod('2024-H1')!, generatedAt: GENERATED, consolidations: demo });
    const filler = 'Đoạn văn thêm vào để dời khối chữ ký xuống các vị trí khác nhau của trang, như một báo cáo dài hơn.';
    draft.blocks.push(...Array.from({ length: n }, () => ({ kind: 'paragraph' as const, runs: [{ text: filler }] })));
    return writeReport(draft);
  };
  const PADDINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chitieu-report-'));
    const english = await writeReport(draftReport({ province: 'Đắk Lắk', period: parsePeriod('2024-H1')!, generatedAt: GENERATED, consolidations: demo, lang: 'en' }));
    const files: Record<string, Uint8Array> = { 'bao-cao': demoDocx, report: english };
    for (const n of PADDINGS) files[`padded-${n}`] = await padded(n);
    rendered = renderPages(dir, files);
  }, 180_000);

  it('opens as an administrative report: national heading, issuing body, title, sections, signature, the annex', () => {
    const pages = rendered['bao-cao']!;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(12);
    const text = squeeze(pages.join(' '));
    for (const expected of ['UBND TỈNH ĐẮK LẮK', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/BC-STTTT', 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN', 'Nơi nhận:', 'GIÁM ĐỐC', 'PHỤ LỤC: NGUỒN CỦA TỪNG SỐ LIỆU', 'TH_BM03 ·', 'BM03_TT01_KQ']) {
      expect(text).toContain(expected);
    }
    // The document asks for Times New Roman throughout; LibreOffice renders it with Times or its
    // metric twin Liberation Serif (.ci/run installs fonts-liberation and fonts-liberation2, whose
    // Liberation Serif has the Vietnamese letters), with no letter drawn from another font.
    const xml = strFromU8(unzipSync(demoDocx)['word/document.xml']!);
    const fontsAsked = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fontsAsked]).toEqual(['Times New Roman']);
    const matched = spawnSync('fc-match', ['Times New Roman'], { encoding: 'utf8' }).stdout ?? '';
    if (/Times|Liberation/i.test(matched)) {
      const fonts = runIn(dir, 'pdffonts', ['bao-cao.pdf']);
      expect(fonts).toMatch(/Times|Liberation ?Serif/i);
      expect(fonts).not.toMatch(/DejaVu/);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    runIn(dir, 'pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', 'bao-cao.pdf', 'report']);
    for (const n of ['1', '2']) {
      const png = join(dir, `report-${n}.png`);
      if (existsSync(png)) renameSync(png, join(ARTIFACTS, `report-2024-H1-page-${n}.png`));
    }
  });

  it('numbers its pages at the top centre from page 2, none on page 1 (Decree 30/2020/NĐ-CP)', () => {
    for (const [name, pages] of Object.entries(rendered)) {
      expect(firstLine(pages[0]!), `${name} page 1`).not.toMatch(/^\d+$/);
      expect(firstLine(pages[0]!), `${name} page 1`).toMatch(/UBND|PEOPLE/);
      const boxes = wordBoxes(dir, `${name}.pdf`);
      // The text block: as wide as the justified lines of the whole document reach.
      const text = boxes.flat().filter((w) => !/^\d+$/.test(w.text));
      const middle = (Math.min(...text.map((w) => w.x0)) + Math.max(...text.map((w) => w.x1))) / 2;
      pages.slice(1).forEach((page, i) => {
        const top = page.split('\n').find((l) => l.trim() !== '')!;
        expect(top.trim(), `${name} page ${i + 2}`).toBe(String(i + 2));
        // Centred over the text: the number's middle is the middle of the text block, within a few points.
        const number = boxes[i + 1]!.reduce((a, b) => (b.y0 < a.y0 ? b : a));
        expect(number.text, `${name} page ${i + 2}`).toBe(String(i + 2));
        expect(Math.abs((number.x0 + number.x1) / 2 - middle), `${name} page ${i + 2}`).toBeLessThan(6);
      });
      // And nothing at the bottom: no page ends with a centred bare number (a table's row number at the margin may).
      pages.forEach((page, i) => {
        const last = page.trimEnd().split('\n').at(-1)!;
        if (!/^\s*\d+$/.test(last)) return;
        const width = Math.max(...page.split('\n').map((l) => l.trimEnd().length));
        expect(Math.abs(last.indexOf(last.trim()) - width / 2), `${name} page ${i + 1}`).toBeGreaterThan(8);
      });
    }
  });

  it('draws the rule under the title and closes with "Trên đây là báo cáo … ./."', () => {
    const first = rendered['bao-cao']![0]!.split('\n').map((l) => l.trim());
    const title = first.findIndex((l) => l === 'trên địa bàn tỉnh Đắk Lắk');
    expect(title).toBeGreaterThan(0);
    expect(first.slice(title + 1).find((l) => l !== '')).toMatch(/^―{6,}$/);
    const text = squeeze(rendered['bao-cao']!.join(' '));
    expect(text).toContain('Trên đây là báo cáo kết quả thực hiện chuyển đổi số 6 tháng đầu năm 2024 trên địa bàn tỉnh Đắk Lắk của Sở Thông tin và Truyền thông./.');
  });

  it('keeps the signature block whole and on the page of the closing line, wherever the text ends', () => {
    for (const [name, pages] of Object.entries(rendered)) {
      const closing = name === 'report' ? 'This concludes the report' : 'Trên đây là báo cáo';
      const parts = name === 'report' ? ['To:', 'DIRECTOR', '(Signature, full name, seal)', '- Archive.'] : ['Nơi nhận:', 'GIÁM ĐỐC', '(Ký, ghi rõ họ tên, đóng dấu)', '- Lưu: VT.'];
      const at = pages.findIndex((p) => squeeze(p).includes(parts[1]!));
      expect(at, name).toBeGreaterThanOrEqual(0);
      for (const part of parts) expect(squeeze(pages[at]!), `${name}: ${part}`).toContain(part);
      // The closing line is on that page, and the last paragraph of the text before it: the block is never alone.
      const page = squeeze(pages[at]!);
      expect(page, name).toMatch(/\.\/\./);
      expect(page.indexOf(closing), name).toBeGreaterThan(60);
    }
  });

  it('names templates and units, never their codes, and numbers its sections without a gap', () => {
    for (const name of ['bao-cao', 'report']) {
      const pages = rendered[name]!;
      const end = pages.findIndex((p) => /\.\/\./.test(squeeze(p)));
      const text = pages.slice(0, end + 1).join('\n');
      expect(text, name).not.toMatch(/\bBM0\d\b/);
      const numbers = [...text.matchAll(/^\s*(\d)\. [A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]/gmu)].map((m) => Number(m[1]));
      expect(numbers.length, name).toBeGreaterThanOrEqual(5);
      expect(numbers, name).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('reads as English in English: no Vietnamese heading, no broken sentence', () => {
    const text = squeeze(rendered.report!.join(' '));
    for (const heading of ['I. RESULTS', 'II. FILING', 'Key indicators', 'Information security']) expect(text).toContain(heading);
    expect(text).not.toMatch(/KẾT QUẢ|TÌNH HÌNH|Nơi nhận|Số liệu|Chưa nộp/);
    expect(text).not.toContain('people dedicated');
    expect(text).toMatch(/Dedicated IT staff number \d+/);
  });
});

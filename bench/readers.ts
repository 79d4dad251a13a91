/**
 * The readers of untrusted input, per KB: the XML scanner, the ZIP reader, the CSV tokenizer and the
 * number parser, each on an ordinary input and on adversarial ones of growing size (shapes that cost
 * quadratic time in a reader that retries a pattern from each position). The goal: an adversarial
 * input costs no more per KB than an ordinary one, whatever its size. The machine's floor is one
 * pass over the same bytes that only looks for `<`.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { parseNumberText } from '../shared/numbers';
import { parseCsvRecords, unitsToCsv } from '../shared/registry/units-csv';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { templateFor } from '../shared/templates';
import { readTemplateFile, writeTemplateFile } from '../xlsx/template-file';
import { scanXml } from '../xlsx/xml-scan';
import { ZipReader } from '../xlsx/zip-read';
import { editPart } from '../test/crafted-xlsx';
import { printTable, time } from './harness';

const SIZES_KB = [8, 64, 512];
const swallow = (fn: () => unknown) => () => {
  try {
    fn();
  } catch {
    // A refusal is the answer for most adversarial inputs: its cost is what is measured.
  }
};
const fill = (unit: string, kb: number) => unit.repeat(Math.ceil((kb * 1024) / unit.length));

interface Row {
  name: string;
  value: string;
  goal?: string;
  ok?: boolean;
}

async function perKb(name: string, bytes: number, fn: () => unknown, refusalExpected = true): Promise<number> {
  const t = await time(name, refusalExpected ? swallow(fn) : fn, { runs: 15, budgetMs: 1_500 });
  return (t.medianMs * 1000) / (bytes / 1024);
}

const us = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} µs/KB`;

/** One reader: its ordinary input, then each adversarial shape at each size, judged against the ordinary. */
async function reader(rows: Row[], label: string, ordinary: { bytes: number; fn: () => unknown }, shapes: [string, (kb: number) => { bytes: number; fn: () => unknown }][]): Promise<void> {
  const base = await perKb(label, ordinary.bytes, ordinary.fn, false);
  rows.push({ name: `${label}: thường (${Math.round(ordinary.bytes / 1024)} KB)`, value: us(base) });
  for (const [shape, make] of shapes) {
    for (const kb of SIZES_KB) {
      const input = make(kb);
      const cost = await perKb(`${label} ${shape} ${kb}`, input.bytes, input.fn);
      rows.push({ name: `${label}: ${shape}, ${kb} KB`, value: us(cost), goal: `≤ ${us(base)}`, ok: cost <= base });
    }
  }
}

export async function readersBench(): Promise<void> {
  const rows: Row[] = [];
  const bm03 = templateFor('BM03', '2024-H1')!;
  const blank = writeTemplateFile(bm03, { unit: { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' }, period: '2024-H1' });
  // A real template sheet, as the product writes and a clerk's Excel saves it.
  const ordinaryDoc = new TextDecoder().decode(new ZipReader(blank).read('xl/worksheets/sheet1.xml'));
  scanXml(ordinaryDoc, {});
  const floorText = fill('<c r="E7"><v>1683</v></c>', 512);
  const floor = await perKb('floor', floorText.length, () => {
    let n = 0;
    for (let i = floorText.indexOf('<'); i >= 0; i = floorText.indexOf('<', i + 1)) n++;
    return n;
  });
  rows.push({ name: 'Mức sàn của máy: một lượt tìm "<" (512 KB)', value: us(floor) });

  const xmlShape = (xml: (kb: number) => string) => (kb: number) => {
    const text = xml(kb);
    return { bytes: text.length, fn: () => scanXml(text, { open() {}, text() {} }) };
  };
  await reader(rows, 'XML', { bytes: ordinaryDoc.length, fn: () => scanXml(ordinaryDoc, { open() {}, text() {} }) }, [
    ['từ giống thuộc tính không có =', xmlShape((kb) => `<R><Relationship ${fill('a', kb)}/></R>`)],
    ['một phần tử nhiều thuộc tính', xmlShape((kb) => `<a ${Array.from({ length: Math.ceil((kb * 1024) / 10) }, (_, i) => `a${i}="1"`).join(' ')}/>`)],
    ['mỗi phần tử 250 thuộc tính', xmlShape((kb) => {
      const element = `<b ${Array.from({ length: 250 }, (_, i) => `a${i}="1"`).join(' ')}/>`;
      return `<a>${element.repeat(Math.ceil((kb * 1024) / element.length))}</a>`;
    })],
    ['khai báo không gian tên ở mọi cấp', xmlShape((kb) => {
      const depth = Math.ceil((kb * 1024) / 28);
      return `${'<p:a xmlns:p="urn:p">'.repeat(depth)}${'</p:a>'.repeat(depth)}`;
    })],
    ['phần tử lồng sâu', xmlShape((kb) => `${fill('<a>', kb / 2)}${fill('</a>', (kb / 2) * (4 / 3))}`)],
    ['dấu & lẻ', xmlShape((kb) => `<a>${fill('&amp', kb)}</a>`)],
  ]);

  const entries = (count: number): Uint8Array => {
    const files: Zippable = {};
    for (let i = 0; i < count; i++) files[`xl/p${i}.xml`] = strToU8(`<p>${i}</p>`);
    return zipSync(files, { level: 0 });
  };
  await reader(rows, 'ZIP', { bytes: blank.length, fn: () => {
    const zip = new ZipReader(blank);
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml']) zip.read(part);
  } }, [
    ['chỉ có chữ ký PK', (kb) => {
      const bytes = new Uint8Array(kb * 1024);
      bytes.set([0x50, 0x4b]);
      return { bytes: bytes.length, fn: () => new ZipReader(bytes) };
    }],
    ['nhiều thành phần nhỏ', (kb) => {
      const archive = entries(Math.min(500, Math.ceil((kb * 1024) / 80)));
      return { bytes: archive.length, fn: () => new ZipReader(archive) };
    }],
  ]);

  const csv = unitsToCsv(DEMO_REGISTRY);
  const csvShape = (unit: string) => (kb: number) => {
    const text = fill(unit, kb);
    return { bytes: text.length, fn: () => parseCsvRecords(text) };
  };
  await reader(rows, 'CSV', { bytes: csv.length, fn: () => parseCsvRecords(csv) }, [
    ['chỉ có xuống dòng', csvShape('\n')],
    ['chỉ có dấu ngoặc kép', csvShape('"')],
    ['chỉ có dấu phẩy', csvShape(',')],
  ]);

  const figures = ['1.345.670', '74,65%', '409,8 tỷ đồng', 'hơn 5.092 người', '29.473,482 triệu đồng'];
  const figureBytes = figures.join('').length;
  await reader(rows, 'Số', { bytes: figureBytes, fn: () => figures.forEach((f) => parseNumberText(f, 'money')) }, [
    ['dấu phân cách ở cuối', (kb) => {
      const text = '1' + fill('.,', kb);
      return { bytes: text.length, fn: () => parseNumberText(text, 'integer') };
    }],
    ['dấu phân cách ở cuối, 200 ký tự', () => {
      const text = '1' + '.,'.repeat(99);
      return { bytes: text.length, fn: () => parseNumberText(text, 'integer') };
    }],
  ]);

  // A whole upload, per KB once inflated (what the readers see): the file that once froze the worker
  // for seconds, against an ordinary workbook.
  const inflated = (bytes: Uint8Array) => Object.values(unzipSync(bytes)).reduce((sum, part) => sum + part.length, 0);
  await reader(rows, 'Tệp .xlsx', { bytes: inflated(blank), fn: () => readTemplateFile(blank) }, [
    ['quan hệ có từ dài không có =', (kb) => {
      const bomb = editPart(blank, '_rels/.rels', (s) => s.replace('<Relationship ', `<Relationship ${fill('a', kb)} `));
      return { bytes: inflated(bomb), fn: () => readTemplateFile(bomb) };
    }],
  ]);

  printTable('Bộ đọc dữ liệu vào (trung vị, µs mỗi KB đầu vào; mục tiêu: đầu vào cố ý gây chậm không tốn hơn đầu vào thường)', rows);
}

/**
 * Files Excel reads one way and a careless reader another: each made from a filled BM03 by editing
 * its parts, with what Excel does with it. Used by the readers' tests and by the differential test
 * that reads each with a third-party reader. Free of Node's modules, so the worker's tests use it too.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ProblemCode } from '../shared/problems';
import { templateFor } from '../shared/templates';
import { buildMetadataSheet, buildTemplateWorkbook } from '../shared/workbook';
import { writeTemplateFile } from '../xlsx/template-file';
import { writeWorkbook } from '../xlsx/write';
import { editPart, pack, replaceCell, unpack } from './crafted-xlsx';

type Bytes = Uint8Array<ArrayBuffer>;
// Krông Pắc's 2024-H1 workbook, in the version of that period (2024.1).
const bm03 = templateFor('BM03', '2024-H1')!;
const SHEET = 'xl/worksheets/sheet1.xml';
const UNIT = { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' as const };

/** BM03 for Krông Pắc, 2024-H1, with TT01–TT04 filled as Excel saves numbers. */
export const FIGURES = { E7: 1683, E8: 676, E9: 753, E10: 254 } as const;

export function filledBm03(): Bytes {
  let bytes: Bytes = writeTemplateFile(bm03, { unit: UNIT, period: '2024-H1' }) as Bytes;
  for (const [ref, value] of Object.entries(FIGURES)) bytes = replaceCell(bytes, ref, `<c r="${ref}"><v>${value}</v></c>`);
  return bytes;
}

/** The same parts written twice into one archive, the second time with `edit` applied: ZIP's "last one wins". */
export function withDuplicateEntry(bytes: Uint8Array, part: string, edit: (xml: string) => string): Bytes {
  const parts = unpack(bytes);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = data;
  const first = zipSync(files);
  const again = zipSync({ [part]: strToU8(edit(new TextDecoder().decode(parts[part]!))) });
  return concatArchives(first, again);
}

/** The file with one part's bytes changed. */
function withBytes(bytes: Uint8Array, part: string, edit: (data: Uint8Array) => Uint8Array): Bytes {
  const parts = unpack(bytes);
  parts[part] = edit(parts[part]!);
  return pack(parts);
}

/** Two archives' entries under one central directory, the second's after the first's. */
function concatArchives(a: Uint8Array, b: Uint8Array): Bytes {
  const directory = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    return { view, count: view.getUint16(end + 10, true), size: view.getUint32(end + 12, true), at: view.getUint32(end + 16, true) };
  };
  const da = directory(a);
  const db = directory(b);
  const out = new Uint8Array(da.at + db.at + da.size + db.size + 22);
  out.set(a.subarray(0, da.at), 0);
  out.set(b.subarray(0, db.at), da.at);
  const centralAt = da.at + db.at;
  out.set(a.subarray(da.at, da.at + da.size), centralAt);
  const secondCentral = b.slice(db.at, db.at + db.size);
  const view = new DataView(secondCentral.buffer);
  for (let i = 0; i < secondCentral.length; ) {
    view.setUint32(i + 42, view.getUint32(i + 42, true) + da.at, true);
    i += 46 + view.getUint16(i + 28, true) + view.getUint16(i + 30, true) + view.getUint16(i + 32, true);
  }
  out.set(secondCentral, centralAt + da.size);
  const end = new DataView(out.buffer, centralAt + da.size + db.size);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, da.count + db.count, true);
  end.setUint16(10, da.count + db.count, true);
  end.setUint32(12, da.size + db.size, true);
  end.setUint32(16, centralAt, true);
  return out;
}

/** The workbook whose hidden sheet records another unit and period than its heading shows. */
export function withHiddenSheetSaying(metadata: { unit?: string; unitName?: string; period?: string; template?: string }): Bytes {
  const workbook = buildTemplateWorkbook(templateFor('BM03', '2026-Q4')!, { unit: { code: 'PAN', name: 'UBND xã Phước An', kind: 'commune' }, period: '2026-Q4' });
  const entries = workbook.metadata.map((m) => ({ ...m, ...metadata }));
  workbook.sheets = workbook.sheets.map((s) => (s.name === '_chitieu' ? buildMetadataSheet(entries) : s));
  return writeWorkbook({ ...workbook, metadata: entries }) as Bytes;
}

export interface Crafted {
  name: string;
  bytes: Bytes;
  /** What chitieu answers: the figures of TT01–TT04 (E7–E10) it reads, or the problem it refuses the file with. */
  expected: Record<string, number | undefined> | ProblemCode;
}

const cell = (bytes: Bytes, ref: string, xml: string): Bytes => replaceCell(bytes, ref, xml);
const beforeEnd = (bytes: Bytes, xml: string): Bytes => editPart(bytes, SHEET, (s) => s.replace('</worksheet>', `${xml}</worksheet>`));

/** Every crafted file; with `zip64` (a rewriter that needs Node, test/zip64.ts), a genuine ZIP64 archive too. */
export function craftedFiles(zip64?: (bytes: Uint8Array) => Bytes): Crafted[] {
  const filled = filledBm03();
  const foreignRows = '<x:sheetData xmlns:x="urn:example:other"><x:row r="7"><x:c r="E7"><x:v>72095</x:v></x:c><x:c r="E8"><x:v>72000</x:v></x:c></x:row></x:sheetData>';
  return [
    { name: 'an ordinary filled file', bytes: filled, expected: { ...FIGURES } },
    { name: 'cells of another namespace inside extLst', bytes: beforeEnd(filled, `<extLst><ext uri="{00000000-0000-0000-0000-000000000000}">${foreignRows}</ext></extLst>`), expected: { ...FIGURES } },
    {
      name: 'a cell of another namespace in a row',
      bytes: cell(filled, 'E8', '<x:c xmlns:x="urn:example:other" r="E8"><x:v>72000</x:v></x:c>'),
      expected: { ...FIGURES, E8: undefined },
    },
    {
      name: 'markup compatibility: the choice skipped, the fallback read',
      bytes: editPart(filled, SHEET, (s) =>
        s.replace(
          '<worksheet ',
          '<worksheet xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac" ',
        ).replace('</worksheet>', '<mc:AlternateContent><mc:Choice Requires="x14ac"><extLst/></mc:Choice><mc:Fallback><extLst/></mc:Fallback></mc:AlternateContent></worksheet>'),
      ),
      expected: { ...FIGURES },
    },
    { name: 'a number written in hexadecimal', bytes: cell(filled, 'E8', '<c r="E8"><v>0x48</v></c>'), expected: 'malformed_cell' },
    { name: 'a number written Infinity', bytes: cell(filled, 'E8', '<c r="E8"><v>Infinity</v></c>'), expected: 'malformed_cell' },
    { name: 'a row numbered 1e3', bytes: editPart(filled, SHEET, (s) => s.replace('<row r="8"', '<row r="8e0"')), expected: 'malformed_xml' },
    { name: 'a cell of a type SpreadsheetML does not have', bytes: cell(filled, 'E8', '<c r="E8" t="x"><v>676</v></c>'), expected: 'malformed_cell' },
    { name: 'a shared string that is not there', bytes: cell(filled, 'E8', '<c r="E8" t="s"><v>99999</v></c>'), expected: 'malformed_cell' },
    { name: 'a cell written twice', bytes: cell(filled, 'E8', '<c r="E8"><v>676</v></c><c r="E8"><v>1</v></c>'), expected: 'malformed_xml' },
    { name: 'a cell outside its row', bytes: cell(filled, 'E8', '<c r="E9"><v>676</v></c>'), expected: 'malformed_xml' },
    { name: 'a part written twice in the archive', bytes: withDuplicateEntry(filled, SHEET, (s) => s.replace('<v>676</v>', '<v>72000</v>')), expected: 'corrupt' },
    ...(zip64 ? [{ name: 'a genuine ZIP64 archive', bytes: zip64(filled), expected: { ...FIGURES } }] : []),
    {
      name: 'a relationship with a long attribute-like word',
      bytes: editPart(filled, '_rels/.rels', (s) => s.replace('<Relationship ', `<Relationship ${'a'.repeat(7000)} `)),
      expected: 'malformed_xml',
    },
    { name: 'a shared string that is not UTF-8', bytes: withBytes(filled, 'xl/sharedStrings.xml', (b) => b.map((x, i) => (i === b.indexOf(0x3e, b.indexOf(0x3c, 60)) + 1 ? 0xff : x))), expected: 'malformed_xml' },
    { name: 'a sheet name holding U+FFFF', bytes: editPart(filled, 'xl/workbook.xml', (s) => s.replace('name="BM03"', 'name="BM03\uFFFF"')), expected: 'malformed_xml' },
    { name: 'a sheet name holding a lone surrogate', bytes: editPart(filled, 'xl/workbook.xml', (s) => s.replace('name="BM03"', 'name="BM03&#xD800;"')), expected: 'malformed_xml' },
    {
      name: 'two sheets of one name',
      bytes: editPart(filled, 'xl/workbook.xml', (s) => s.replace('<sheet name="_chitieu"', '<sheet name="bm03" sheetId="3" r:id="rId1"/><sheet name="_chitieu"')),
      expected: 'malformed_xml',
    },
    { name: 'a hidden sheet for another unit and period', bytes: withHiddenSheetSaying({ unit: 'BMT', unitName: 'UBND TP Buôn Ma Thuột', period: '2026-Q3' }), expected: 'heading_mismatch' },
  ];
}

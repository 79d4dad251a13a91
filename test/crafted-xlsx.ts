/**
 * Hostile and odd spreadsheet files, made from a real template file by editing its parts: what an
 * attacker, a broken tool or a non-calculating library would send.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export type Parts = Record<string, Uint8Array>;
type Bytes = Uint8Array<ArrayBuffer>;

export function unpack(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function pack(parts: Parts, level: 0 | 6 | 9 = 6): Bytes {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { level }];
  return zipSync(files);
}

/** The file with one part's text changed. */
export function editPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Bytes {
  const parts = unpack(bytes);
  const xml = parts[part];
  if (!xml) throw new Error(`no part ${part}`);
  parts[part] = strToU8(edit(strFromU8(xml)));
  return pack(parts);
}

/** The file with cells appended to the first worksheet, e.g. `<c r="XFD1048576"><v>1</v></c>`. */
export function appendRow(bytes: Uint8Array, rowNumber: number, cellsXml: string, sheetPart = 'xl/worksheets/sheet1.xml'): Bytes {
  return editPart(bytes, sheetPart, (xml) => xml.replace('</sheetData>', `<row r="${rowNumber}">${cellsXml}</row></sheetData>`));
}

/** The file with an extra part of `size` zero bytes, compressed as tight as it goes. */
export function withInflatingPart(bytes: Uint8Array, size: number, name = 'xl/media/padding.bin'): Bytes {
  const parts = unpack(bytes);
  const files: Zippable = {};
  for (const [n, data] of Object.entries(parts)) files[n] = [data, { level: 6 }];
  files[name] = [new Uint8Array(size), { level: 9 }];
  return zipSync(files);
}

/** The same archive with every declared uncompressed size in its central directory set to 1 KB: a liar. */
export function withLyingSizes(bytes: Uint8Array): Bytes {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1024, true);
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 1024, true);
  }
  return out;
}

/** A cell of the first sheet replaced, e.g. the named input cell E7 by a formula saved without its result. */
export function replaceCell(bytes: Uint8Array, ref: string, cellXml: string, sheetPart = 'xl/worksheets/sheet1.xml'): Bytes {
  return editPart(bytes, sheetPart, (xml) => {
    // A cell's text may hold line breaks (an earlier replacement's): its end is found across them.
    const pattern = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
    if (!pattern.test(xml)) throw new Error(`no cell ${ref}`);
    return xml.replace(pattern, cellXml);
  });
}

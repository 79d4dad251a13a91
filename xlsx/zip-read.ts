/**
 * Reads the parts of a ZIP archive one at a time, from its central directory, inflating only the
 * parts asked for and stopping as soon as a part or the whole grows past its bound, whatever sizes
 * the archive declares. Synchronous, with no state outside the call: nothing is left behind in a
 * long-lived worker.
 */
import { Inflate, strFromU8 } from 'fflate';
import { XLSX_LIMITS, type XlsxLimits } from './limits';
import { WorkbookReadError } from './read-error';
import { clip } from './xml-scan';

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/**
 * Compressed bytes pushed to the inflater at a time: at most ~4 MB can come out of one push before
 * the bounds are checked. Each push also costs a copy of the inflater's 32 KB window, so smaller
 * pushes cost more per byte (1 KB pushes took four times as long on an 8 MB sheet).
 */
const CHUNK = 4096;

function corrupt(reason: string): never {
  throw new WorkbookReadError('corrupt', { reason });
}

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;

/** A 64-bit field that must fit the file: anything beyond 2^53 is beyond it anyway. */
function uint64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** The entry count and directory offset of a ZIP64 archive, from the record its locator points at. */
function zip64Directory(view: DataView, end: number): { count: number; at: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) corrupt('mục lục ZIP64 thiếu / ZIP64 directory missing');
  const record = uint64(view, locator + 8);
  if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_END) corrupt('mục lục ZIP64 hỏng / broken ZIP64 directory');
  return { count: uint64(view, record + 32), at: uint64(view, record + 48) };
}

/** The sizes and offset a ZIP64 entry keeps in its extra field (id 1), in that order, each only when its 32-bit field is full. */
function zip64Sizes(view: DataView, start: number, length: number, entry: Entry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) break;
    if (id === 1) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + size) corrupt(`"${entry.name}": trường ZIP64 thiếu / short ZIP64 field`);
        const value = uint64(view, field);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    at += 4 + size;
  }
  corrupt(`"${entry.name}": thiếu trường ZIP64 / ZIP64 field missing`);
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: XlsxLimits = XLSX_LIMITS,
  ) {
    if (bytes.length > limits.compressedBytes) throw new WorkbookReadError('file_too_large', { limit: limits.compressedBytes });
    if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WorkbookReadError('not_xlsx');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) corrupt('không thấy mục lục ZIP / no ZIP directory');
    let count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    if (count === 0xffff || at === 0xffffffff) ({ count, at } = zip64Directory(view, end));
    if (count > limits.entries) throw new WorkbookReadError('too_many_parts', { limit: limits.entries });
    let declared = 0;
    // Part names are compared as Open Packaging compares them: without case.
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) corrupt('mục lục ZIP hỏng / broken ZIP directory');
      const flags = view.getUint16(at + 8, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      if (at + 46 + nameLength + extraLength > bytes.length) corrupt('mục lục ZIP hỏng / broken ZIP directory');
      const entry: Entry = {
        name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) === 0).replace(/^\/+/, ''),
        method: view.getUint16(at + 10, true),
        flags,
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
      };
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
        zip64Sizes(view, at + 46 + nameLength, extraLength, entry);
      }
      // Declared sizes are checked here; the inflater checks the real ones.
      if (entry.size > limits.partBytes) throw new WorkbookReadError('part_too_large', { part: entry.name, limit: limits.partBytes });
      declared += entry.size;
      if (declared > limits.totalBytes) throw new WorkbookReadError('total_too_large', { limit: limits.totalBytes });
      const key = entry.name.toLowerCase();
      if (seen.has(key)) corrupt(`"${clip(entry.name)}" có hai lần / "${clip(entry.name)}" appears twice`);
      seen.add(key);
      this.entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's bytes, inflated within the bounds; undefined when the archive has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 0x1) throw new WorkbookReadError('encrypted');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL) corrupt(`"${name}"`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) corrupt(`"${name}"`);
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) return this.count(name, data.length) && data;
    if (entry.method !== 8) corrupt(`"${name}": nén kiểu ${entry.method} / compression method ${entry.method}`);

    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      this.count(name, chunk.length, size);
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      corrupt(`"${name}": ${(e as Error).message}`);
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  /** Counts inflated bytes against the part's and the archive's bounds. */
  private count(name: string, added: number, partSize = added): true {
    if (partSize > this.limits.partBytes) throw new WorkbookReadError('part_too_large', { part: name, limit: this.limits.partBytes });
    this.inflated += added;
    if (this.inflated > this.limits.totalBytes) throw new WorkbookReadError('total_too_large', { limit: this.limits.totalBytes });
    return true;
  }
}

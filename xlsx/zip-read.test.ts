import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withInflatingPart, withLyingSizes } from '../test/crafted-xlsx';
import { XLSX_LIMITS } from './limits';
import { WorkbookReadError } from './read-error';
import { ZipReader } from './zip-read';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.code;
    throw e;
  }
  return undefined;
};

describe('reading a ZIP archive within bounds', () => {
  const small = zipSync({ 'a.xml': [new TextEncoder().encode('<a>hello</a>'), { level: 6 }], 'b.bin': [new Uint8Array([1, 2, 3]), { level: 0 }] });

  it('reads deflated and stored parts by name, and nothing for a part it does not have', () => {
    const zip = new ZipReader(small);
    expect(new TextDecoder().decode(zip.read('a.xml'))).toBe('<a>hello</a>');
    expect([...zip.read('b.bin')!]).toEqual([1, 2, 3]);
    expect(zip.read('c.xml')).toBeUndefined();
  });

  it('refuses a part that declares more than the per-part bound before inflating anything', () => {
    const bomb = withInflatingPart(small, XLSX_LIMITS.partBytes + 1);
    expect(bomb.length).toBeLessThan(20_000);
    expect(code(() => new ZipReader(bomb))).toBe('part_too_large');
  });

  it('refuses parts that together declare more than the total bound', () => {
    const parts: Zippable = {};
    for (const i of [0, 1, 2]) parts[`p${i}.bin`] = [new Uint8Array(XLSX_LIMITS.partBytes - 10), { level: 9 }];
    expect(code(() => new ZipReader(zipSync(parts)))).toBe('total_too_large');
  });

  it('stops inflating a part whose declared size lies, as soon as it passes the bound', () => {
    const liar = withLyingSizes(withInflatingPart(small, XLSX_LIMITS.partBytes + 4096));
    const zip = new ZipReader(liar);
    expect(code(() => zip.read('xl/media/padding.bin'))).toBe('part_too_large');
  });

  it('names a file that is no ZIP, is cut short, is encrypted or is too large', () => {
    expect(code(() => new ZipReader(new TextEncoder().encode('code;name\nKPA;Krông Pắc')))).toBe('not_xlsx');
    expect(code(() => new ZipReader(small.slice(0, small.length - 30)))).toBe('corrupt');
    const encrypted = small.slice();
    const view = new DataView(encrypted.buffer);
    for (let i = 0; i + 4 <= encrypted.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    expect(code(() => new ZipReader(encrypted).read('a.xml'))).toBe('encrypted');
    expect(code(() => new ZipReader(new Uint8Array(XLSX_LIMITS.compressedBytes + 1).fill(0x50)))).toBe('file_too_large');
  });
});

import fc from 'fast-check';
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

  it('refuses a part written twice, even in another case, naming it', () => {
    const twice = zipSync({ 'a.xml': new Uint8Array([1]), 'A.XML': new Uint8Array([2]) });
    expect(() => new ZipReader(twice)).toThrow(WorkbookReadError);
    try {
      new ZipReader(twice);
    } catch (e) {
      expect((e as WorkbookReadError).describe('en')).toContain('"A.XML" appears twice');
    }
  });

  it('names a ZIP64 end record that is missing or points nowhere, instead of a size it never had', () => {
    const broken = small.slice();
    const view = new DataView(broken.buffer);
    view.setUint16(broken.length - 22 + 10, 0xffff, true);
    expect(code(() => new ZipReader(broken))).toBe('corrupt');
  });
});

describe('linear time: adversarial archives of any size get the right answer', () => {
  const small = zipSync({ 'a.xml': [new TextEncoder().encode('<a>hello</a>'), { level: 6 }] });

  it('bytes that only start like a ZIP are refused as not an archive or as damaged, never anything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: XLSX_LIMITS.compressedBytes - 2 }), fc.integer({ min: 0, max: 255 }), (size, fill) => {
        const bytes = new Uint8Array(size + 2).fill(fill);
        bytes.set([0x50, 0x4b]);
        expect(['not_xlsx', 'corrupt']).toContain(code(() => new ZipReader(bytes)));
      }),
      { numRuns: 30 },
    );
  });

  it('an end record searched for through a comment of any length is found; forged ones are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (length) => {
        const commented = new Uint8Array(small.length + length);
        commented.set(small);
        new DataView(commented.buffer).setUint16(small.length - 2, length, true);
        expect(new TextDecoder().decode(new ZipReader(commented).read('a.xml'))).toBe('<a>hello</a>');
        // A comment made of end-record signatures: the last one found is not an end record, and the archive is named damaged.
        const forged = commented.slice();
        for (let i = small.length; i + 4 <= forged.length; i += 4) new DataView(forged.buffer).setUint32(i, 0x06054b50, true);
        if (length >= 26) expect(['corrupt', 'too_many_parts', 'part_too_large', 'total_too_large']).toContain(code(() => new ZipReader(forged).read('a.xml')));
      }),
      { numRuns: 30 },
    );
  });

  it('archives with any number of entries are read up to the bound and refused past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: XLSX_LIMITS.entries * 2 }), (n) => {
        const files: Zippable = {};
        for (let i = 0; i < n; i++) files[`p${i}.xml`] = new Uint8Array([i & 0xff]);
        const archive = zipSync(files, { level: 0 });
        if (n > XLSX_LIMITS.entries) expect(code(() => new ZipReader(archive))).toBe('too_many_parts');
        else expect([...new ZipReader(archive).read(`p${n - 1}.xml`)!]).toEqual([(n - 1) & 0xff]);
      }),
      { numRuns: 20 },
    );
  });
});


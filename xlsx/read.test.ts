import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendRow, editPart, replaceCell } from '../test/crafted-xlsx';
import { craftedFiles, filledBm03 } from '../test/crafted-excel';
import { asZip64 } from '../test/zip64';
import { unzipSync } from 'fflate';
import { templateFor } from '../shared/templates';
import { validate } from '../shared/validation';
import { EVERY_SHEET, readWorkbook } from './read';
import { WorkbookReadError } from './read-error';
import { readTemplateFile, writeTemplateFile } from './template-file';

// Krông Pắc's 2024-H1 workbook, in the version of that period (2024.1).
const bm03 = templateFor('BM03', '2024-H1')!;
const blank = writeTemplateFile(bm03, { unit: { code: 'KPA', kind: 'district' }, period: '2024-H1' });

function failure(bytes: Uint8Array): WorkbookReadError {
  try {
    readTemplateFile(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error('the file was read');
}

describe('reading a workbook within its template’s area', () => {
  it('names a value far outside the template instead of allocating a million rows', () => {
    const far = appendRow(blank, 1048576, '<c r="XFD1048576"><v>1</v></c>');
    expect(far.length).toBeLessThan(20_000);
    const e = failure(far);
    expect(e.code).toBe('cell_outside_area');
    expect(e.describe('vi')).toContain("Ô 'BM03'!XFD1048576 có dữ liệu ở xa ngoài vùng của mẫu");
    expect(e.describe('en')).toContain('outside the template');
  });

  it('ignores a far-away cell that only carries formatting, and a dimension that claims the whole sheet', () => {
    const styled = appendRow(blank, 1048576, '<c r="XFD1048576" s="1"/>');
    const claimed = editPart(styled, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const [sheet] = readTemplateFile(claimed);
    expect(validate(sheet!.template, sheet!.read.submission).errors.map((e) => e.code)).toEqual(['empty_submission']);
  });

  it('reports a formula saved without its result at its cell, instead of dropping the figure', () => {
    const uncalculated = replaceCell(blank, 'E7', '<c r="E7"><f>SUM(E8:E10)</f></c>');
    const e = failure(uncalculated);
    expect(e.code).toBe('formula_without_result');
    expect(e.describe('vi')).toContain("'BM03'!E7");
    expect(e.describe('vi')).toContain('mở tệp bằng Excel');
    // With its result, as Excel saves it, the figure is read.
    const calculated = replaceCell(blank, 'E7', '<c r="E7"><f>SUM(E8:E10)</f><v>1683</v></c>');
    expect(readTemplateFile(calculated)[0]!.read.submission.values).toEqual({ 'TT01.KQ': 1683 });
  });

  it('reads inline strings, booleans, errors and cells written without their position', () => {
    const odd = replaceCell(blank, 'E8', '<c r="E8" t="inlineStr"><is><r><t>6</t></r><r><t>76</t></r><rPh><t>x</t></rPh></is></c>');
    const values = readWorkbook(odd, EVERY_SHEET).sheets[0]!.values;
    expect(values[7]![4]).toBe('676');
    const positions = appendRow(blank, 200, '<c><v>1</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c>');
    expect(readWorkbook(positions, EVERY_SHEET).sheets[0]!.values[199]!.slice(0, 3)).toEqual([1, true, '#DIV/0!']);
  });

  it('names a part whose XML is broken or declares entities', () => {
    const broken = editPart(blank, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '<row r="300"><c r="A300"><v>1</v></row></sheetData>'));
    expect(failure(broken)).toMatchObject({ code: 'malformed_xml', params: { part: 'xl/worksheets/sheet1.xml' } });
    const entity = editPart(blank, 'xl/sharedStrings.xml', (xml) => xml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">]>'));
    expect(failure(entity)).toMatchObject({ code: 'malformed_xml', params: { part: 'xl/sharedStrings.xml' } });
  });
});

describe('reading what Excel reads', () => {
  const figures = (bytes: Uint8Array) => {
    const values = readTemplateFile(bytes)[0]!.read.submission.values;
    return { E7: values['TT01.KQ'], E8: values['TT02.KQ'], E9: values['TT03.KQ'], E10: values['TT04.KQ'] };
  };

  for (const crafted of craftedFiles(asZip64)) {
    it(`${crafted.name}: ${typeof crafted.expected === 'string' ? `refused (${crafted.expected})` : 'the figures Excel shows'}`, () => {
      if (typeof crafted.expected === 'string') {
        const e = failure(crafted.bytes);
        expect(e.code).toBe(crafted.expected);
        // The answer names what is wrong and where, in both languages, never a bare stack trace.
        for (const lang of ['vi', 'en'] as const) expect(e.describe(lang)).toMatch(/"|'BM03'|BM03/);
      } else expect(figures(crafted.bytes)).toEqual(crafted.expected);
    });
  }

  it('names the part, the cell and the value of a damaged cell', () => {
    const hex = replaceCell(filledBm03(), 'E8', '<c r="E8"><v>0x48</v></c>');
    expect(failure(hex).describe('vi')).toBe(
      'Ô E8 của thành phần "xl/worksheets/sheet1.xml" trong tệp .xlsx bị hỏng (số "0x48" sai / malformed number "0x48"); Excel cũng không đọc được ô này. Hãy mở bằng Excel, lưu lại rồi gửi lại.',
    );
    const missing = replaceCell(filledBm03(), 'E8', '<c r="E8" t="s"><v>99999</v></c>');
    expect(failure(missing).describe('en')).toMatch(/^Cell E8 of part "xl\/worksheets\/sheet1.xml" .*shared string "99999" is missing/);
  });

  it('names a part written twice in the archive', () => {
    const twice = craftedFiles(asZip64).find((c) => c.name.includes('twice in the archive'))!;
    expect(failure(twice.bytes).describe('en')).toContain('"xl/worksheets/sheet1.xml" appears twice');
  });

  it('refuses a hidden sheet that says another unit or period than the heading shows, naming both', () => {
    const other = craftedFiles(asZip64).find((c) => c.expected === 'heading_mismatch')!;
    const e = failure(other.bytes);
    expect(e.describe('vi')).toBe(
      'Trang "BM03" ghi đơn vị báo cáo là "UBND xã Phước An (PAN)" (ô \'BM03\'!A2) nhưng thông tin ẩn của bảng tính (trang _chitieu) ghi "UBND TP Buôn Ma Thuột (BMT)". Hãy lập báo cáo từ mẫu đúng đơn vị và kỳ báo cáo rồi gửi lại.',
    );
    expect(e.describe('en')).toContain('shows unit "UBND xã Phước An (PAN)"');
  });
});

describe('any damage to a sheet gets an answer', () => {
  const TOKENS = ['<', '>', '"', "'", '&', '&#xFFFF;', '&#1;', '\uFFFF', '<c r="E7">', '</c>', '<v>', '</v>', '<v>0x48</v>', '<x:c>', 'xmlns:x="urn:x"', '<extLst>', '</extLst>', '<row r="1e3">', '</row>', ' t="q"', ' r="E7"', '<mc:Choice>', '<f>', '<!--', '<![CDATA[', '<!DOCTYPE a>', 'a'.repeat(5000)];
  const filled = filledBm03();
  const sheet = new TextDecoder().decode(unzipSync(filled)['xl/worksheets/sheet1.xml']);

  it('tokens inserted anywhere: the figures, or a refusal the reader words (never another error)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 4 }), (edits) => {
        let xml = sheet;
        for (const [at, token] of edits) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + token + xml.slice(i);
        }
        const bytes = editPart(filled, 'xl/worksheets/sheet1.xml', () => xml);
        try {
          readTemplateFile(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookReadError);
          expect((e as WorkbookReadError).describe('vi').length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 150 },
    );
  });
});


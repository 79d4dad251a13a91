import { describe, expect, it } from 'vitest';
import { appendRow, editPart, replaceCell } from '../test/crafted-xlsx';
import { getTemplate } from '../shared/templates';
import { validate } from '../shared/validation';
import { EVERY_SHEET, readWorkbook } from './read';
import { WorkbookReadError } from './read-error';
import { readTemplateFile, writeTemplateFile } from './template-file';

const bm03 = getTemplate('BM03')!;
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

/** The crafting helpers themselves: a property test builds on them, so they must do what they say on any input. */
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pack, replaceCell, unpack } from './crafted-xlsx';

const SHEET = 'xl/worksheets/sheet1.xml';
const book = (cells: string) => pack({ [SHEET]: strToU8(`<worksheet><sheetData><row r="7">${cells}</row></sheetData></worksheet>`) });
const sheetOf = (bytes: Uint8Array) => strFromU8(unpack(bytes)[SHEET]!);

describe('replaceCell', () => {
  it('replaces a cell again after an earlier replacement wrote a line break into its text', () => {
    let bytes = book('<c r="E7"><v>1</v></c><c r="F7"><v>2</v></c>');
    bytes = replaceCell(bytes, 'F7', '<c r="F7" t="inlineStr"><is><t>\n</t></is></c>');
    bytes = replaceCell(bytes, 'F7', '<c r="F7"><v>0</v></c>');
    expect(sheetOf(bytes)).toBe('<worksheet><sheetData><row r="7"><c r="E7"><v>1</v></c><c r="F7"><v>0</v></c></row></sheetData></worksheet>');
  });

  it('replaces an empty cell written as one tag, and only that cell', () => {
    const bytes = replaceCell(book('<c r="E7"/><c r="E8"><v>3</v></c>'), 'E7', '<c r="E7"><v>5</v></c>');
    expect(sheetOf(bytes)).toContain('<c r="E7"><v>5</v></c><c r="E8"><v>3</v></c>');
  });
});

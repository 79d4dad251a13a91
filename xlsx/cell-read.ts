/**
 * A cell's position and value as Excel reads them, and nothing looser: what Excel would call a
 * damaged file (a row numbered `1e3`, a number written `0x48`, a type it does not know, a shared
 * string that is not there) is refused with what is wrong, never read as a guess.
 */
import { isoToExcelSerial } from '../shared/dates';
import type { RawValue } from '../shared/workbook';
import { clip } from './xml-scan';

/** Excel's grid: rows 1–1,048,576, columns A–XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export class CellProblem extends Error {
  override readonly name = 'CellProblem';
}

/** A row's `r`: 1-based, written as plain digits. Returns the 0-based row. */
export function rowNumber(r: string): number | undefined {
  if (!/^[1-9][0-9]{0,6}$/.test(r)) return undefined;
  const n = Number(r);
  return n <= MAX_ROWS ? n - 1 : undefined;
}

/** A cell's `r`: one cell, column letters then row digits (`E7`), within the grid. 0-based. */
export function cellReference(r: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(r);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = rowNumber(m[2]!);
  return row === undefined || col > MAX_COLS ? undefined : { row, col: col - 1 };
}

/** xsd:double as Excel writes it: digits, an optional fraction and exponent; no hex, no words, no infinity. */
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?$/;

const CELL_TYPES = new Set(['n', 's', 'str', 'inlineStr', 'b', 'e', 'd']);

export function isCellType(type: string): boolean {
  return CELL_TYPES.has(type);
}

/** A formula's result, a shared or inline string, a number, a boolean or an error, as Excel shows it. */
export function cellValue(type: string, raw: string, inline: string, strings: readonly string[]): RawValue {
  const trimmed = raw.trim();
  switch (type) {
    case 's': {
      if (trimmed === '') return null;
      const index = /^[0-9]{1,9}$/.test(trimmed) ? Number(trimmed) : NaN;
      if (!(index < strings.length)) throw new CellProblem(`chuỗi dùng chung số "${clip(trimmed)}" không có (${strings.length} chuỗi) / shared string "${clip(trimmed)}" is missing (${strings.length} strings)`);
      return strings[index]!;
    }
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
      return raw;
    case 'b':
      if (trimmed === '') return null;
      if (trimmed === '1' || trimmed === 'true') return true;
      if (trimmed === '0' || trimmed === 'false') return false;
      throw new CellProblem(`giá trị đúng/sai "${clip(trimmed)}" / boolean "${clip(trimmed)}"`);
    case 'd': {
      if (trimmed === '') return null;
      // ISO 8601, as the type requires: a date, perhaps with a time the engine does not need.
      if (!/^\d{4}-\d{2}-\d{2}(?:T[0-9:.]{0,18}(?:Z|[+-]\d{2}:\d{2})?)?$/.test(trimmed)) throw new CellProblem(`ngày "${clip(trimmed)}" sai / malformed date "${clip(trimmed)}"`);
      return isoToExcelSerial(trimmed.slice(0, 10));
    }
    default: {
      if (trimmed === '') return null;
      const n = NUMBER.test(trimmed) ? Number(trimmed) : NaN;
      if (!Number.isFinite(n)) throw new CellProblem(`số "${clip(trimmed)}" sai / malformed number "${clip(trimmed)}"`);
      return n;
    }
  }
}

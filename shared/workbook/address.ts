/** A1-style addresses, 0-based row and column indexes. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function a1Range(row: number, col: number, rows: number, cols: number): string {
  return rows === 1 && cols === 1 ? a1(row, col) : `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

export interface CellPosition {
  row: number;
  col: number;
}

export interface RangePosition extends CellPosition {
  rows: number;
  cols: number;
}

/** `E12`, `$E$12`, `E12:G20` → position and size. */
export function parseA1(address: string): RangePosition | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  if (!m[3]) return { row, col, rows: 1, cols: 1 };
  const row2 = Number(m[4]) - 1;
  const col2 = columnIndex(m[3]);
  return { row: Math.min(row, row2), col: Math.min(col, col2), rows: Math.abs(row2 - row) + 1, cols: Math.abs(col2 - col) + 1 };
}

/** `'Tổng hợp'!A1` style sheet prefix; plain when the name needs no quotes. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** `'BM03'!$E$12` or `Sheet1!A1:B2` → sheet and range. */
export function parseSheetAddress(address: string): ({ sheet: string } & RangePosition) | undefined {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return undefined;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith('=')) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const range = parseA1(address.slice(bang + 1));
  return range ? { sheet, ...range } : undefined;
}

export function absoluteA1(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

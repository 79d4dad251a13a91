/**
 * A sheet model becomes a list of write operations: whole blocks of values and formats, styles
 * grouped into rectangles. Both workbook implementations apply the same list, and the list is cut
 * into batches that stay well under Excel on the web's 5 MB per request.
 */
import { METADATA_SHEET, NUMBER_FORMATS, type CellStyle, type ChartModel, type SheetMetadata, type SheetModel, type ValidationModel } from '../../../shared/workbook';
import { buildMetadataSheet } from '../../../shared/workbook/metadata';
import { WorkbookError } from './port';

export type CellInput = string | number | boolean | null;

/** Excel's default number format: a formula written into it computes. */
export const GENERAL = 'General';

export type WriteOp =
  | { op: 'addSheet'; sheet: string; hidden: boolean; tabColor?: string }
  | { op: 'deleteSheet'; sheet: string }
  /** Data: written as values; every string into a text-formatted cell, so it can never become a formula. */
  | { op: 'values'; sheet: string; row: number; col: number; matrix: CellInput[][] }
  /** The template's own formulas (`=SUM(…)`), never user text. */
  | { op: 'formulas'; sheet: string; row: number; col: number; matrix: (string | null)[][] }
  | { op: 'numberFormat'; sheet: string; row: number; col: number; matrix: (string | null)[][] }
  | { op: 'style'; sheet: string; row: number; col: number; rows: number; cols: number; style: CellStyle }
  | { op: 'merge'; sheet: string; row: number; col: number; rows: number; cols: number }
  | { op: 'columnWidth'; sheet: string; col: number; width: number }
  | { op: 'rowHeight'; sheet: string; row: number; height: number }
  | { op: 'name'; sheet: string; name: string; row: number; col: number; rows: number; cols: number }
  | { op: 'deleteName'; name: string }
  | { op: 'validation'; sheet: string; validation: ValidationModel }
  | { op: 'freeze'; sheet: string; rows: number; cols: number }
  | ({ op: 'print'; sheet: string } & NonNullable<SheetModel['print']>)
  | { op: 'note'; sheet: string; row: number; col: number; text: string }
  | { op: 'chart'; chart: ChartModel }
  | { op: 'activate'; sheet: string }
  /** Last of a sheet's operations: once on, only unlocked cells take values. */
  | ({ op: 'protect'; sheet: string } & NonNullable<SheetModel['protect']>);

export function planSheet(model: SheetModel): WriteOp[] {
  const sheet = model.name;
  const ops: WriteOp[] = [{ op: 'addSheet', sheet, hidden: model.visibility === 'veryHidden', ...(model.tabColor ? { tabColor: model.tabColor } : {}) }];
  if (model.cells.length > 0) {
    const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
    const cols = Math.max(...model.cells.map((c) => c.col)) + 1;
    const values: CellInput[][] = Array.from({ length: rows }, () => Array<CellInput>(cols).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
    const formats: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
    const styles: (CellStyle | null)[][] = Array.from({ length: rows }, () => Array<CellStyle | null>(cols).fill(null));
    for (const c of model.cells) {
      if (c.formula !== undefined) formulas[c.row]![c.col] = `=${c.formula}`;
      else if (c.value !== undefined && c.value !== null) values[c.row]![c.col] = c.value;
      // Excel takes a string written into a text-formatted cell as text, whatever it starts with; so a
      // template's formula (Đánh giá's Đạt / Chưa đạt) goes into a cell of the General format to compute.
      const format =
        c.formula !== undefined
          ? c.numberFormat === NUMBER_FORMATS.text
            ? GENERAL
            : c.numberFormat
          : typeof c.value === 'string'
            ? NUMBER_FORMATS.text
            : c.numberFormat;
      if (format) formats[c.row]![c.col] = format;
      if (c.style) styles[c.row]![c.col] = c.style;
    }
    // Formats first, so text-formatted cells take their values as text.
    ops.push(...blocks(formats, (row, col, matrix) => ({ op: 'numberFormat' as const, sheet, row, col, matrix })));
    ops.push(...blocks(values, (row, col, matrix) => ({ op: 'values' as const, sheet, row, col, matrix })));
    ops.push(...blocks(formulas, (row, col, matrix) => ({ op: 'formulas' as const, sheet, row, col, matrix })));
    for (const r of rectangles(styles)) ops.push({ op: 'style', sheet, ...r });
  }
  model.columnWidths.forEach((width, col) => ops.push({ op: 'columnWidth', sheet, col, width }));
  for (const [row, height] of Object.entries(model.rowHeights ?? {})) ops.push({ op: 'rowHeight', sheet, row: Number(row), height });
  for (const m of model.merges) ops.push({ op: 'merge', sheet, ...m });
  for (const v of model.validations) ops.push({ op: 'validation', sheet, validation: v });
  for (const n of model.names) ops.push({ op: 'name', sheet, ...n });
  for (const c of model.cells) if (c.comment) ops.push({ op: 'note', sheet, row: c.row, col: c.col, text: c.comment });
  if (model.frozen) ops.push({ op: 'freeze', sheet, ...model.frozen });
  if (model.print) ops.push({ op: 'print', sheet, ...model.print });
  if (model.protect) ops.push({ op: 'protect', sheet, ...model.protect });
  return ops;
}

/** What a workbook holds before a write, read in one round trip. */
export interface WorkbookState {
  sheets: ReadonlySet<string>;
  /** The template metadata it records. */
  recorded: readonly SheetMetadata[];
  /** Its defined names, upper-cased (Excel's names ignore case). */
  names: ReadonlySet<string>;
}

export interface WriteRequest {
  sheets: readonly SheetModel[];
  metadata: readonly SheetMetadata[];
  charts?: readonly ChartModel[];
  replace?: boolean;
  /** Sheets to delete with their records: those of an earlier pull the new one does not rewrite. */
  remove?: readonly string[];
}

/**
 * Every operation of a write: a sheet that exists is refused, or replaced when asked; the metadata
 * sheet is rewritten with the other sheets' records kept; charts follow their sheets; the first sheet is shown.
 */
export function planWrite(state: WorkbookState, request: WriteRequest): WriteOp[] {
  const ops: WriteOp[] = [];
  const removed = (request.remove ?? []).filter((name) => state.sheets.has(name) && !request.sheets.some((s) => s.name === name));
  for (const model of request.sheets) {
    if (state.sheets.has(model.name)) {
      if (!request.replace) throw new WorkbookError(`Bảng tính đã có trang "${model.name}".`, 'sheet_exists');
      ops.push({ op: 'deleteSheet', sheet: model.name });
    }
    // A name left by an earlier copy of the sheet (now #REF!) would block the new one.
    for (const n of model.names) if (state.names.has(n.name.toUpperCase())) ops.push({ op: 'deleteName', name: n.name });
    ops.push(...planSheet(model));
  }
  // After the new sheets exist, so the workbook never runs out of visible sheets.
  for (const sheet of removed) ops.push({ op: 'deleteSheet', sheet });
  if (request.metadata.length > 0 || removed.length > 0) {
    const kept = state.recorded.filter((m) => !request.metadata.some((n) => n.sheet === m.sheet) && !removed.includes(m.sheet));
    if (state.sheets.has(METADATA_SHEET)) ops.push({ op: 'deleteSheet', sheet: METADATA_SHEET });
    ops.push(...planSheet(buildMetadataSheet([...kept, ...request.metadata])));
  }
  for (const chart of request.charts ?? []) ops.push({ op: 'chart', chart });
  const first = request.sheets[0];
  if (first) ops.push({ op: 'activate', sheet: first.name });
  return ops;
}

/** Row bands of a matrix, sized so no single operation is large; null cells are left as they are. */
function blocks<T, O>(matrix: (T | null)[][], make: (row: number, col: number, matrix: (T | null)[][]) => O, band = 200): O[] {
  const out: O[] = [];
  for (let start = 0; start < matrix.length; start += band) {
    const rows = matrix.slice(start, start + band);
    if (rows.some((r) => r.some((v) => v !== null))) out.push(make(start, 0, rows));
  }
  return out;
}

/** Cells of the same style joined into rectangles: runs along a row, then equal runs down the rows. */
export function rectangles(styles: (CellStyle | null)[][]): { row: number; col: number; rows: number; cols: number; style: CellStyle }[] {
  const open = new Map<string, { row: number; col: number; rows: number; cols: number; style: CellStyle }>();
  const done: { row: number; col: number; rows: number; cols: number; style: CellStyle }[] = [];
  styles.forEach((line, row) => {
    const runs: { col: number; cols: number; style: CellStyle }[] = [];
    for (let col = 0; col < line.length; col++) {
      const style = line[col];
      if (!style) continue;
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.col + last.cols === col) last.cols++;
      else runs.push({ col, cols: 1, style });
    }
    const next = new Map<string, { row: number; col: number; rows: number; cols: number; style: CellStyle }>();
    for (const run of runs) {
      const key = `${run.col}|${run.cols}|${run.style}`;
      const rect = open.get(key);
      if (rect && rect.row + rect.rows === row) {
        rect.rows++;
        next.set(key, rect);
        open.delete(key);
      } else next.set(key, { row, rows: 1, ...run });
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  });
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Excel on the web refuses requests over 5 MB; batches stay under this, with room for the request's own overhead. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export function opSize(op: WriteOp): number {
  // Each value travels as JSON with Office.js's own wrapping, roughly twice its JSON length.
  return JSON.stringify(op).length * 2 + 200;
}

export function batches(ops: readonly WriteOp[], limit = MAX_BATCH_BYTES): WriteOp[][] {
  const out: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    const s = opSize(op);
    if (current.length > 0 && size + s > limit) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += s;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Column widths in sheet models are in characters (as in .xlsx); Office.js takes points. */
export function columnPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

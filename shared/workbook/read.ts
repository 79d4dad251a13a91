/**
 * Reads a filled template back from a grid of values. Cells are found by their defined
 * names where the workbook has them, and by row code and column key otherwise, so the
 * task pane (names and values), the auditor's custom function (values only) and an
 * .xlsx file all give the engine the same submission.
 */
import type { ListRow, Submission } from '../submission';
import { shiftDecimal } from '../numbers/decimal';
import { listRowIds, templateCells } from '../templates/cells';
import type { IndicatorTemplate, ListTemplate, Template } from '../templates/schema';
import { ROW_CODE } from '../templates/schema';
import { a1, sheetPrefix } from './address';
import { LIST_RANGE_SUFFIX, refFromName } from './layout';
import type { SheetMetadata } from './model';
import { SIGNATURE_MARKERS } from './signature';

export type RawValue = string | number | boolean | null | undefined;

/** Values of a sheet region; `values[0][0]` sits at (originRow, originCol), 0-based. */
export interface SheetGrid {
  sheet: string;
  values: readonly (readonly RawValue[])[];
  originRow?: number;
  originCol?: number;
}

/** A workbook-level defined name, resolved to a sheet region (0-based). */
export interface NameRef {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ReadOptions {
  names?: readonly NameRef[];
  metadata?: SheetMetadata;
}

export interface ReadResult {
  submission: Submission & { values: Record<string, string | number | null> };
  /** Sheet address of a cell reference of the submission (`BM03!E12`). */
  locate: (ref: string) => string | undefined;
}

interface Located {
  row: number;
  col: number;
}

class Grid {
  readonly originRow: number;
  readonly originCol: number;
  /** The widest row's length, counted once: loops test it on every step. */
  readonly cols: number;
  constructor(readonly source: SheetGrid) {
    this.originRow = source.originRow ?? 0;
    this.originCol = source.originCol ?? 0;
    this.cols = source.values.reduce((m, r) => Math.max(m, r.length), 0);
  }
  get rows(): number {
    return this.source.values.length;
  }
  /** Absolute position → raw value. */
  at(row: number, col: number): RawValue {
    return this.source.values[row - this.originRow]?.[col - this.originCol];
  }
  text(row: number, col: number): string {
    const v = this.at(row, col);
    return v === null || v === undefined ? '' : String(v).trim();
  }
  address(row: number, col: number): string {
    return `${sheetPrefix(this.source.sheet)}${a1(row, col)}`;
  }
  *positions(): Generator<[number, number]> {
    for (let r = 0; r < this.rows; r++) {
      const line = this.source.values[r] ?? [];
      for (let c = 0; c < line.length; c++) yield [r + this.originRow, c + this.originCol];
    }
  }
}

/** A raw sheet value as the engine takes it. Percent cells hold fractions in Excel (0.7465 for 74,65%). */
function cellValue(raw: RawValue, percent: boolean): string | number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return percent ? shiftDecimal(raw, 2) : raw;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  const s = raw.trim();
  return s === '' ? null : s;
}

export function readTemplateGrid(template: Template, sheet: SheetGrid, options: ReadOptions = {}): ReadResult {
  const grid = new Grid(sheet);
  const names = (options.names ?? []).filter((n) => n.sheet === sheet.sheet);
  const meta = options.metadata;
  const header = {
    template: meta?.template ?? template.id,
    version: meta?.version ?? template.version,
    period: meta?.period ?? '',
    ...(meta?.unit ? { unit: meta.unit } : {}),
  };
  if (template.kind === 'indicator') return readIndicator(template, grid, names, header);
  return readList(template, grid, names, header);
}

type Header = Omit<Submission, 'values' | 'notes' | 'rows'>;

function readIndicator(template: IndicatorTemplate, grid: Grid, names: readonly NameRef[], header: Header): ReadResult {
  const cells = templateCells(template);
  const positions = new Map<string, Located>();
  const frame = findFrame(grid, template);
  for (const n of names) {
    const ref = refFromName(template.id, n.name);
    if (!ref || !cells.has(ref)) continue;
    // A name left behind when a tool inserted rows without moving names points at another row:
    // the row's own code decides, and the scan below finds the cell where its code now is.
    if (frame && grid.text(n.row, frame.codeCol).toUpperCase() !== ref.slice(0, ref.indexOf('.'))) continue;
    positions.set(ref, { row: n.row, col: n.col });
  }

  // Scan by row code and column key: finds cells whose names were lost and values typed where the template has no cell.
  if (frame) {
    for (let r = frame.keyRow + 1; r < grid.originRow + grid.rows; r++) {
      const code = grid.text(r, frame.codeCol).toUpperCase();
      if (!ROW_CODE.test(code)) continue;
      for (const [col, key] of frame.keys) {
        const ref = `${code}.${key}`;
        if (cells.has(ref)) {
          if (!positions.has(ref)) positions.set(ref, { row: r, col });
        } else if (cellValue(grid.at(r, col), false) !== null) {
          positions.set(ref, { row: r, col });
        }
      }
    }
  }

  const values: Record<string, string | number | null> = {};
  for (const [ref, at] of positions) {
    const info = cells.get(ref);
    const percent = info !== undefined && (info.measure === 'percent' || (info.measure === 'target' && info.row.measure === 'percent'));
    const v = cellValue(grid.at(at.row, at.col), percent);
    if (v !== null) values[ref] = v;
  }
  return {
    submission: { ...header, values, notes: {} },
    locate: (ref) => {
      const at = positions.get(ref);
      return at ? grid.address(at.row, at.col) : undefined;
    },
  };
}

/** The column holding row codes and the row holding column keys. */
function findFrame(grid: Grid, template: IndicatorTemplate): { codeCol: number; keyRow: number; keys: Map<number, string> } | undefined {
  const codes = new Set(template.rows.map((r) => r.code));
  const keys = new Set(template.columns.map((c) => c.key));
  const codeHits = new Map<number, number>();
  const keyHits = new Map<number, number>();
  for (const [r, c] of grid.positions()) {
    const t = grid.text(r, c).toUpperCase();
    if (codes.has(t)) codeHits.set(c, (codeHits.get(c) ?? 0) + 1);
    if (keys.has(t)) keyHits.set(r, (keyHits.get(r) ?? 0) + 1);
  }
  const codeCol = argmax(codeHits);
  const keyRow = argmax(keyHits);
  if (codeCol === undefined || keyRow === undefined) return undefined;
  const keyMap = new Map<number, string>();
  for (let c = grid.originCol; c < grid.originCol + grid.cols; c++) {
    const t = grid.text(keyRow, c).toUpperCase();
    if (keys.has(t)) keyMap.set(c, t);
  }
  return { codeCol, keyRow, keys: keyMap };
}

function argmax(hits: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [k, n] of hits) {
    if (n > bestCount || (n === bestCount && best !== undefined && k < best)) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}

function readList(template: ListTemplate, grid: Grid, names: readonly NameRef[], header: Header): ReadResult {
  const keys = new Set(template.listColumns.map((c) => c.key));
  const range = names.find((n) => n.name.toUpperCase() === `${template.id}_${LIST_RANGE_SUFFIX}`);

  // Column keys sit in the row above the list; without it, the template's column order.
  let keyRow: number | undefined;
  if (range) keyRow = range.row - 1;
  else {
    const hits = new Map<number, number>();
    for (const [r, c] of grid.positions()) {
      if (keys.has(grid.text(r, c).toUpperCase())) hits.set(r, (hits.get(r) ?? 0) + 1);
    }
    keyRow = argmax(hits);
  }
  const columnOf = new Map<string, number>();
  if (keyRow !== undefined) {
    for (let c = grid.originCol; c < grid.originCol + grid.cols; c++) {
      const t = grid.text(keyRow, c).toUpperCase();
      if (keys.has(t) && !columnOf.has(t)) columnOf.set(t, c);
    }
  }
  if (columnOf.size === 0 && range) template.listColumns.forEach((col, i) => columnOf.set(col.key, range.col + i));

  const firstRow = range ? range.row : (keyRow ?? grid.originRow - 1) + 1;
  const lastRow = range ? range.row + range.rows - 1 : grid.originRow + grid.rows - 1;
  const rows: ListRow[] = [];
  const sheetRows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    if (!range && [...columnOf.values()].some((c) => SIGNATURE_MARKERS.has(grid.text(r, c)))) break;
    const row: ListRow = {};
    let blank = true;
    for (const [key, col] of columnOf) {
      const v = cellValue(grid.at(r, col), false);
      row[key] = v;
      if (v !== null) blank = false;
    }
    if (blank) continue;
    rows.push(row);
    sheetRows.push(r);
  }

  // Named as the engine names them: a second row with the same code has its own cells.
  const ids = listRowIds(rows.map((row) => (row.MA === null || row.MA === undefined ? '' : String(row.MA).trim())));
  const rowOfId = new Map(ids.map((id, i) => [id, sheetRows[i]!]));
  return {
    submission: { ...header, values: {}, notes: {}, rows },
    locate: (ref) => {
      const dot = ref.lastIndexOf('.');
      const row = rowOfId.get(ref.slice(0, dot));
      const col = columnOf.get(ref.slice(dot + 1));
      return row !== undefined && col !== undefined ? grid.address(row, col) : undefined;
    },
  };
}

/**
 * A workbook held in memory, applying the same write operations as Excel. It stands in for Excel
 * where none runs (the browser tests and the demo page), and types values the way Excel does.
 */
import {
  METADATA_SHEET,
  NUMBER_FORMATS,
  STYLES,
  a1,
  parseA1,
  parseMetadata,
  parseSheetAddress,
  sheetPrefix,
  type CellStyle,
  type ChartModel,
  type NameRef,
  type SheetMetadata,
  type SheetModel,
  type ValidationModel,
} from '../../../shared/workbook';
import { evaluateFormula, FormulaError, type FormulaValue } from './formula';
import { planWrite, type CellInput, type WriteOp } from './plan';
import { HIGHLIGHT_FILL, WorkbookError, type Highlight, type Restore, type TemplateSheetRead, type WorkbookChange, type WorkbookPort, type WriteOptions } from './port';

export interface MemoryCell {
  /** What the cell holds as data (never a formula's text). */
  value: CellInput;
  /** A formula (`=SUM(E8:E10)`), which this workbook does not evaluate. */
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
  /** A fill set on top of the style (a highlight). */
  fill?: string | null;
}

export interface MemorySheet {
  name: string;
  hidden: boolean;
  tabColor?: string;
  cells: Map<string, MemoryCell>;
  merges: { row: number; col: number; rows: number; cols: number }[];
  widths: Map<number, number>;
  heights: Map<number, number>;
  validations: ValidationModel[];
  frozen?: { rows: number; cols: number };
  notes: Map<string, string>;
  /** Set once the sheet is protected: only unlocked cells take typing. */
  protect?: { insertRows: boolean };
}

const key = (row: number, col: number) => `${row},${col}`;

/** What Excel says when a locked cell of a protected sheet is typed into. */
export const PROTECTED_CELL = 'Ô này nằm trên trang được bảo vệ: chỉ nhập vào các ô màu vàng. Nhãn và công thức của mẫu không sửa được.';

/** How many rows and columns, from A1, hold a cell. */
export function usedExtent(sheet: Pick<MemorySheet, 'cells'>): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  return { rows, cols };
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets: MemorySheet[] = [];
  readonly names = new Map<string, Omit<NameRef, 'name'>>();
  readonly charts: ChartModel[] = [];
  active = '';
  selection = '';
  private readonly listeners = new Set<(what: 'content' | 'selection') => void>();
  private readonly watchers = new Set<(change: WorkbookChange) => void>();

  constructor() {
    this.addSheet('Sheet1', false);
    this.active = 'Sheet1';
  }

  onChange(listener: (what: 'content' | 'selection') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(what: 'content' | 'selection' = 'content'): void {
    for (const l of this.listeners) l(what);
  }

  /** What the user does, as Excel reports it to add-ins (its own writes and fills are not reported). */
  private userDid(change: WorkbookChange): void {
    for (const w of this.watchers) w(change);
  }

  /** The user clicking a sheet's tab. */
  activate(name: string): void {
    if (!this.sheet(name) || this.active === name) return;
    this.active = name;
    this.changed();
    this.userDid('activated');
  }

  async watch(listener: (change: WorkbookChange) => void): Promise<() => Promise<void>> {
    this.watchers.add(listener);
    return async () => void this.watchers.delete(listener);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private addSheet(name: string, hidden: boolean, tabColor?: string): MemorySheet {
    const sheet: MemorySheet = { name, hidden, ...(tabColor ? { tabColor } : {}), cells: new Map(), merges: [], widths: new Map(), heights: new Map(), validations: [], notes: new Map() };
    this.sheets.push(sheet);
    return sheet;
  }

  cell(sheet: string, row: number, col: number): MemoryCell | undefined {
    return this.sheet(sheet)?.cells.get(key(row, col));
  }

  /** What Excel shows for a cell: formulas are not evaluated here, so they read as blank. */
  value(sheet: string, row: number, col: number): string | number | boolean | null {
    const cell = this.cell(sheet, row, col);
    return !cell || cell.formula !== undefined ? null : cell.value;
  }

  /**
   * What the cell shows, its formula computed as Excel computes it (an error as its code, `#DIV/0!`); a
   * formula written into a text-formatted cell was kept as text, as Office keeps it, and shows that text.
   */
  computed(sheet: string, row: number, col: number, visiting = new Set<string>()): FormulaValue | FormulaError {
    const cell = this.cell(sheet, row, col);
    if (!cell || cell.formula === undefined) return cell?.value ?? null;
    const here = `${sheet}!${row},${col}`;
    // A circular reference: Excel warns and shows 0.
    if (visiting.has(here)) return 0;
    visiting.add(here);
    try {
      return evaluateFormula(cell.formula, (other, r, c) => this.computed(other ?? sheet, r, c, visiting));
    } finally {
      visiting.delete(here);
    }
  }

  /** The cell at (row, col), created blank when it does not exist yet. */
  private at(sheet: MemorySheet, row: number, col: number): MemoryCell {
    const k = key(row, col);
    let cell = sheet.cells.get(k);
    if (!cell) sheet.cells.set(k, (cell = { value: null }));
    return cell;
  }

  /** Lifts a sheet's protection, as Excel's Review › Unprotect Sheet does for a sheet without a password. */
  unprotect(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (sheet) delete sheet.protect;
  }

  /** Whether a clerk may type into the cell: any cell of an unprotected sheet, the unlocked ones of a protected one. */
  editable(address: string, sheetName = this.active): boolean {
    const at = parseA1(address);
    const sheet = this.sheet(sheetName);
    if (!at || !sheet) return false;
    if (!sheet.protect) return true;
    const style = sheet.cells.get(key(at.row, at.col))?.style;
    return style !== undefined && STYLES[style].locked === false;
  }

  /**
   * A clerk typing into a cell, read as Excel in Vietnamese regional settings reads it:
   * `1.683` is a number, `74,65%` a percentage (0,7465), anything else stays text.
   */
  type(address: string, text: string, sheetName = this.active): void {
    const at = parseA1(address);
    const sheet = this.sheet(sheetName);
    if (!at || !sheet) throw new WorkbookError(`Không có ô ${address}.`, 'excel');
    if (!this.editable(address, sheetName)) throw new WorkbookError(PROTECTED_CELL, 'protected');
    enter(this.at(sheet, at.row, at.col), text);
    this.changed();
    this.userDid('edited');
  }

  apply(op: WriteOp): void {
    switch (op.op) {
      case 'addSheet':
        if (this.sheet(op.sheet)) throw new WorkbookError(`Bảng tính đã có trang "${op.sheet}".`, 'sheet_exists');
        this.addSheet(op.sheet, op.hidden, op.tabColor);
        return;
      case 'deleteSheet': {
        const i = this.sheets.findIndex((s) => s.name === op.sheet);
        if (i >= 0) this.sheets.splice(i, 1);
        // Charts live on their sheet and go with it; Excel then shows another sheet.
        for (let c = this.charts.length - 1; c >= 0; c--) if (this.charts[c]!.sheet === op.sheet) this.charts.splice(c, 1);
        if (this.active === op.sheet) this.active = this.sheets.find((s) => !s.hidden)?.name ?? '';
        return;
      }
      case 'values':
      case 'formulas':
      case 'numberFormat': {
        const sheet = this.sheet(op.sheet)!;
        op.matrix.forEach((line, r) =>
          line.forEach((v, c) => {
            // A null in a matrix leaves the cell as it is, as in Office.js.
            if (v === null) return;
            const cell = this.at(sheet, op.row + r, op.col + c);
            if (op.op === 'numberFormat') cell.numberFormat = v as string;
            // Office.js reads a string written through `values` or `formulas` as typed: a text-formatted cell keeps it as text.
            else if (typeof v === 'string') enter(cell, v);
            else {
              cell.value = v;
              delete cell.formula;
            }
          }),
        );
        return;
      }
      case 'style': {
        const sheet = this.sheet(op.sheet)!;
        for (let r = op.row; r < op.row + op.rows; r++) {
          for (let c = op.col; c < op.col + op.cols; c++) this.at(sheet, r, c).style = op.style;
        }
        return;
      }
      case 'merge':
        this.sheet(op.sheet)!.merges.push({ row: op.row, col: op.col, rows: op.rows, cols: op.cols });
        return;
      case 'columnWidth':
        this.sheet(op.sheet)!.widths.set(op.col, op.width);
        return;
      case 'rowHeight':
        this.sheet(op.sheet)!.heights.set(op.row, op.height);
        return;
      case 'name':
        if (this.names.has(op.name.toUpperCase())) throw new WorkbookError(`Tên ${op.name} đã có.`, 'excel');
        this.names.set(op.name.toUpperCase(), { sheet: op.sheet, row: op.row, col: op.col, rows: op.rows, cols: op.cols });
        return;
      case 'deleteName':
        this.names.delete(op.name.toUpperCase());
        return;
      case 'validation':
        this.sheet(op.sheet)!.validations.push(op.validation);
        return;
      case 'freeze':
        this.sheet(op.sheet)!.frozen = { rows: op.rows, cols: op.cols };
        return;
      case 'print':
        return;
      case 'note':
        this.sheet(op.sheet)!.notes.set(key(op.row, op.col), op.text);
        return;
      case 'chart':
        this.charts.push(op.chart);
        return;
      case 'protect':
        this.sheet(op.sheet)!.protect = { insertRows: op.insertRows };
        return;
      case 'activate':
        this.active = op.sheet;
        return;
    }
  }

  async templateSheets(): Promise<SheetMetadata[]> {
    return parseMetadata(this.values(METADATA_SHEET));
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  /** A sheet's used range of values, from A1. */
  values(name: string): (string | number | boolean | null)[][] {
    const sheet = this.sheet(name);
    if (!sheet) return [];
    const { rows, cols } = usedExtent(sheet);
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.value(name, r, c)));
  }

  async readSheet(name = this.active): Promise<TemplateSheetRead> {
    if (!this.sheet(name)) throw new WorkbookError(`Không có trang ${name}.`, 'no_template');
    const names = [...this.names].map(([n, at]) => ({ name: n, ...at }));
    return { grid: { sheet: name, values: this.values(name) }, names, metadata: (await this.templateSheets()).find((m) => m.sheet === name) };
  }

  async writeSheets(sheets: readonly SheetModel[], metadata: readonly SheetMetadata[], charts: readonly ChartModel[] = [], options: WriteOptions = {}): Promise<void> {
    const state = { sheets: new Set(this.sheets.map((s) => s.name)), recorded: await this.templateSheets(), names: new Set(this.names.keys()) };
    for (const op of planWrite(state, { sheets, metadata, charts, ...options })) this.apply(op);
    this.changed();
  }

  async highlight(restore: readonly Restore[], marks: readonly Highlight[]): Promise<void> {
    const set = (address: string, fill: string | null, numberFormat: string | undefined) => {
      const at = parseSheetAddress(address);
      const sheet = at && this.sheet(at.sheet);
      if (!at || !sheet) return;
      const cell = this.at(sheet, at.row, at.col);
      cell.fill = fill;
      if (numberFormat) cell.numberFormat = numberFormat;
    };
    for (const r of restore) set(r.address, null, r.numberFormat);
    for (const m of marks) set(m.address, HIGHLIGHT_FILL[m.severity], m.numberFormat);
    this.changed();
  }

  async select(address: string): Promise<void> {
    const at = parseSheetAddress(address);
    if (!at) return;
    const sheetChanged = this.active !== at.sheet;
    this.active = at.sheet;
    this.selection = `${sheetPrefix(at.sheet)}${a1(at.row, at.col)}`;
    this.changed(sheetChanged ? 'content' : 'selection');
  }
}

/** Text entered into a cell, as Excel takes it: a formula, or the value `excelEntry` reads. */
function enter(cell: MemoryCell, text: string): void {
  const entry = excelEntry(text, cell.numberFormat);
  if (typeof entry === 'string' && isFormulaEntry(entry, cell.numberFormat)) {
    cell.formula = entry;
    cell.value = null;
  } else {
    cell.value = entry;
    delete cell.formula;
  }
}

/** Excel starts a formula at `=`, and at `+`, `-` or `@` followed by more than a number; a text-formatted cell takes neither. */
export function isFormulaEntry(text: string, numberFormat: string | undefined): boolean {
  if (numberFormat === NUMBER_FORMATS.text) return false;
  return /^=|^[+\-@]./.test(text);
}

/** Excel's reading of typed text under Vietnamese regional settings. */
export function excelEntry(text: string, numberFormat: string | undefined): CellInput {
  if (numberFormat === NUMBER_FORMATS.text) return text === '' ? null : text;
  const s = text.trim();
  if (s === '') return null;
  if (s.startsWith('=')) return s;
  const m = /^(-?)(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?(%?)$/.exec(s);
  if (!m) return s;
  const value = Number(`${m[1]}${m[2]!.replace(/\./g, '')}.${m[3] ?? '0'}`);
  const percentCell = numberFormat?.includes('%') ?? false;
  // A percent sign, or a number typed into a percent cell, is a fraction (Excel's automatic percent entry).
  if (m[4] === '%' || percentCell) return Number((value / 100).toPrecision(15));
  return value;
}

/**
 * A worksheet described as plain data. The add-in writes it with Office.js and the
 * command line and the worker write it as .xlsx (xlsx/write.ts), so both produce the same sheet.
 */
import type { UnitKind } from '../templates/schema';

/** Semantic styles; each writer turns them into fonts, fills and borders (see styles.ts). */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'meta'
  | 'titleWrapped'
  | 'subtitleWrapped'
  | 'metaWrapped'
  | 'instruction'
  | 'header'
  | 'key'
  | 'index'
  | 'code'
  | 'label0'
  | 'label1'
  | 'label2'
  | 'unit'
  | 'input'
  | 'inputText'
  | 'derived'
  | 'unused'
  | 'total'
  | 'totalLabel'
  | 'signature'
  | 'signatureHint'
  | 'plain'
  | 'good'
  | 'bad'
  | 'group'
  | 'unitName0'
  | 'unitName1'
  | 'value'
  | 'valueBold'
  | 'muted';

export interface CellModel {
  /** 0-based. */
  row: number;
  col: number;
  value?: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
  /** A comment the clerk sees on hover (the row's hint). */
  comment?: string;
}

export type ValidationModel =
  | { kind: 'list'; row: number; col: number; rows: number; cols: number; items: string[]; strict: boolean; prompt?: string }
  | { kind: 'whole' | 'decimal'; row: number; col: number; rows: number; cols: number; min: number; max?: number; prompt?: string };

export interface DefinedNameModel {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SheetModel {
  name: string;
  cells: CellModel[];
  merges: { row: number; col: number; rows: number; cols: number }[];
  columnWidths: number[];
  rowHeights?: Record<number, number>;
  names: DefinedNameModel[];
  validations: ValidationModel[];
  frozen?: { rows: number; cols: number };
  /**
   * Printing: A4, landscape or not; either fitted to the page width, or (a sheet too wide to read
   * fitted) at `scale` percent with a page break after each column of `columnBreaks`, the
   * `titleCols` repeated on every band.
   */
  print?: {
    landscape: boolean;
    fitToWidth: boolean;
    scale?: number;
    columnBreaks?: number[];
    /** A page break after each of these rows: the signature block kept on the page of the table's last row. */
    rowBreaks?: number[];
    titleRows?: { first: number; last: number };
    titleCols?: { first: number; last: number };
  };
  /**
   * A filled template guards its labels and formulas: only cells whose style leaves them unlocked
   * (the yellow inputs) take typing; formats stay open, so the pane can colour issues. No password:
   * the guard is against slips, and a clerk who must can lift it from Excel's Review tab.
   */
  protect?: { insertRows: boolean };
  visibility?: 'visible' | 'veryHidden';
  tabColor?: string;
}

/** What identifies a template sheet: stored in the workbook so it is recognised when opened again. */
export interface SheetMetadata {
  sheet: string;
  template: string;
  version: string;
  unit?: string;
  unitName?: string;
  unitKind?: UnitKind;
  period?: string;
}

/** A native chart over a block of a sheet (header row and label column included). */
export interface ChartModel {
  sheet: string;
  kind: 'barClustered' | 'columnClustered' | 'columnStacked';
  title: string;
  source: { row: number; col: number; rows: number; cols: number };
  /** Top-left cell the chart is placed at, and its size in points. */
  anchor: { row: number; col: number };
  width: number;
  height: number;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  metadata: SheetMetadata[];
  /** Workbook-level properties (title, subject) for the file. */
  title: string;
  /** Charts the add-in draws with Excel; .xlsx files leave them out. */
  charts?: ChartModel[];
}

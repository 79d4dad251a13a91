/**
 * Everything the add-in asks of Excel, behind one small interface. The Office.js implementation
 * is the only code that calls Excel.run; an in-memory one stands in for Excel in the browser tests.
 */
import type { ChartModel, NameRef, SheetGrid, SheetMetadata, SheetModel } from '../../../shared/workbook';

export interface TemplateSheetRead {
  grid: SheetGrid;
  names: NameRef[];
  metadata: SheetMetadata | undefined;
}

export interface Highlight {
  /** Sheet-qualified address (`'BM03'!E7`). */
  address: string;
  severity: 'error' | 'warning';
  /** A number format showing the value as written, where the template's would round it (`1.200,5` shown as 1.201). */
  numberFormat?: string;
}

export interface Restore {
  address: string;
  /** Fill the cell has in the template, `RRGGBB`, or null for none. */
  fill: string | null;
  /** The template's number format, put back where a mark had widened it. */
  numberFormat?: string;
}

/** What happened in the workbook that the pane follows: another sheet activated, or cells edited. */
export type WorkbookChange = 'activated' | 'edited';

export interface WorkbookPort {
  /** Template sheets the workbook says it holds (from its metadata sheet). */
  templateSheets(): Promise<SheetMetadata[]>;
  /** The active sheet's name. */
  activeSheet(): Promise<string>;
  /** The names of every sheet, hidden ones too. */
  sheetNames(): Promise<string[]>;
  /** A sheet's values, the workbook's names and the sheet's metadata, in one round trip to Excel. */
  readSheet(sheet?: string): Promise<TemplateSheetRead>;
  /**
   * Adds sheets (and charts), recording template metadata; refuses a name that exists unless `replace`,
   * and deletes the sheets named in `remove` (with their records) in the same write.
   */
  writeSheets(sheets: readonly SheetModel[], metadata: readonly SheetMetadata[], charts?: readonly ChartModel[], options?: WriteOptions): Promise<void>;
  /** Puts cells back to their template fills, then marks the issues; both in one round trip. */
  highlight(restore: readonly Restore[], marks: readonly Highlight[]): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(address: string): Promise<void>;
  /** Calls `listener` when the user activates another sheet or edits cells; resolves to the way to stop. */
  watch(listener: (change: WorkbookChange) => void): Promise<() => Promise<void>>;
}

export interface WriteOptions {
  replace?: boolean;
  remove?: readonly string[];
}

export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: 'sheet_exists' | 'no_template' | 'protected' | 'excel',
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** Fills for highlighted cells. */
export const HIGHLIGHT_FILL = { error: 'F4B6B6', warning: 'FFE08A' } as const;

/** What every consolidated sheet shares: its header lines, signature, value formats, status words. */
import type { Consolidation, ReviewStatus } from '../../consolidation';
import type { Coordinator } from '../../registry/coordinator';
import { shiftDecimal } from '../../numbers/decimal';
import type { Lang } from '../../i18n';
import { periodLabel, type Period } from '../../periods';
import type { Measure } from '../../templates/schema';
import type { CellModel, SheetModel } from '../model';
import { signatureBlock } from '../signature';
import { NUMBER_FORMATS, PRINT_MARGINS, STYLES } from '../styles';
import { SHEET_WORDS } from '../words';
import { columnTextPoints, surelyFits, textPoints, widthForPoints, wrappedLines, type FontFace } from '../text-width';

export interface ConsolidatedInput {
  province: string;
  period: Period;
  /** ISO time the figures were read. */
  generatedAt: string;
  /** The validation engine that checked the figures; not printed (see headerLines). */
  engineVersion: string;
  consolidations: readonly Consolidation[];
  lang?: Lang;
  /**
   * The coordinator in force on the day the workbook is made, who sends it as the annex of its
   * report; without it, the period's coordinator.
   */
  issuer?: Coordinator | null;
  /** The figures are illustrative (the demo): every sheet's title says so. */
  illustrative?: boolean;
}

/** Title, the annex line, province and period, when made: then a blank row, then the table. */
export const HEADER_ROWS = 5;

/** The code column of the provincial total row, where unit rows carry the unit's code. */
export const PROVINCE_ROW_CODE: Record<Lang, string> = { vi: SHEET_WORDS.vi.provinceRowCode, en: SHEET_WORDS.en.provinceRowCode };

/**
 * The heading of a sheet printed as an annex of the report: its title, "(Phụ lục kèm theo Báo cáo số …/BC-…
 * ngày … của …)" for the clerk to complete, the province, period and coordinator, and when it was
 * made with how (`extra`). Nothing internal is printed: the engine's version is said by the JSON
 * consolidation and the receipts, not on an annex a ministry reads.
 */
export function headerLines(title: string, input: ConsolidatedInput, extra?: string): CellModel[] {
  const w = SHEET_WORDS[input.lang ?? 'vi'];
  const period = `${periodLabel(input.period, input.lang ?? 'vi')} (${input.period.code})`;
  const coordinator = input.consolidations.find((c) => c.structure.coordinator)?.structure.coordinator;
  const issuer = input.issuer ?? coordinator;
  return [
    { row: 0, col: 0, value: input.illustrative ? `${title} — ${w.illustrative}` : title, style: 'title' },
    { row: 1, col: 0, value: w.annexOf(issuer?.code ?? '', issuer?.name ?? '', Number(input.generatedAt.slice(0, 4))), style: 'meta' },
    { row: 2, col: 0, value: w.provinceLine(input.province, period) + (coordinator ? w.coordinatorLine(coordinator.name) : ''), style: 'subtitle' },
    { row: 3, col: 0, value: w.madeAt(formatTime(input.generatedAt)) + (extra ? ` · ${extra}` : ''), style: 'meta' },
  ];
}

/** Rows the signature block takes, after one blank row under the table. */
export const SIGNATURE_ROWS = 4;

/**
 * The signature block under a sheet's last row (`after`): who prepared it on the left, the head who
 * signs on the right, both within the printed width of the sheet's first page.
 */
/** A table with nothing to list says so in one bordered line across its `cols` columns, at `row`. */
export function noneLine(row: number, text: string, cols: number): { cells: CellModel[]; merge: SheetModel['merges'][number] } {
  const cells: CellModel[] = [{ row, col: 0, value: text, style: 'plain' }];
  for (let col = 1; col < cols; col++) cells.push({ row, col, style: 'plain' });
  return { cells, merge: { row, col: 0, rows: 1, cols } };
}

export function signatureUnder(after: number, leftCol: number, rightCol: number, lang: Lang): CellModel[] {
  return signatureBlock(after + 2, leftCol, rightCol, lang);
}

/** Points per line of 11 pt text (Times New Roman's line with Vietnamese marks above and below). */
const LINE_POINTS = 15;

/** The face a style prints in. */
function faceOf(style: CellModel['style']): FontFace {
  const spec = style ? STYLES[style] : undefined;
  return { bold: spec?.bold ?? false, italic: spec?.italic ?? false };
}

/** Lines `text` takes in a column `width` characters wide, at `points`, in `face` (regular by default). */
export function linesIn(text: string, width: number, points = 11, face: FontFace = {}): number {
  return wrappedLines(text, columnTextPoints(width), points, face);
}

/** The gap under the heading lines, and what a one-line row needs less than rowPointsFor(1) (its line without the spacing between lines). */
const GAP_POINTS = 6;
const ONE_LINE_TRIM = 3;

/** Points a row of `lines` lines of `points`-point text needs. */
export function rowPointsFor(lines: number, points = 11): number {
  return Math.ceil((LINE_POINTS * points * lines) / 11) + 2;
}

/** The width of the cell at (row, col), in characters: its column's, or its merged range's. */
export function cellWidth(sheet: Pick<SheetModel, 'columnWidths' | 'merges'>, row: number, col: number): number {
  const merge = sheet.merges.find((m) => m.row <= row && row < m.row + m.rows && m.col === col);
  const cols = merge ? merge.cols : 1;
  let width = 0;
  for (let c = col; c < col + cols; c++) width += sheet.columnWidths[c] ?? 9;
  return width;
}

/** Numbers as the sheets' formats write them (made once: a formatter per call costs more than the rest of the workbook). */
const NUMBER_TEXT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const PERCENT_TEXT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The text a cell shows: its string, or its number as the sheet's format writes it (a little wide). */
function shownText(cell: CellModel): string | null {
  if (typeof cell.value === 'string') return cell.value;
  if (typeof cell.value !== 'number') return null;
  return cell.numberFormat?.includes('%') ? `${PERCENT_TEXT.format(cell.value * 100)}%` : NUMBER_TEXT.format(cell.value);
}

/**
 * Column widths fitted to the table's own content, column by column, so a column added to a sheet
 * fits as well: a cell that does not wrap (codes, figures, statuses) holds its text on one line, and
 * a wrapping cell (names, headers) holds its longest word, so no code or word is ever cut across
 * lines. Widths only grow; the heading lines above the table and cells merged across columns are
 * left to their merged width.
 */
export function fitColumnWidths(sheet: Pick<SheetModel, 'cells' | 'merges' | 'columnWidths'> & Partial<Pick<SheetModel, 'rowHeights'>>): number[] {
  const widths = [...sheet.columnWidths];
  const merged = new Set<number>();
  for (const m of sheet.merges.filter((m) => m.cols > 1)) for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) merged.add(r * COLUMN_KEYS + c);
  for (const cell of sheet.cells) {
    if (cell.row < HEADER_ROWS || !cell.style || !STYLES[cell.style].border || merged.has(cell.row * COLUMN_KEYS + cell.col)) continue;
    const text = shownText(cell);
    if (!text) continue;
    const spec = STYLES[cell.style];
    const size = spec.size ?? 11;
    // Most cells are short: they hold in their column whatever their letters.
    if (cell.style !== 'header' && surelyFits(text, columnTextPoints(widths[cell.col] ?? 9) - (spec.indent ?? 0) * 3 * size, size)) continue;
    const parts = spec.wrap ? text.split(/[\s]+/) : text.split('\n');
    // An indent is three spaces' width a level in Excel.
    const indent = (spec.indent ?? 0) * 3 * textPoints(' ', size);
    const needed = Math.max(...parts.map((part) => textPoints(part, size, faceOf(cell.style)))) + indent;
    let width = widthForPoints(needed);
    // A column header takes the lines its row is given, or two: a third would make the header as tall as three rows on every page.
    const given = sheet.rowHeights?.[cell.row];
    const lines = given ? Math.max(1, Math.floor((given - 2) / LINE_POINTS)) : 2;
    if (cell.style === 'header') while (width < MAX_HEADER_WIDTH && wrappedLines(text, columnTextPoints(Math.max(width, widths[cell.col] ?? 9)), size, faceOf(cell.style)) > lines) width += 0.5;
    if ((widths[cell.col] ?? 9) < width) widths[cell.col] = width;
  }
  return widths;
}

/** The width a heading line prints in: its merged block, or, not merged, every column to its right (it runs over the empty cells). */
function headingWidth(sheet: Pick<SheetModel, 'columnWidths' | 'merges'>, row: number, col: number): number {
  if (sheet.merges.some((m) => m.row <= row && row < m.row + m.rows && m.col === col)) return cellWidth(sheet, row, col);
  return sheet.columnWidths.slice(col).reduce((a, w) => a + w, 0);
}

/** A cell's key in a set of cells: row and column in one number (Excel has 16,384 columns). */
const COLUMN_KEYS = 16_384;

/** The widest a column grows to keep its header within two lines. */
const MAX_HEADER_WIDTH = 30;

/**
 * A sheet with its columns fitted to their content (fitColumnWidths). A table narrower than its title
 * widens its widest column until the title holds on one line over it: a title wrapped in a narrow
 * block prints its second line into its first. Sheets printed in bands keep their title over the
 * repeated columns.
 */
export function fitColumns(sheet: SheetModel): SheetModel {
  const widths = fitColumnWidths(sheet);
  const title = sheet.cells.find((c) => c.row === 0 && c.col === 0 && typeof c.value === 'string' && c.style === 'title');
  if (title && !sheet.print?.titleCols) {
    const needed = widthForPoints(textPoints(String(title.value), STYLES.title.size ?? 14, faceOf('title')));
    const total = widths.reduce((a, w) => a + w, 0);
    if (total < needed) {
      const widest = widths.indexOf(Math.max(...widths));
      widths[widest] = widths[widest]! + Math.ceil(needed - total);
    }
  }
  return { ...sheet, columnWidths: widths };
}

/** The heading styles that wrap, for a heading line wider than the block it sits in. */
export const WRAPPED_HEADING: Partial<Record<NonNullable<CellModel['style']>, NonNullable<CellModel['style']>>> = {
  title: 'titleWrapped',
  subtitle: 'subtitleWrapped',
  meta: 'metaWrapped',
};

/**
 * Heights for the rows whose wrapped cells need more than one line: neither Excel nor the writers
 * size a wrapped row on their own, and a row too low hides text. A heading line wider than its block
 * wraps within it rather than being cut at the block's edge. Rows given a height keep the larger.
 */
export function fitWrappedRows(sheet: SheetModel): SheetModel {
  const heights: Record<number, number> = { ...sheet.rowHeights };
  const merges = [...sheet.merges];
  const cells = sheet.cells.map((cell) => {
    const wrapped = cell.style && WRAPPED_HEADING[cell.style];
    if (cell.row >= HEADER_ROWS || typeof cell.value !== 'string' || !wrapped) return cell;
    const size = STYLES[cell.style!].size ?? 11;
    if (linesIn(cell.value, headingWidth(sheet, cell.row, cell.col), size, faceOf(cell.style)) < 2) return cell;
    // Wrapped, it needs a block to wrap in: the table's width, where it is not merged already.
    if (!merges.some((m) => m.row <= cell.row && cell.row < m.row + m.rows && m.col === cell.col)) merges.push({ row: cell.row, col: cell.col, rows: 1, cols: Math.max(1, sheet.columnWidths.length - cell.col) });
    return { ...cell, style: wrapped };
  });
  const fitted = { ...sheet, merges };
  // The blank row between the heading and the table is a gap, not a line of text.
  if (!cells.some((c) => c.row === HEADER_ROWS - 1) && heights[HEADER_ROWS - 1] === undefined) heights[HEADER_ROWS - 1] = GAP_POINTS;
  for (const cell of cells) {
    // A row of the table one line high is as high as a line, in Excel and LibreOffice alike.
    if (cell.row >= HEADER_ROWS && cell.style && STYLES[cell.style].border && heights[cell.row] === undefined) heights[cell.row] = rowPointsFor(1, STYLES[cell.style].size) - ONE_LINE_TRIM;
  }
  const mergedWidth = new Map<number, number>();
  for (const m of merges) for (let r = m.row; r < m.row + m.rows; r++) mergedWidth.set(r * COLUMN_KEYS + m.col, cellWidth(fitted, r, m.col));
  for (const cell of cells) {
    if (typeof cell.value !== 'string' || !cell.style || !STYLES[cell.style].wrap) continue;
    const { size } = STYLES[cell.style];
    const width = mergedWidth.get(cell.row * COLUMN_KEYS + cell.col) ?? fitted.columnWidths[cell.col] ?? 9;
    const lines = linesIn(cell.value, width, size, faceOf(cell.style));
    if (lines < 2 && (size ?? 11) <= 11) continue;
    const points = rowPointsFor(lines, size);
    if ((heights[cell.row] ?? 0) < points) heights[cell.row] = points;
  }
  return { ...fitted, cells, rowHeights: heights };
}

/**
 * Points of A4 landscape between the margins, and the points a column `w` characters wide takes: the
 * wider of Excel (5.25 pt a character) and LibreOffice (the digit of Times New Roman, 5.5 pt), so a band
 * fits its page in both.
 */
const PAGE_POINTS = 842 - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72;
const columnPoints = (w: number) => w * 5.5;
/** Below this, fitted text is too small to read on paper: the sheet prints in bands instead. */
const MIN_READABLE_SCALE = 60;

/**
 * Print settings every consolidated sheet shares: A4 landscape, its heading lines and column headers
 * (rows 0 to `lastTitleRow`) repeated on every page, fitted to the page width. A sheet too wide to be
 * read so (`columnWidths` given) prints at a readable scale in bands of columns instead, as DIC would
 * lay it out by hand, with its first `repeatCols` columns (the unit) on every band.
 */
export function printLayout(lastTitleRow: number, wide?: { columnWidths: readonly number[]; repeatCols: number }): NonNullable<SheetModel['print']> {
  const titleRows = { first: 0, last: lastTitleRow };
  if (!wide || !isBanded(wide.columnWidths)) return { landscape: true, fitToWidth: true, titleRows };
  const page = (PAGE_POINTS * 100) / MIN_READABLE_SCALE;
  const repeated = wide.columnWidths.slice(0, wide.repeatCols).reduce((a, w) => a + columnPoints(w), 0);
  const columnBreaks: number[] = [];
  let used = repeated;
  wide.columnWidths.forEach((w, col) => {
    if (col < wide.repeatCols) return;
    if (used + columnPoints(w) > page && used > repeated) {
      columnBreaks.push(col - 1);
      used = repeated;
    }
    used += columnPoints(w);
  });
  return { landscape: true, fitToWidth: false, scale: MIN_READABLE_SCALE, columnBreaks, titleRows, titleCols: { first: 0, last: wide.repeatCols - 1 } };
}

/** Points of A4 landscape between the top and bottom margins. */
const PAGE_HEIGHT_POINTS = 595 - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72;
/** The foot of a page where a renderer laying rows a little taller than asked could push a line over. */
const PAGE_SLACK = 0.06;

/**
 * The signature block kept with the table's last row: where the rows, as high as they are asked to
 * be at the sheet's print scale, would put the block (or part of it) on a page of its own, a page
 * break before the last row carries both to the next page. Spreadsheets have no "keep with next".
 */
export function keepSignatureWithTable(sheet: SheetModel): SheetModel {
  const print = sheet.print;
  const signatureRows = sheet.cells.filter((c) => c.style === 'signature' || c.style === 'signatureHint').map((c) => c.row);
  if (!print?.titleRows || signatureRows.length === 0) return sheet;
  const first = Math.min(...signatureRows);
  const last = Math.max(...signatureRows);
  const lastTableRow = first - 2;
  const tableWidth = sheet.columnWidths.reduce((a, w) => a + columnPoints(w), 0);
  const scale = print.fitToWidth ? Math.min(1, PAGE_POINTS / tableWidth) : (print.scale ?? 100) / 100;
  const height = (row: number) => sheet.rowHeights?.[row] ?? LINE_POINTS;
  let titles = 0;
  for (let r = print.titleRows.first; r <= print.titleRows.last; r++) titles += height(r);
  const room = PAGE_HEIGHT_POINTS / scale - titles;
  // Lay the rows under the titles page by page; note the page of the last row and where the block ends.
  let page = 0;
  let used = 0;
  let lastRowPage = 0;
  for (let r = print.titleRows.last + 1; r <= last; r++) {
    if (used + height(r) > room && used > 0) {
      page++;
      used = 0;
    }
    used += height(r);
    if (r === lastTableRow) lastRowPage = page;
  }
  // Kept together, and not so near the page's foot that a renderer's rounding pushes its last line over.
  if ((page === lastRowPage && used <= room * (1 - PAGE_SLACK)) || lastTableRow <= print.titleRows.last + 1) return sheet;
  return { ...sheet, print: { ...print, rowBreaks: [lastTableRow - 1] } };
}

/** Whether a sheet of these columns fitted to one page width would print too small to read. */
export function isBanded(columnWidths: readonly number[]): boolean {
  const total = columnWidths.reduce((a, w) => a + columnPoints(w), 0);
  return (PAGE_POINTS / total) * 100 < MIN_READABLE_SCALE;
}

/** `2024-06-20T03:00:00Z` → `20/06/2024 10:00` in Viet Nam time. */
export function formatTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export function statusWord(status: ReviewStatus | null, lang: Lang): string {
  return SHEET_WORDS[lang].status[status ?? 'missing'];
}

export function kindWord(kind: 'department' | 'district' | 'commune', lang: Lang): string {
  return SHEET_WORDS[lang].kind[kind];
}

/** A figure as a sheet holds it: percentages as fractions under a percent format. */
export function valueCell(row: number, col: number, value: number | string | null | undefined, measure: Measure, style: CellModel['style'] = 'value'): CellModel {
  if (value === null || value === undefined) return { row, col, style };
  if (typeof value === 'string') return { row, col, value, style: style === 'valueBold' ? 'unitName0' : 'plain', numberFormat: NUMBER_FORMATS.text };
  const format =
    measure === 'percent' ? NUMBER_FORMATS.percent : measure === 'money' ? NUMBER_FORMATS.money : measure === 'score' ? NUMBER_FORMATS.score : NUMBER_FORMATS.count;
  return { row, col, value: measure === 'percent' ? shiftDecimal(value, -2) : value, numberFormat: format, style };
}

export function sheetNameFor(templateId: string): string {
  return `TH_${templateId}`;
}

/** What every consolidated sheet shares: its header lines, signature, value formats, status words. */
import type { Consolidation, ReviewStatus } from '../../consolidation';
import type { Coordinator } from '../../registry/coordinator';
import { shiftDecimal } from '../../numbers/decimal';
import type { Lang } from '../../i18n';
import { periodLabel, type Period } from '../../periods';
import type { Measure } from '../../templates/schema';
import type { CellModel, SheetModel } from '../model';
import { signatureBlock } from '../signature';
import { NUMBER_FORMATS, STYLES } from '../styles';
import { SHEET_WORDS } from '../words';

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
    { row: 0, col: 0, value: title, style: 'title' },
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
export function signatureUnder(after: number, leftCol: number, rightCol: number, lang: Lang): CellModel[] {
  return signatureBlock(after + 2, leftCol, rightCol, lang);
}

/** Points per line of 11 pt text, and characters a column of width w holds per line (a little under w, bold and wide letters included). */
const LINE_POINTS = 15;
const CHARS_PER_WIDTH = 1.05;

/** Capital letters are wider than the others: a line of them holds fewer. */
const CAPITAL_WIDTH = 1.3;

/** How wide `text` is, in characters of an ordinary lowercase width. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch !== ch.toLocaleLowerCase('vi') ? CAPITAL_WIDTH : 1;
  return width;
}

/** Lines `text` takes in a column `width` characters wide, at `points`. */
export function linesIn(text: string, width: number, points = 11): number {
  const perLine = Math.max(1, (width * CHARS_PER_WIDTH * 11) / points - 1);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / perLine)), 0);
}

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

/**
 * Heights for the rows whose wrapped cells need more than one line: neither Excel nor the writers
 * size a wrapped row on their own, and a row too low hides text. Rows given a height keep the larger.
 */
export function fitWrappedRows(sheet: SheetModel): SheetModel {
  const heights: Record<number, number> = { ...sheet.rowHeights };
  for (const cell of sheet.cells) {
    if (typeof cell.value !== 'string' || !cell.style || !STYLES[cell.style].wrap) continue;
    const { size } = STYLES[cell.style];
    const lines = linesIn(cell.value, cellWidth(sheet, cell.row, cell.col), size);
    if (lines < 2 && (size ?? 11) <= 11) continue;
    const points = rowPointsFor(lines, size);
    if ((heights[cell.row] ?? 0) < points) heights[cell.row] = points;
  }
  return { ...sheet, rowHeights: heights };
}

/** Points of A4 landscape between the margins, and the points a column `w` characters wide takes. */
const PAGE_POINTS = 770;
const columnPoints = (w: number) => w * 5.25 + 3.75;
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

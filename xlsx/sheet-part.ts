/**
 * One worksheet's XML from its model. Text is always a shared string (never a formula, whatever it
 * starts with); only the model's own formulas are written as formulas.
 */
import { PRINT_MARGINS, a1, a1Range, columnLetters, validationAlert, type CellModel, type SheetModel, type ValidationModel } from '../shared/workbook';
import type { StyleBook } from './styles-part';
import { XML_HEADER, escapeXml, tag } from './xml-text';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  toXml(): string {
    const items = [...this.index.keys()].map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    return `${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

function cellXml(cell: CellModel, styles: StyleBook, strings: SharedStrings): string {
  const r = a1(cell.row, cell.col);
  const s = styles.xf(cell.style, cell.numberFormat) || undefined;
  // A formula is saved with an empty result: Excel calculates every formula when the file opens.
  if (cell.formula !== undefined) return `${tag('c', { r, s, t: 'str' }, false)}<f>${escapeXml(cell.formula)}</f><v></v></c>`;
  const value = cell.value;
  if (value === undefined || value === null) return tag('c', { r, s });
  if (typeof value === 'string') return `${tag('c', { r, s, t: 's' }, false)}<v>${strings.add(value)}</v></c>`;
  if (typeof value === 'boolean') return `${tag('c', { r, s, t: 'b' }, false)}<v>${value ? 1 : 0}</v></c>`;
  if (!Number.isFinite(value)) return `${tag('c', { r, s, t: 'e' }, false)}<v>#NUM!</v></c>`;
  return `${tag('c', { r, s }, false)}<v>${value}</v></c>`;
}

function validationXml(v: ValidationModel): string {
  const alert = validationAlert(v);
  const sqref = a1Range(v.row, v.col, v.rows, v.cols);
  const common = {
    errorStyle: alert.style,
    allowBlank: 1,
    showInputMessage: v.prompt ? 1 : undefined,
    showErrorMessage: 1,
    errorTitle: alert.title,
    error: alert.message,
    prompt: v.prompt,
    sqref,
  };
  if (v.kind === 'list') {
    return `${tag('dataValidation', { type: 'list', ...common }, false)}<formula1>${escapeXml(`"${v.items.join(',')}"`)}</formula1></dataValidation>`;
  }
  const between = v.max !== undefined;
  return (
    tag('dataValidation', { type: v.kind, operator: between ? 'between' : 'greaterThanOrEqual', ...common }, false) +
    `<formula1>${v.min}</formula1>${between ? `<formula2>${v.max}</formula2>` : ''}</dataValidation>`
  );
}

function paneXml(frozen: NonNullable<SheetModel['frozen']>): string {
  const { rows, cols } = frozen;
  if (rows === 0 && cols === 0) return '';
  const activePane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return tag('pane', { xSplit: cols || undefined, ySplit: rows || undefined, topLeftCell: a1(rows, cols), activePane, state: 'frozen' });
}

export interface SheetPartOptions {
  selected: boolean;
  /** The relationship id of the sheet's comments drawing, when it has comments. */
  legacyDrawing?: string;
}

export function sheetXml(sheet: SheetModel, styles: StyleBook, strings: SharedStrings, options: SheetPartOptions): string {
  const rows = new Map<number, CellModel[]>();
  let lastRow = 0;
  let lastCol = 0;
  for (const cell of sheet.cells) {
    let line = rows.get(cell.row);
    if (!line) rows.set(cell.row, (line = []));
    line.push(cell);
    lastRow = Math.max(lastRow, cell.row);
    lastCol = Math.max(lastCol, cell.col);
  }
  const heights = sheet.rowHeights ?? {};
  const rowNumbers = [...new Set([...rows.keys(), ...Object.keys(heights).map(Number)])].sort((a, b) => a - b);

  const out: string[] = [XML_HEADER];
  out.push('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
  const fitToPage = sheet.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '';
  const tabColor = sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor}"/>` : '';
  if (fitToPage || tabColor) out.push(`<sheetPr>${tabColor}${fitToPage}</sheetPr>`);
  out.push(tag('dimension', { ref: a1Range(0, 0, lastRow + 1, lastCol + 1) }));
  const showGridLines = sheet.visibility === 'veryHidden' ? undefined : 0;
  const pane = sheet.frozen ? paneXml(sheet.frozen) : '';
  out.push(`<sheetViews>${tag('sheetView', { showGridLines, tabSelected: options.selected ? 1 : undefined, workbookViewId: 0 }, !pane)}${pane ? `${pane}</sheetView>` : ''}</sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths.length > 0) {
    out.push('<cols>');
    sheet.columnWidths.forEach((width, i) => out.push(tag('col', { min: i + 1, max: i + 1, width, customWidth: 1 })));
    out.push('</cols>');
  }
  out.push('<sheetData>');
  for (const r of rowNumbers) {
    const height = heights[r];
    const cells = (rows.get(r) ?? []).sort((a, b) => a.col - b.col);
    out.push(tag('row', { r: r + 1, ht: height, customHeight: height === undefined ? undefined : 1 }, false));
    for (const cell of cells) out.push(cellXml(cell, styles, strings));
    out.push('</row>');
  }
  out.push('</sheetData>');
  // In sheetProtection a true attribute forbids the action: formats stay allowed, as the add-in sets them.
  if (sheet.protect) {
    out.push(tag('sheetProtection', { sheet: 1, objects: 1, scenarios: 1, formatCells: 0, formatColumns: 0, formatRows: 0, insertRows: sheet.protect.insertRows ? 0 : 1, autoFilter: 0 }));
  }
  if (sheet.merges.length > 0) {
    out.push(`<mergeCells count="${sheet.merges.length}">`);
    for (const m of sheet.merges) out.push(tag('mergeCell', { ref: a1Range(m.row, m.col, m.rows, m.cols) }));
    out.push('</mergeCells>');
  }
  if (sheet.validations.length > 0) out.push(`<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join('')}</dataValidations>`);
  out.push(tag('pageMargins', { ...PRINT_MARGINS }));
  if (sheet.print) {
    out.push(
      tag('pageSetup', {
        paperSize: 9, // A4
        orientation: sheet.print.landscape ? 'landscape' : 'portrait',
        scale: sheet.print.fitToWidth ? undefined : sheet.print.scale,
        fitToWidth: sheet.print.fitToWidth ? 1 : undefined,
        fitToHeight: sheet.print.fitToWidth ? 0 : undefined,
      }),
    );

    out.push(`<headerFooter><oddFooter>${escapeXml('&R&8Trang &P/&N')}</oddFooter></headerFooter>`);
    const rowBreaks = sheet.print.rowBreaks ?? [];
    if (rowBreaks.length > 0) {
      // A break after row r (0-based) is a break before row r + 1, as SpreadsheetML counts it.
      out.push(`<rowBreaks count="${rowBreaks.length}" manualBreakCount="${rowBreaks.length}">${rowBreaks.map((r) => tag('brk', { id: r + 1, max: 16383, man: 1 })).join('')}</rowBreaks>`);
    }
    const breaks = sheet.print.columnBreaks ?? [];
    if (breaks.length > 0) {
      // A break after column c (0-based) is a break before column c + 1, as SpreadsheetML counts it.
      out.push(`<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((c) => tag('brk', { id: c + 1, max: 1048575, man: 1 })).join('')}</colBreaks>`);
    }
  }
  if (options.legacyDrawing) out.push(tag('legacyDrawing', { 'r:id': options.legacyDrawing }));
  out.push('</worksheet>');
  return out.join('');
}

/** `'Tổng hợp'!$A:$B,'Tổng hợp'!$5:$6`: the rows and columns printed on every page. */
export function printTitles(sheet: SheetModel): string | undefined {
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  const parts: string[] = [];
  const cols = sheet.print?.titleCols;
  const rows = sheet.print?.titleRows;
  if (cols) parts.push(`${quoted}!$${columnLetters(cols.first)}:$${columnLetters(cols.last)}`);
  if (rows) parts.push(`${quoted}!$${rows.first + 1}:$${rows.last + 1}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}

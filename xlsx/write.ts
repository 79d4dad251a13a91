/** Writes a workbook model (shared/workbook) to .xlsx bytes with exceljs. */
import ExcelJS from 'exceljs';
import {
  BORDER_COLOR,
  FONT_NAME,
  FONT_SIZE,
  STYLES,
  a1,
  absoluteA1,
  columnLetters,
  validationAlert,
  type CellModel,
  type SheetModel,
  type WorkbookModel,
} from '../shared/workbook';

const THIN = { style: 'thin' as const, color: { argb: `FF${BORDER_COLOR}` } };

function applyStyle(cell: ExcelJS.Cell, model: CellModel): void {
  if (model.numberFormat) cell.numFmt = model.numberFormat;
  const spec = model.style ? STYLES[model.style] : undefined;
  if (!spec) return;
  cell.font = {
    name: FONT_NAME,
    size: spec.size ?? FONT_SIZE,
    ...(spec.bold ? { bold: true } : {}),
    ...(spec.italic ? { italic: true } : {}),
    ...(spec.color ? { color: { argb: `FF${spec.color}` } } : {}),
  };
  if (spec.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${spec.fill}` } };
  if (spec.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.alignment = {
    ...(spec.horizontal ? { horizontal: spec.horizontal } : {}),
    vertical: spec.vertical ?? 'middle',
    ...(spec.wrap ? { wrapText: true } : {}),
    ...(spec.indent ? { indent: spec.indent } : {}),
  };
  if (spec.locked === false) cell.protection = { locked: false };
}

/** exceljs supports range validations, but its typings do not declare them. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility === 'veryHidden' ? 'veryHidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor}` } } } : {}),
    ...(sheet.frozen
      ? { views: [{ state: 'frozen' as const, xSplit: sheet.frozen.cols, ySplit: sheet.frozen.rows, showGridLines: false }] }
      : { views: [{ showGridLines: sheet.visibility === 'veryHidden' }] }),
  });
  if (sheet.print) {
    ws.pageSetup = {
      paperSize: 9, // A4
      orientation: sheet.print.landscape ? 'landscape' : 'portrait',
      fitToPage: sheet.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.print.titleRows ? { printTitlesRow: `${sheet.print.titleRows.first + 1}:${sheet.print.titleRows.last + 1}` } : {}),
      ...(sheet.print.titleCols ? { printTitlesColumn: `${columnLetters(sheet.print.titleCols.first)}:${columnLetters(sheet.print.titleCols.last)}` } : {}),
    };
    ws.headerFooter = { oddFooter: '&L&8chitieu&R&8Trang &P/&N' };
  }
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;

  for (const model of sheet.cells) {
    const cell = ws.getCell(model.row + 1, model.col + 1);
    if (model.formula !== undefined) cell.value = { formula: model.formula, date1904: false } as ExcelJS.CellFormulaValue;
    else if (model.value !== undefined && model.value !== null) cell.value = model.value;
    applyStyle(cell, model);
    if (model.comment) cell.note = model.comment;
  }
  for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);

  for (const v of sheet.validations) {
    const range = v.rows === 1 && v.cols === 1 ? a1(v.row, v.col) : `${a1(v.row, v.col)}:${a1(v.row + v.rows - 1, v.col + v.cols - 1)}`;
    const alert = validationAlert(v);
    const base = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: alert.style,
      errorTitle: alert.title,
      error: alert.message,
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    };
    const rule: ExcelJS.DataValidation =
      v.kind === 'list'
        ? { ...base, type: 'list', formulae: [`"${v.items.join(',')}"`] }
        : { ...base, type: v.kind, operator: v.max === undefined ? 'greaterThanOrEqual' : 'between', formulae: v.max === undefined ? [v.min] : [v.min, v.max] };
    (ws as unknown as RangeValidations).dataValidations.add(range, rule);
  }

  for (const n of sheet.names) {
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    const location =
      n.rows === 1 && n.cols === 1
        ? `${quoted}!${absoluteA1(n.row, n.col)}`
        : `${quoted}!${absoluteA1(n.row, n.col)}:${absoluteA1(n.row + n.rows - 1, n.col + n.cols - 1)}`;
    workbook.definedNames.add(location, n.name);
  }
}

export async function writeWorkbook(model: WorkbookModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chitieu';
  workbook.title = model.title;
  workbook.created = new Date();
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of model.sheets) writeSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

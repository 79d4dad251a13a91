/**
 * The workbook through Office.js: the only place that calls Excel.run. Reads queue every load and
 * sync once; highlights sync once; writes sync once per batch of operations (a batch stays under
 * Excel on the web's 5 MB per request), never once per cell or row.
 */
/// <reference types="office-js" />
import {
  BORDER_COLOR,
  FONT_NAME,
  FONT_SIZE,
  METADATA_SHEET,
  PRINT_MARGINS,
  STYLES,
  columnLetters,
  parseMetadata,
  parseSheetAddress,
  validationAlert,
  type ChartModel,
  type NameRef,
  type SheetMetadata,
  type SheetModel,
} from '../../../shared/workbook';
import { batches, columnPoints, planWrite, type WorkbookState, type WriteOp } from './plan';
import { HIGHLIGHT_FILL, WorkbookError, type Highlight, type Restore, type TemplateSheetRead, type WorkbookChange, type WorkbookPort, type WriteOptions } from './port';

/** Counts round trips to Excel, for the bench and the tests. */
export const syncCounter = { count: 0 };

async function sync(context: Excel.RequestContext): Promise<void> {
  syncCounter.count++;
  await context.sync();
}

export class OfficeWorkbook implements WorkbookPort {
  async templateSheets(): Promise<SheetMetadata[]> {
    return Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET).getUsedRangeOrNullObject(true);
      used.load('values');
      await sync(context);
      return used.isNullObject ? [] : parseMetadata(used.values);
    });
  }

  async activeSheet(): Promise<string> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await sync(context);
      return ws.name;
    });
  }

  async readSheet(sheet?: string): Promise<TemplateSheetRead> {
    return Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const ws = sheet ? worksheets.getItemOrNullObject(sheet) : worksheets.getActiveWorksheet();
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values, rowIndex, columnIndex');
      const names = context.workbook.names;
      names.load('items');
      const meta = worksheets.getItemOrNullObject(METADATA_SHEET).getUsedRangeOrNullObject(true);
      meta.load('values');
      await sync(context);

      if (ws.isNullObject) throw new WorkbookError(`Không có trang ${sheet}.`, 'no_template');
      const refs: NameRef[] = [];
      for (const n of names.items) {
        if (n.type !== 'Range') continue;
        const at = parseSheetAddress(String(n.formula));
        if (at) refs.push({ name: n.name, ...at });
      }
      const metadata = meta.isNullObject ? [] : parseMetadata(meta.values);
      return {
        grid: used.isNullObject
          ? { sheet: ws.name, values: [] }
          : { sheet: ws.name, values: used.values, originRow: used.rowIndex, originCol: used.columnIndex },
        names: refs,
        metadata: metadata.find((m) => m.sheet === ws.name),
      };
    });
  }

  async sheetNames(): Promise<string[]> {
    return Excel.run(async (context) => {
      const list = context.workbook.worksheets;
      list.load('items/name');
      await sync(context);
      return list.items.map((ws) => ws.name);
    });
  }

  async writeSheets(sheets: readonly SheetModel[], metadata: readonly SheetMetadata[], charts: readonly ChartModel[] = [], options: WriteOptions = {}): Promise<void> {
    // One read: which sheets exist, and what the metadata sheet already records.
    const state = await Excel.run(async (context): Promise<WorkbookState> => {
      const list = context.workbook.worksheets;
      list.load('items');
      const meta = list.getItemOrNullObject(METADATA_SHEET).getUsedRangeOrNullObject(true);
      meta.load('values');
      const names = context.workbook.names;
      names.load('items');
      await sync(context);
      return {
        sheets: new Set(list.items.map((w) => w.name)),
        recorded: meta.isNullObject ? [] : parseMetadata(meta.values),
        names: new Set(names.items.map((n) => n.name.toUpperCase())),
      };
    });

    const ops = planWrite(state, { sheets, metadata, charts, ...options });
    for (const batch of batches(ops)) {
      await Excel.run(async (context) => {
        for (const op of batch) apply(context, op);
        await sync(context);
      });
    }
  }

  async highlight(restore: readonly Restore[], marks: readonly Highlight[]): Promise<void> {
    if (restore.length === 0 && marks.length === 0) return;
    await Excel.run(async (context) => {
      for (const r of restore) {
        const range = rangeAt(context, r.address);
        if (r.fill) range.format.fill.color = `#${r.fill}`;
        else range.format.fill.clear();
        if (r.numberFormat) range.numberFormat = [[r.numberFormat]];
      }
      for (const m of marks) {
        const range = rangeAt(context, m.address);
        range.format.fill.color = `#${HIGHLIGHT_FILL[m.severity]}`;
        if (m.numberFormat) range.numberFormat = [[m.numberFormat]];
      }
      await sync(context);
    });
  }

  async select(address: string): Promise<void> {
    await Excel.run(async (context) => {
      const at = parseSheetAddress(address);
      if (!at) return;
      const ws = context.workbook.worksheets.getItem(at.sheet);
      ws.activate();
      ws.getRangeByIndexes(at.row, at.col, at.rows, at.cols).select();
      await sync(context);
    });
  }

  /**
   * Excel's events on the worksheet collection: another sheet activated, and cells edited by the user
   * (the add-in's own writes are left out). Handlers stay registered after Excel.run returns, and are
   * removed in the context they were added in.
   */
  async watch(listener: (change: WorkbookChange) => void): Promise<() => Promise<void>> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const activated = sheets.onActivated.add(async () => listener('activated'));
      const edited = sheets.onChanged.add(async (event) => {
        if (event.triggerSource !== Excel.EventTriggerSource.thisLocalAddin) listener('edited');
      });
      await sync(context);
      return async () => {
        await Excel.run(activated.context, async (ctx) => {
          activated.remove();
          edited.remove();
          await sync(ctx);
        });
      };
    });
  }
}

function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const at = parseSheetAddress(address);
  if (!at) throw new WorkbookError(`Địa chỉ ô không hợp lệ: ${address}`, 'excel');
  return context.workbook.worksheets.getItem(at.sheet).getRangeByIndexes(at.row, at.col, at.rows, at.cols);
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center' } as const;
const CHART_TYPE = { barClustered: 'BarClustered', columnClustered: 'ColumnClustered', columnStacked: 'ColumnStacked' } as const;

/** Queues one operation; nothing here waits for Excel. */
export function apply(context: Excel.RequestContext, op: WriteOp): void {
  const sheets = context.workbook.worksheets;
  switch (op.op) {
    case 'addSheet': {
      const ws = sheets.add(op.sheet);
      if (op.hidden) ws.visibility = Excel.SheetVisibility.veryHidden;
      if (op.tabColor) ws.tabColor = `#${op.tabColor}`;
      if (!op.hidden) ws.showGridlines = false;
      return;
    }
    case 'deleteSheet': {
      const ws = sheets.getItem(op.sheet);
      ws.visibility = Excel.SheetVisibility.visible;
      ws.delete();
      return;
    }
    case 'values':
      sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, op.matrix.length, op.matrix[0]!.length).values = op.matrix as unknown[][];
      return;
    case 'formulas':
      sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, op.matrix.length, op.matrix[0]!.length).formulas = op.matrix as unknown[][];
      return;
    case 'numberFormat':
      sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, op.matrix.length, op.matrix[0]!.length).numberFormat = op.matrix as unknown[][];
      return;
    case 'style': {
      const spec = STYLES[op.style];
      const format = sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, op.rows, op.cols).format;
      format.font.name = FONT_NAME;
      format.font.size = spec.size ?? FONT_SIZE;
      format.font.bold = spec.bold ?? false;
      format.font.italic = spec.italic ?? false;
      if (spec.color) format.font.color = `#${spec.color}`;
      if (spec.fill) format.fill.color = `#${spec.fill}`;
      if (spec.horizontal) format.horizontalAlignment = H_ALIGN[spec.horizontal];
      format.verticalAlignment = V_ALIGN[spec.vertical ?? 'middle'];
      if (spec.wrap) format.wrapText = true;
      if (spec.indent) format.indentLevel = spec.indent;
      if (spec.locked === false) format.protection.locked = false;
      if (spec.border) {
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
          if ((edge === 'InsideHorizontal' && op.rows === 1) || (edge === 'InsideVertical' && op.cols === 1)) continue;
          const border = format.borders.getItem(edge);
          border.style = 'Continuous';
          border.color = `#${BORDER_COLOR}`;
        }
      }
      return;
    }
    case 'merge':
      sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, op.rows, op.cols).merge(false);
      return;
    case 'columnWidth':
      sheets.getItem(op.sheet).getRangeByIndexes(0, op.col, 1, 1).format.columnWidth = columnPoints(op.width);
      return;
    case 'rowHeight':
      sheets.getItem(op.sheet).getRangeByIndexes(op.row, 0, 1, 1).format.rowHeight = op.height;
      return;
    case 'name':
      context.workbook.names.add(op.name, sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, op.rows, op.cols));
      return;
    case 'deleteName':
      context.workbook.names.getItem(op.name).delete();
      return;
    case 'validation': {
      const v = op.validation;
      const dv = sheets.getItem(op.sheet).getRangeByIndexes(v.row, v.col, v.rows, v.cols).dataValidation;
      if (v.kind === 'list') {
        dv.rule = { list: { inCellDropDown: true, source: v.items.join(',') } };
      } else {
        const basic =
          v.max === undefined
            ? { formula1: v.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo }
            : { formula1: v.min, formula2: v.max, operator: Excel.DataValidationOperator.between };
        dv.rule = v.kind === 'whole' ? { wholeNumber: basic } : { decimal: basic };
      }
      const alert = validationAlert(v);
      dv.errorAlert = { showAlert: true, style: alert.style === 'stop' ? 'Stop' : 'Warning', title: alert.title, message: alert.message };
      if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt };
      return;
    }
    case 'freeze': {
      const ws = sheets.getItem(op.sheet);
      if (op.cols === 0) ws.freezePanes.freezeRows(op.rows);
      else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, op.rows, op.cols));
      return;
    }
    case 'print': {
      const layout = sheets.getItem(op.sheet).pageLayout;
      layout.orientation = op.landscape ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
      layout.paperSize = Excel.PaperType.a4;
      if (op.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      else if (op.scale) layout.zoom = { scale: op.scale };
      // A band of columns per page; page breaks need ExcelApi 1.9, elsewhere Excel breaks where the page is full.
      if (op.columnBreaks?.length && Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
        const ws = sheets.getItem(op.sheet);
        for (const col of op.columnBreaks) ws.verticalPageBreaks.add(ws.getRangeByIndexes(0, col + 1, 1, 1));
      }
      if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
        // The margins the page breaks were laid out in (points, where the model has inches).
        layout.leftMargin = PRINT_MARGINS.left * 72;
        layout.rightMargin = PRINT_MARGINS.right * 72;
        layout.topMargin = PRINT_MARGINS.top * 72;
        layout.bottomMargin = PRINT_MARGINS.bottom * 72;
        layout.headerMargin = PRINT_MARGINS.header * 72;
        layout.footerMargin = PRINT_MARGINS.footer * 72;
        const ws = sheets.getItem(op.sheet);
        for (const row of op.rowBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row + 1, 0, 1, 1));
      }
      if (op.titleRows) layout.setPrintTitleRows(`$${op.titleRows.first + 1}:$${op.titleRows.last + 1}`);
      if (op.titleCols) layout.setPrintTitleColumns(`$${columnLetters(op.titleCols.first)}:$${columnLetters(op.titleCols.last)}`);
      return;
    }
    case 'note':
      // Notes need ExcelApi 1.18; elsewhere the hint stays in the task pane.
      if (Office.context.requirements.isSetSupported('ExcelApi', '1.18')) {
        const ws = sheets.getItem(op.sheet) as Excel.Worksheet & { notes: { add(cell: Excel.Range | string, content: string): void } };
        ws.notes.add(ws.getRangeByIndexes(op.row, op.col, 1, 1), op.text);
      }
      return;
    case 'chart': {
      const c = op.chart;
      const ws = sheets.getItem(c.sheet);
      const chart = ws.charts.add(CHART_TYPE[c.kind], ws.getRangeByIndexes(c.source.row, c.source.col, c.source.rows, c.source.cols), Excel.ChartSeriesBy.columns);
      chart.title.text = c.title;
      chart.setPosition(ws.getRangeByIndexes(c.anchor.row, c.anchor.col, 1, 1));
      chart.width = c.width;
      chart.height = c.height;
      return;
    }
    case 'activate':
      sheets.getItem(op.sheet).activate();
      return;
    case 'protect':
      // Formats stay open: the pane colours the cells of issues on the protected sheet.
      sheets.getItem(op.sheet).protection.protect({
        allowFormatCells: true,
        allowFormatColumns: true,
        allowFormatRows: true,
        allowInsertRows: op.insertRows,
        allowAutoFilter: true,
        allowSort: false,
        allowEditObjects: false,
        allowEditScenarios: false,
      });
      return;
  }
}

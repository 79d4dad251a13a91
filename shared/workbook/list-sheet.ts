/** The sheet of a list template (BM02): a status summary above, one row per task below. */
import type { Lang } from '../i18n';
import type { ListTemplate } from '../templates/schema';
import { a1, absoluteA1 } from './address';
import {
  LAYOUT,
  LIST_RANGE_SUFFIX,
  instructionLine,
  metaLine,
  periodLine,
  sheetTitle,
  unitLine,
  type TemplateSheetOptions,
} from './layout';
import type { CellModel, SheetModel } from './model';
import { NUMBER_FORMATS } from './styles';
import { signatureBlock } from './signature';
import { SHEET_WORDS } from './words';

/** Where the list itself starts, below the status summary. */
export function listLayout(template: ListTemplate) {
  const summaryRow = LAYOUT.headerRow;
  const totalRow = summaryRow + template.statuses.length + 1;
  const headerRow = totalRow + 2;
  const keyRow = headerRow + 1;
  const firstDataRow = keyRow + 1;
  return { summaryRow, totalRow, headerRow, keyRow, firstDataRow, firstCol: 1 };
}

export function buildListSheet(template: ListTemplate, options: TemplateSheetOptions = {}): SheetModel {
  const lang: Lang = options.lang ?? 'vi';
  const layout = listLayout(template);
  const cells: CellModel[] = [];
  const put = (row: number, col: number, cell: Omit<CellModel, 'row' | 'col'>) => cells.push({ row, col, ...cell });
  const columns = template.listColumns;
  const lastCol = layout.firstCol + columns.length - 1;
  const lastDataRow = layout.firstDataRow + template.blankRows - 1;
  const colOf = new Map(columns.map((c, i) => [c.key, layout.firstCol + i]));
  const statusCol = colOf.get('TT')!;
  const codeCol = colOf.get('MA')!;
  const statusRange = `${absoluteA1(layout.firstDataRow, statusCol)}:${absoluteA1(lastDataRow, statusCol)}`;
  const codeRange = `${absoluteA1(layout.firstDataRow, codeCol)}:${absoluteA1(lastDataRow, codeCol)}`;

  put(LAYOUT.titleRow, 0, { value: sheetTitle(template, lang), style: 'title' });
  put(LAYOUT.unitRow, 0, { value: unitLine(options.unit, lang), style: 'subtitle' });
  put(LAYOUT.unitRow, layout.firstCol + 3, { value: periodLine(options.period, lang), style: 'subtitle' });
  put(LAYOUT.metaRow, 0, { value: metaLine(template, lang), style: 'meta' });
  put(LAYOUT.instructionRow, 0, { value: instructionLine(template, lang), style: 'instruction' });

  // Status summary: counts and shares, as the plans report them ("18/66 nhiệm vụ, đạt 27,27%").
  const w = SHEET_WORDS[lang];
  const { title: summaryTitle, count: countTitle, share: shareTitle, total: totalTitle } = w.listSummary;
  const labelCol = layout.firstCol + 1;
  put(layout.summaryRow, labelCol, { value: summaryTitle, style: 'header' });
  put(layout.summaryRow, labelCol + 1, { value: countTitle, style: 'header' });
  put(layout.summaryRow, labelCol + 2, { value: shareTitle, style: 'header' });
  const totalCell = a1(layout.totalRow, labelCol + 1);
  template.statuses.forEach((status, i) => {
    const r = layout.summaryRow + 1 + i;
    put(r, labelCol, { value: status.label[lang], style: 'label1' });
    put(r, labelCol + 1, {
      formula: `COUNTIF(${statusRange},"${status.label[lang]}")+COUNTIF(${statusRange},"${status.code}")`,
      style: 'derived',
      numberFormat: NUMBER_FORMATS.count,
    });
    put(r, labelCol + 2, {
      formula: `IF(${totalCell}=0,"",${a1(r, labelCol + 1)}/${totalCell})`,
      style: 'derived',
      numberFormat: NUMBER_FORMATS.percent,
    });
  });
  put(layout.totalRow, labelCol, { value: totalTitle, style: 'totalLabel' });
  put(layout.totalRow, labelCol + 1, { formula: `COUNTA(${codeRange})`, style: 'total', numberFormat: NUMBER_FORMATS.count });
  put(layout.totalRow, labelCol + 2, { style: 'total' });

  put(layout.headerRow, 0, { value: w.index, style: 'header' });
  put(layout.keyRow, 0, { value: '(1)', style: 'key' });
  columns.forEach((column, i) => {
    put(layout.headerRow, layout.firstCol + i, { value: column.label[lang], style: 'header' });
    put(layout.keyRow, layout.firstCol + i, { value: column.key, style: 'key' });
  });
  for (let r = layout.firstDataRow; r <= lastDataRow; r++) {
    const code = a1(r, codeCol);
    put(r, 0, { formula: `IF(ISBLANK(${code}),"",ROWS(${absoluteA1(layout.firstDataRow, codeCol)}:${code}))`, style: 'index' });
    for (const column of columns) {
      const numberFormat = column.measure === 'date' ? NUMBER_FORMATS.date : NUMBER_FORMATS.text;
      put(r, colOf.get(column.key)!, { value: null, style: column.measure === 'date' ? 'input' : 'inputText', numberFormat });
    }
  }

  cells.push(...signatureBlock(lastDataRow + 2, layout.firstCol + 1, lastCol, lang));

  return {
    name: template.id,
    cells,
    merges: [
      { row: LAYOUT.titleRow, col: 0, rows: 1, cols: lastCol + 1 },
      { row: LAYOUT.unitRow, col: 0, rows: 1, cols: layout.firstCol + 3 },
      { row: LAYOUT.metaRow, col: 0, rows: 1, cols: lastCol + 1 },
      { row: LAYOUT.instructionRow, col: 0, rows: 1, cols: lastCol + 1 },
    ],
    columnWidths: [6, ...columns.map((c) => c.width ?? 16)],
    rowHeights: { [LAYOUT.titleRow]: 24, [layout.headerRow]: 30 },
    names: [
      {
        name: `${template.id}_${LIST_RANGE_SUFFIX}`,
        row: layout.firstDataRow,
        col: layout.firstCol,
        rows: template.blankRows,
        cols: columns.length,
      },
    ],
    validations: [
      {
        kind: 'list',
        row: layout.firstDataRow,
        col: statusCol,
        rows: template.blankRows,
        cols: 1,
        items: template.statuses.map((s) => s.label[lang]),
        strict: true,
      },
    ],
    frozen: { rows: layout.keyRow + 1, cols: 0 },
    // A list longer than its blank rows grows by inserted rows, inside the named range.
    protect: { insertRows: true },
    print: { landscape: true, fitToWidth: true, titleRows: { first: layout.headerRow, last: layout.keyRow } },
  };
}

/** The sheet of an indicator template: a row per indicator, a column per template column. */
import type { Lang } from '../i18n';
import { rowHasColumn, templateCells } from '../templates/cells';
import { requiredKinds } from '../templates/filing';
import { parsePeriod } from '../periods';
import type { Column, IndicatorTemplate, Measure, Row } from '../templates/schema';
import { a1 } from './address';
import {
  LAYOUT,
  cellName,
  instructionLine,
  metaLine,
  periodLine,
  sheetTitle,
  unitLine,
  type TemplateSheetOptions,
} from './layout';
import type { CellModel, CellStyle, SheetModel, ValidationModel } from './model';
import { NUMBER_FORMATS } from './styles';
import { signatureBlock } from './signature';
import { SHEET_WORDS } from './words';

export function numberFormatFor(measure: Measure, row: Row): string {
  const m = measure === 'target' ? row.measure : measure;
  switch (m) {
    case 'count':
      return NUMBER_FORMATS.count;
    case 'percent':
      return NUMBER_FORMATS.percent;
    case 'money':
      return NUMBER_FORMATS.money;
    case 'score':
      return NUMBER_FORMATS.score;
    case 'rank':
      return NUMBER_FORMATS.rank;
    case 'date':
      return NUMBER_FORMATS.date;
    default:
      return NUMBER_FORMATS.text;
  }
}

export function buildIndicatorSheet(template: IndicatorTemplate, options: TemplateSheetOptions = {}): SheetModel {
  const lang: Lang = options.lang ?? 'vi';
  const cells: CellModel[] = [];
  const names: SheetModel['names'] = [];
  const validations: ValidationModel[] = [];
  const lastCol = LAYOUT.firstValueCol + template.columns.length - 1;
  const put = (row: number, col: number, cell: Omit<CellModel, 'row' | 'col'>) => cells.push({ row, col, ...cell });

  put(LAYOUT.titleRow, 0, { value: sheetTitle(template, lang), style: 'title' });
  put(LAYOUT.unitRow, 0, { value: unitLine(options.unit, lang), style: 'subtitle' });
  put(LAYOUT.unitRow, LAYOUT.firstValueCol, { value: periodLine(options.period, lang), style: 'subtitle' });
  put(LAYOUT.metaRow, 0, { value: metaLine(template, lang), style: 'meta' });
  // Rows the unit must fill, by its kind and the rules of the period's last day, are marked with *.
  const kind = options.unit?.kind;
  const periodEnd = options.period ? parsePeriod(options.period)?.end : undefined;
  const kinds = kind ? (periodEnd ? requiredKinds(template, kind, periodEnd) : [kind]) : [];
  const isRequired = (row: Row) => row.requiredFor?.some((k) => kinds.includes(k)) === true;
  const anyRequired = template.rows.some(isRequired);
  put(LAYOUT.instructionRow, 0, { value: `${instructionLine(template, lang)}${anyRequired ? ` ${SHEET_WORDS[lang].requiredLegend}` : ''}`, style: 'instruction' });

  const w = SHEET_WORDS[lang];
  const fixedHeaders = w.indicatorHeaders;
  fixedHeaders.forEach((h, i) => {
    put(LAYOUT.headerRow, i, { value: h, style: 'header' });
    put(LAYOUT.keyRow, i, { value: `(${i + 1})`, style: 'key' });
  });
  template.columns.forEach((column, i) => {
    put(LAYOUT.headerRow, LAYOUT.firstValueCol + i, { value: column.label[lang], style: 'header' });
    // The key row carries the column keys, which is how a sheet is read back without names.
    put(LAYOUT.keyRow, LAYOUT.firstValueCol + i, { value: column.key, style: 'key' });
  });

  const colOf = new Map(template.columns.map((c, i) => [c.key, LAYOUT.firstValueCol + i]));
  const rowOf = new Map(template.rows.map((r, i) => [r.code, LAYOUT.firstDataRow + i]));
  const addressOf = (ref: string): string => {
    const [code, key] = ref.split('.') as [string, string];
    return a1(rowOf.get(code)!, colOf.get(key)!);
  };

  template.rows.forEach((row, i) => {
    const r = LAYOUT.firstDataRow + i;
    put(r, LAYOUT.indexCol, { value: i + 1, style: 'index' });
    put(r, LAYOUT.codeCol, { value: row.code, style: 'code' });
    put(r, LAYOUT.labelCol, {
      value: isRequired(row) ? `${row.label[lang]} *` : row.label[lang],
      style: (`label${row.level}` as CellStyle),
      ...(row.hint ? { comment: row.hint[lang] } : {}),
    });
    put(r, LAYOUT.unitCol, { value: row.unit[lang], style: 'unit' });
    for (const column of template.columns) {
      const c = colOf.get(column.key)!;
      if (!rowHasColumn(template, row, column)) {
        put(r, c, { style: 'unused' });
        continue;
      }
      const ref = `${row.code}.${column.key}`;
      const info = templateCells(template).get(ref)!;
      const numberFormat = numberFormatFor(info.measure, row);
      names.push({ name: cellName(template.id, ref), row: r, col: c, rows: 1, cols: 1 });
      if (column.derived === 'achievement') {
        const mt = addressOf(`${row.code}.MT`);
        const kq = addressOf(`${row.code}.KQ`);
        const [yes, no] = [w.achieved, w.notAchieved];
        put(r, c, { formula: `IF(AND(ISNUMBER(${mt}),ISNUMBER(${kq})),IF(${kq}>=${mt},"${yes}","${no}"),"")`, style: 'derived', numberFormat });
        continue;
      }
      if (row.share && column.key === 'KQ') {
        const numerator = row.share.numerator.map(addressOf);
        const denominator = addressOf(row.share.denominator);
        const all = [...numerator, denominator];
        put(r, c, {
          formula: `IF(COUNT(${all.join(',')})<${all.length},"",IF(${denominator}=0,"",(${numerator.join('+')})/${denominator}))`,
          style: 'derived',
          numberFormat,
        });
        continue;
      }
      // A row that allows words ("Đạt", "Không áp dụng") allows them in its result alone, as the engine reads it.
      const isText = info.measure === 'text' || info.measure === 'target' || (row.textAllowed === true && column.key === 'KQ');
      put(r, c, { value: null, style: column.key === 'GC' || info.measure === 'text' ? 'inputText' : 'input', numberFormat });
      const validation = validationFor(info.measure, isText);
      if (validation) validations.push({ ...validation, row: r, col: c, rows: 1, cols: 1 });
    }
  });

  const lastDataRow = LAYOUT.firstDataRow + template.rows.length - 1;
  cells.push(...signatureBlock(lastDataRow + 2, LAYOUT.labelCol, lastCol, lang));

  return {
    name: template.id,
    cells,
    merges: [
      { row: LAYOUT.titleRow, col: 0, rows: 1, cols: lastCol + 1 },
      { row: LAYOUT.unitRow, col: 0, rows: 1, cols: LAYOUT.firstValueCol },
      { row: LAYOUT.metaRow, col: 0, rows: 1, cols: lastCol + 1 },
      { row: LAYOUT.instructionRow, col: 0, rows: 1, cols: lastCol + 1 },
    ],
    columnWidths: [6, 9, LABEL_WIDTH, 11, ...template.columns.map((c: Column) => c.width ?? 14)],
    rowHeights: {
      [LAYOUT.titleRow]: 24,
      [LAYOUT.headerRow]: 30,
      ...Object.fromEntries(template.rows.map((row, i) => [LAYOUT.firstDataRow + i, heightFor(row.label[lang], LABEL_WIDTH - row.level * 2)])),
    },
    names,
    validations: mergeValidations(validations),
    frozen: { rows: LAYOUT.keyRow + 1, cols: LAYOUT.labelCol + 1 },
    protect: { insertRows: false },
    print: { landscape: true, fitToWidth: true, titleRows: { first: LAYOUT.headerRow, last: LAYOUT.keyRow } },
  };
}

const LABEL_WIDTH = 58;

/** Writers do not fit wrapped rows on their own: size a row for its label. */
function heightFor(text: string, width: number): number {
  const lines = Math.max(1, Math.ceil(text.length / (width * 1.05)));
  return 15 * lines + 2;
}

type ValidationShape = Omit<Extract<ValidationModel, { kind: 'whole' | 'decimal' }>, 'row' | 'col' | 'rows' | 'cols'>;

function validationFor(measure: Measure, isText: boolean): ValidationShape | undefined {
  if (isText) return undefined;
  switch (measure) {
    case 'count':
      return { kind: 'whole', min: 0 };
    case 'rank':
      return { kind: 'whole', min: 1 };
    case 'percent':
      return { kind: 'decimal', min: 0, max: 1 };
    case 'money':
    case 'score':
      return { kind: 'decimal', min: 0 };
    default:
      return undefined;
  }
}

/** Joins validations of the same kind on vertically adjacent cells into one range. */
function mergeValidations(list: ValidationModel[]): ValidationModel[] {
  const sorted = [...list].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: ValidationModel[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.kind === v.kind &&
      last.col === v.col &&
      last.row + last.rows === v.row &&
      JSON.stringify({ ...last, row: 0, rows: 0 }) === JSON.stringify({ ...v, row: 0, rows: 0 })
    ) {
      last.rows += v.rows;
    } else {
      out.push({ ...v });
    }
  }
  return out;
}

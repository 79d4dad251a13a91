/** A consolidated template: the provincial total first (with the template's cell names), then a row per unit. */
import type { Consolidation, UnitLine } from '../../consolidation';
import type { Lang } from '../../i18n';
import { templateCells, templateOf } from '../../templates';
import type { IndicatorTemplate, ListTemplate, Template } from '../../templates/schema';
import { cellName } from '../layout';
import type { CellModel, SheetMetadata, SheetModel } from '../model';
import { NUMBER_FORMATS } from '../styles';
import { SHEET_WORDS, type CatalogueNote, type LocalParts } from '../words';
import { HEADER_ROWS, PROVINCE_ROW_CODE, WRAPPED_HEADING, fitColumnWidths, formatTime, headerLines, isBanded, printLayout, sheetNameFor, signatureUnder, statusWord, valueCell, type ConsolidatedInput } from './common';

/** Columns before the figures: index, code, unit, revision, time filed, status, warnings. */
const FIXED = 7;

export interface ConsolidatedSheet {
  sheet: SheetModel;
  metadata?: SheetMetadata;
}

function fixedHeaders(lang: Lang): readonly string[] {
  return SHEET_WORDS[lang].unitHeaders;
}

/** Departments, then each district with its communes, under group headings. */
function groups(c: Consolidation, lang: Lang): { heading: string | null; lines: UnitLine[] }[] {
  const departments = c.units.filter((u) => u.kind === 'department');
  const local = c.units.filter((u) => u.kind !== 'department');
  const out: { heading: string | null; lines: UnitLine[] }[] = [];
  if (departments.length) out.push({ heading: SHEET_WORDS[lang].groupDepartments, lines: departments });
  if (local.length) out.push({ heading: SHEET_WORDS[lang].groupLocal(local.some((u) => u.kind === 'district')), lines: local });
  return out;
}

/** Index, code and name: the columns that say which unit a row is. */
const UNIT_COLUMNS = 3;

/** Widths of the columns before the figures; the unit's name and the time filed wrap within theirs (fitWrappedRows). */
const FIXED_WIDTHS = [6, 16, 36, 8, 20, 11, 9];

/** What a sheet's rows add to its layout: merged group headings and notes. */
interface RowsLayout {
  merges: SheetModel['merges'];
}

/** The unit rows under their group headings, from `first`; `figures` adds each row's own columns. */
function unitRows(c: Consolidation, input: ConsolidatedInput, first: number, lastCol: number, cells: CellModel[], figures: (line: UnitLine, row: number) => void): RowsLayout {
  const lang = input.lang ?? 'vi';
  const layout: RowsLayout = { merges: [] };
  let r = first;
  let index = 1;
  for (const group of groups(c, lang)) {
    if (group.heading) {
      cells.push({ row: r, col: 0, value: group.heading, style: 'group' });
      for (let col = 1; col <= lastCol; col++) cells.push({ row: r, col, style: 'group' });
      // Across the fixed columns, so the heading sits inside its border.
      layout.merges.push({ row: r, col: 0, rows: 1, cols: FIXED });
      r++;
    }
    for (const line of group.lines) {
      cells.push(...unitColumns(line, r, index++, lang));
      figures(line, r);
      r++;
    }
  }
  return layout;
}

function unitColumns(line: UnitLine, r: number, index: number, lang: Lang): CellModel[] {
  const s = line.submission;
  const nameStyle = line.kind === 'commune' ? 'unitName1' : 'unitName0';
  return [
    { row: r, col: 0, value: index, style: 'index' },
    { row: r, col: 1, value: line.code, style: 'plain' },
    { row: r, col: 2, value: line.name, style: nameStyle },
    s ? { row: r, col: 3, value: s.revision, style: 'value', numberFormat: NUMBER_FORMATS.count } : { row: r, col: 3, style: 'value' },
    {
      row: r,
      col: 4,
      value: s
        ? formatTime(s.receivedAt) + (s.daysLate > 0 ? SHEET_WORDS[lang].daysLate(s.daysLate) : '') + (line.partOfPeriod ? SHEET_WORDS[lang].partOfPeriod(line.partOfPeriod.from, line.partOfPeriod.to) : '') +
          (s.otherVersion ? SHEET_WORDS[lang].otherVersion(s.otherVersion) : '') +
          sourceNote(line, lang)
        : line.partOfPeriod ? SHEET_WORDS[lang].partOfPeriod(line.partOfPeriod.from, line.partOfPeriod.to).slice(3) + sourceNote(line, lang) : '',
      style: 'muted',
    },
    { row: r, col: 5, value: statusWord(s?.status ?? null, lang), style: s ? (s.status === 'returned' ? 'bad' : 'plain') : 'bad' },
    s ? { row: r, col: 6, value: s.warnings, style: 'value', numberFormat: NUMBER_FORMATS.count } : { row: r, col: 6, style: 'value' },
  ];
}

/** What a line of a unit that ended during the period stands for: its shorter filings, a successor's, or nothing. */
function sourceNote(line: UnitLine, lang: Lang): string {
  const w = SHEET_WORDS[lang];
  const source = line.source;
  if (!source) return '';
  if (source.kind === 'shorter_periods') return w.coveredBy(source.periods.join(', '));
  if (source.kind === 'successor') return w.includedIn(source.successor);
  return w.partMissing;
}

/** The fixed columns of the provincial total row: its code, its name, how many units filed. */
function totalLabels(row: number, c: Consolidation, input: ConsolidatedInput, lang: Lang): CellModel[] {
  const w = SHEET_WORDS[lang];
  const values: Record<number, string> = {
    1: PROVINCE_ROW_CODE[lang],
    2: w.provinceTotal(input.province),
    4: w.unitsFiled(c.completeness.submitted, c.completeness.expected),
  };
  return Array.from({ length: FIXED }, (_, col) => ({ row, col, ...(values[col] !== undefined ? { value: values[col] } : {}), style: 'totalLabel' as const }));
}

/** The last row a sheet's cells use. */
function lastRow(cells: readonly CellModel[]): number {
  return cells.reduce((last, cell) => Math.max(last, cell.row), 0);
}

/** The local levels among a consolidation's units. */
export function localParts(c: Consolidation): LocalParts {
  return { districts: c.units.some((u) => u.kind === 'district'), rootCommunes: c.units.some((u) => u.kind === 'commune' && !u.parent) };
}

/** The catalogue's source, for a template with catalogue rows. */
function catalogueNote(c: Consolidation): CatalogueNote | undefined {
  return c.catalogue ? { keeper: c.catalogue.keeper?.name ?? null, filed: c.catalogue.filed, levels: c.catalogue.levels.length > 0 } : undefined;
}

export function consolidatedTemplateSheet(c: Consolidation, input: ConsolidatedInput): ConsolidatedSheet {
  const template = templateOf(c.template)!;
  if (c.completeness.submitted === 0) return nobodyFiledSheet(template, c, input);
  return template.kind === 'indicator' ? indicatorSheet(template, c, input) : listSheet(template, c, input);
}

/**
 * A template nobody filed: its heading and one line that says so, where a table of empty rows as
 * wide as its figures would print pages of blanks. Who must file is on the filing-status sheet.
 */
function nobodyFiledSheet(template: Template, c: Consolidation, input: ConsolidatedInput): ConsolidatedSheet {
  const lang = input.lang ?? 'vi';
  const w = SHEET_WORDS[lang];
  const name = sheetNameFor(template.id);
  const method = template.kind === 'indicator' ? w.templateSheetMethod(template.id, template.version, localParts(c), catalogueNote(c)) : w.listSheetMethod(template.id, template.version);
  const cells: CellModel[] = [...headerLines(w.templateSheetTitle(template.id, template.title[lang]), input, method)];
  const noteRow = HEADER_ROWS;
  cells.push({ row: noteRow, col: 0, value: w.nobodyFiled(template.id, c.completeness.expected), style: 'plain' });
  for (let col = 1; col < FIXED; col++) cells.push({ row: noteRow, col, style: 'plain' });
  cells.push(...signatureUnder(noteRow, 2, 4, lang));
  const everyColumn = (row: number) => ({ row, col: 0, rows: 1, cols: FIXED });
  return {
    sheet: {
      name,
      cells,
      merges: [everyColumn(0), everyColumn(1), everyColumn(2), everyColumn(3), everyColumn(noteRow)],
      columnWidths: [...FIXED_WIDTHS],
      rowHeights: { 0: 24 },
      names: [],
      validations: [],
      frozen: { rows: HEADER_ROWS, cols: 0 },
      print: printLayout(noteRow),
      tabColor: '0F3D6E',
    },
    ...(template.kind === 'indicator' ? { metadata: { sheet: name, template: template.id, version: template.version, unitName: input.province, period: input.period.code } } : {}),
  };
}

/** The figures an indicator sheet has a column for: every cell a unit fills, its notes aside. */
function figureCells(template: IndicatorTemplate) {
  return [...templateCells(template).values()].filter((info) => !info.column.derived && info.column.key !== 'GC');
}

/** The column headers, their keys, then the provincial total. */
const TOTAL_ROW = HEADER_ROWS + 2;

/**
 * The part of a consolidated indicator sheet that is the province's report: the heading, the column
 * headers and the provincial total row (the unit rows below are the units' own filings).
 */
export function provinceRowArea(template: IndicatorTemplate): { rows: number; cols: number } {
  return { rows: TOTAL_ROW + 1, cols: FIXED + figureCells(template).length };
}

/** The header row of a template's figures: each header names its row and column, in up to six lines. */
const HEADER_POINTS = 90;

function indicatorSheet(template: IndicatorTemplate, c: Consolidation, input: ConsolidatedInput): ConsolidatedSheet {
  const lang = input.lang ?? 'vi';
  const name = sheetNameFor(template.id);
  const cells: CellModel[] = [];
  const figures = figureCells(template);
  const lastCol = FIXED + figures.length - 1;
  const headerRow = HEADER_ROWS;
  const keyRow = headerRow + 1;
  const totalRow = TOTAL_ROW;

  cells.push(
    ...headerLines(SHEET_WORDS[lang].templateSheetTitle(template.id, template.title[lang]), input, SHEET_WORDS[lang].templateSheetMethod(template.id, template.version, localParts(c), catalogueNote(c))),
  );
  fixedHeaders(lang).forEach((h, col) => {
    cells.push({ row: headerRow, col, value: h, style: 'header' }, { row: keyRow, col, value: `(${col + 1})`, style: 'key' });
  });
  figures.forEach((info, i) => {
    const col = FIXED + i;
    const suffix = info.column.key === 'KQ' ? '' : ` (${info.column.label[lang]})`;
    cells.push(
      { row: headerRow, col, value: `${info.row.code}${suffix}: ${info.row.label[lang]}`, style: 'header' },
      { row: keyRow, col, value: info.ref, style: 'key' },
    );
  });

  // The provincial total carries the template's cell names, so the auditor re-validates it as a report.
  cells.push(...totalLabels(totalRow, c, input, lang));
  const names: SheetModel['names'] = [];
  figures.forEach((info, i) => {
    const col = FIXED + i;
    const measure = info.measure === 'target' ? info.row.measure : info.measure;
    cells.push(valueCell(totalRow, col, c.total.values[info.ref] ?? null, measure, 'total'));
    names.push({ name: cellName(template.id, info.ref), row: totalRow, col, rows: 1, cols: 1 });
  });

  const rows = unitRows(c, input, totalRow + 1, lastCol, cells, (line, r) =>
    figures.forEach((info, i) => {
      const measure = info.measure === 'target' ? info.row.measure : info.measure;
      cells.push(valueCell(r, FIXED + i, line.values[info.ref] ?? null, measure, line.kind === 'district' ? 'valueBold' : 'value'));
    }),
  );

  cells.push(...signatureUnder(lastRow(cells), 2, 4, lang));
  const columnWidths = fitColumnWidths({ cells, merges: rows.merges, rowHeights: { [headerRow]: HEADER_POINTS }, columnWidths: [...FIXED_WIDTHS, ...figures.map((f) => (f.measure === 'text' || f.measure === 'target' ? 24 : 14))] });
  // Printed in bands, the heading lines sit over the unit columns, which every band repeats: never clipped.
  const banded = isBanded(columnWidths);
  const headingCols = banded ? UNIT_COLUMNS : Math.min(lastCol + 1, 12);
  if (banded) for (const cell of cells) if (cell.row < HEADER_ROWS && cell.style) cell.style = WRAPPED_HEADING[cell.style] ?? cell.style;
  return {
    sheet: {
      name,
      cells,
      merges: [
        { row: 0, col: 0, rows: 1, cols: headingCols },
        { row: 1, col: 0, rows: 1, cols: headingCols },
        { row: 2, col: 0, rows: 1, cols: headingCols },
        { row: 3, col: 0, rows: 1, cols: headingCols },
        ...rows.merges,
      ],
      columnWidths,
      rowHeights: { 0: 24, [headerRow]: HEADER_POINTS },
      names,
      validations: [],
      frozen: { rows: totalRow + 1, cols: UNIT_COLUMNS },
      print: banded ? printLayout(keyRow, { columnWidths, repeatCols: UNIT_COLUMNS }) : printLayout(keyRow),
      tabColor: '0F3D6E',
    },
    metadata: { sheet: name, template: template.id, version: template.version, unitName: input.province, period: input.period.code },
  };
}

function listSheet(template: ListTemplate, c: Consolidation, input: ConsolidatedInput): ConsolidatedSheet {
  const lang = input.lang ?? 'vi';
  const name = sheetNameFor(template.id);
  const cells: CellModel[] = [];
  const headerRow = HEADER_ROWS;
  const keyRow = headerRow + 1;
  const totalRow = keyRow + 1;
  const statuses = template.statuses;
  const w = SHEET_WORDS[lang];
  const countCols = [w.allTasks, ...statuses.map((s) => s.label[lang])];
  const shareCols = statuses.map((s) => w.shareOf(s.label[lang]));
  const lastCol = FIXED + countCols.length + shareCols.length - 1;

  cells.push(...headerLines(w.templateSheetTitle(template.id, template.title[lang]), input, w.listSheetMethod(template.id, template.version)));
  fixedHeaders(lang).forEach((h, col) => cells.push({ row: headerRow, col, value: h, style: 'header' }, { row: keyRow, col, value: `(${col + 1})`, style: 'key' }));
  [...countCols, ...shareCols].forEach((h, i) => {
    const key = i === 0 ? 'TONG' : i <= statuses.length ? statuses[i - 1]!.code : `TL_${statuses[i - 1 - statuses.length]!.code}`;
    cells.push({ row: headerRow, col: FIXED + i, value: h, style: 'header' }, { row: keyRow, col: FIXED + i, value: key, style: 'key' });
  });

  const countsRow = (r: number, counts: UnitLine['statusCounts'] | undefined, style: 'total' | 'value') => {
    if (!counts) return;
    cells.push({ row: r, col: FIXED, value: counts.total, numberFormat: NUMBER_FORMATS.count, style });
    statuses.forEach((s, i) => {
      cells.push({ row: r, col: FIXED + 1 + i, value: counts.counts[s.code] ?? 0, numberFormat: NUMBER_FORMATS.count, style });
      cells.push(valueCell(r, FIXED + 1 + statuses.length + i, counts.shares[s.code] ?? null, 'percent', style));
    });
  };

  cells.push(...totalLabels(totalRow, c, input, lang));
  countsRow(totalRow, c.total.statusCounts, 'total');

  const rows = unitRows(c, input, totalRow + 1, lastCol, cells, (line, r) => countsRow(r, line.statusCounts, 'value'));
  cells.push(...signatureUnder(lastRow(cells), 2, 4, lang));

  return {
    sheet: {
      name,
      cells,
      merges: [{ row: 0, col: 0, rows: 1, cols: lastCol + 1 }, ...rows.merges],
      columnWidths: [...FIXED_WIDTHS, ...countCols.map(() => 12), ...shareCols.map(() => 12)],
      rowHeights: { 0: 24, [headerRow]: 45 },
      names: [],
      validations: [],
      frozen: { rows: totalRow + 1, cols: 3 },
      print: printLayout(keyRow),
      tabColor: '0F3D6E',
    },
  };
}

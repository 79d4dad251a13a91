/** The cells a template has, and what each one holds. */
import type { Column, IndicatorTemplate, Measure, Row, Template } from './schema';
import { CELL_REF } from '../rules/refs';

export const NOTE_COLUMN = 'GC';

export interface CellInfo {
  ref: string;
  row: Row;
  column: Column;
  measure: Measure;
  /** Typed by the clerk (derived cells are formulas; notes are inputs too). */
  input: boolean;
}

export function splitRef(ref: string): { row: string; column: string } | undefined {
  const m = CELL_REF.exec(ref);
  return m ? { row: m[1]!, column: m[2]! } : undefined;
}

/**
 * The identity of each row of a list template (BM02), as its cell references (`KH30-01.TT`) name it: the
 * row's task code, or `#n` (its place in the list, from 1) where it has none or an earlier row has the same
 * code (or a code written as such a place, `#2`), so that no two rows share their cells. The engine and the
 * sheet readers both name rows by it.
 */
export function listRowIds(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  return codes.map((code, index) => {
    if (code === '' || seen.has(code) || /^#\d+$/.test(code)) return `#${index + 1}`;
    seen.add(code);
    return code;
  });
}

/** Does this row show this column? Note and derived columns belong to every row that can use them. */
export function rowHasColumn(template: IndicatorTemplate, row: Row, column: Column): boolean {
  if (column.key === NOTE_COLUMN) return true;
  if (column.derived === 'achievement') return row.columns.includes('MT') && row.columns.includes('KQ');
  return row.columns.includes(column.key);
}

export function cellMeasure(row: Row, column: Column): Measure {
  return column.measure ?? row.measure;
}

const cellCache = new WeakMap<IndicatorTemplate, Map<string, CellInfo>>();

/** Every cell of an indicator template, in sheet order, keyed by `ROW.COL`. */
export function templateCells(template: IndicatorTemplate): Map<string, CellInfo> {
  const cached = cellCache.get(template);
  if (cached) return cached;
  const cells = new Map<string, CellInfo>();
  for (const row of template.rows) {
    for (const column of template.columns) {
      if (!rowHasColumn(template, row, column)) continue;
      const ref = `${row.code}.${column.key}`;
      // A share row's result is the template's formula over its parts.
      const input = !column.derived && !(row.share && column.key === 'KQ');
      cells.set(ref, { ref, row, column, measure: cellMeasure(row, column), input });
    }
  }
  cellCache.set(template, cells);
  return cells;
}

export function isNumericMeasure(measure: Measure): boolean {
  return measure === 'count' || measure === 'percent' || measure === 'money' || measure === 'score' || measure === 'rank';
}

export function findTemplateRow(template: Template, code: string): Row | undefined {
  return template.kind === 'indicator' ? template.rows.find((r) => r.code === code) : undefined;
}

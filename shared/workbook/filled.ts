/**
 * A template sheet holding a filed report's figures, notes and tasks: a correction of what was filed
 * is an edit of it, not retyping. Every value goes into its cell as filed (the reader reads it back
 * the same); the template's own formulas and formats stay.
 */
import type { Submission } from '../submission';
import type { Template } from '../templates/schema';
import { buildIndicatorSheet } from './indicator-sheet';
import { cellName, type TemplateSheetOptions } from './layout';
import { buildListSheet, listLayout } from './list-sheet';
import type { CellModel, SheetModel } from './model';

type Filed = Pick<Submission, 'values' | 'notes' | 'rows'>;

export function filledTemplateSheet(template: Template, filed: Filed, options: TemplateSheetOptions = {}): SheetModel {
  if (template.kind === 'list') {
    const rows = filed.rows ?? [];
    // A list longer than the template's blank rows gets as many rows as it has tasks.
    const sized = rows.length > template.blankRows ? { ...template, blankRows: rows.length } : template;
    const model = buildListSheet(sized, options);
    const layout = listLayout(sized);
    const colOf = new Map(sized.listColumns.map((c, i) => [c.key, layout.firstCol + i]));
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        const col = colOf.get(key);
        if (col !== undefined && value !== null && value !== undefined) setValue(model.cells, layout.firstDataRow + i, col, value);
      }
    });
    return model;
  }
  const model = buildIndicatorSheet(template, options);
  const at = new Map(model.names.map((n) => [n.name, n]));
  const put = (ref: string, value: string | number | boolean) => {
    const place = at.get(cellName(template.id, ref));
    if (place) setValue(model.cells, place.row, place.col, value);
  };
  for (const [ref, value] of Object.entries(filed.values ?? {})) if (value !== null && value !== undefined) put(ref, value as string | number);
  for (const [row, note] of Object.entries(filed.notes ?? {})) if (note) put(`${row}.GC`, note);
  return model;
}

function setValue(cells: CellModel[], row: number, col: number, value: string | number | boolean): void {
  const cell = cells.find((c) => c.row === row && c.col === col);
  // Only input cells take a filed value; a formula cell keeps computing it.
  if (!cell || cell.formula !== undefined) return;
  cell.value = value;
}

/** The mapping between a template and a worksheet, on plain data shared by the add-in and .xlsx files. */
import type { Template } from '../templates/schema';
import { buildIndicatorSheet } from './indicator-sheet';
import { buildListSheet } from './list-sheet';
import type { TemplateSheetOptions } from './layout';
import { buildMetadataSheet } from './metadata';
import type { SheetMetadata, SheetModel, WorkbookModel } from './model';

export * from './address';
export * from './model';
export * from './layout';
export * from './metadata';
export * from './read';
export { STYLES, NUMBER_FORMATS, FONT_NAME, FONT_SIZE, BORDER_COLOR, PRINT_MARGINS, type StyleSpec } from './styles';
export { validationAlert, type ValidationAlert } from './validation-alert';
export { buildIndicatorSheet, numberFormatFor } from './indicator-sheet';
export { buildListSheet, listLayout } from './list-sheet';
export { filledTemplateSheet } from './filled';

export function buildTemplateSheet(template: Template, options: TemplateSheetOptions = {}): SheetModel {
  return template.kind === 'indicator' ? buildIndicatorSheet(template, options) : buildListSheet(template, options);
}

export function sheetMetadataFor(template: Template, options: TemplateSheetOptions = {}): SheetMetadata {
  const entry: SheetMetadata = { sheet: template.id, template: template.id, version: template.version };
  if (options.unit?.code) entry.unit = options.unit.code;
  if (options.unit?.name) entry.unitName = options.unit.name;
  if (options.unit?.kind) entry.unitKind = options.unit.kind;
  if (options.period) entry.period = options.period;
  return entry;
}

/**
 * A further sheet of a template already in the workbook (another period): named after its period,
 * without defined names, which are the workbook's and stay with the first sheet; it is read by row
 * code and column key, as every reader can.
 */
export function anotherPeriodSheet(model: SheetModel, metadata: SheetMetadata, period: string): { sheet: SheetModel; metadata: SheetMetadata } {
  const name = `${metadata.template} ${period}`;
  return { sheet: { ...model, name, names: [] }, metadata: { ...metadata, sheet: name } };
}

/** A blank template workbook: the template sheet and the hidden metadata sheet. */
export function buildTemplateWorkbook(template: Template, options: TemplateSheetOptions = {}): WorkbookModel {
  const metadata = [sheetMetadataFor(template, options)];
  return {
    title: `${template.id} — ${template.title[options.lang ?? 'vi']}`,
    sheets: [buildTemplateSheet(template, options), buildMetadataSheet(metadata)],
    metadata,
  };
}
export * from './consolidated';
export * from './read-records';

/** Rows a clerk may insert below a template's layout, and columns for notes beside it, that a reader still takes in. */
const AREA_SLACK = { rows: 2000, cols: 50 } as const;

/** The part of a sheet a template can occupy; a reader looks no further. */
export function templateArea(template: Template): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const cell of buildTemplateSheet(template).cells) {
    rows = Math.max(rows, cell.row + 1);
    cols = Math.max(cols, cell.col + 1);
  }
  return { rows: rows + AREA_SLACK.rows, cols: cols + AREA_SLACK.cols };
}

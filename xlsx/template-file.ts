/** Blank template workbooks out, filled ones in: the .xlsx side of a template. */
import { getTemplate, templateCells, templateFor, templateVersion, type Template } from '../shared/templates';
import { a1, buildTemplateWorkbook, headingMismatch, readTemplateGrid, sheetPrefix, templateArea, type ReadResult, type SheetMetadata, type TemplateSheetOptions } from '../shared/workbook';
import { provinceRowArea, sheetNameFor } from '../shared/workbook/consolidated';
import { addressOf, readWorkbook, WorkbookReadError } from './read';
import { writeWorkbook } from './write';

export { WorkbookReadError };

export function writeTemplateFile(template: Template, options: TemplateSheetOptions = {}): Uint8Array {
  return writeWorkbook(buildTemplateWorkbook(template, options));
}

export interface TemplateSheet {
  template: Template;
  metadata: SheetMetadata;
  read: ReadResult;
  /** A consolidated sheet (TH_…): `read` is its provincial total row; `filed` is false when nobody filed, so it has none. */
  consolidated?: { filed: boolean };
}

export interface ReadTemplateFileOptions {
  /**
   * Read the province's consolidated sheets as such (for `chitieu validate`): only the provincial
   * total row and what is above it, the unit rows below left unread. Never set for a unit's upload,
   * whose sheets are read within their template's area whatever they are named.
   */
  consolidated?: boolean;
}

/** A sheet the consolidated workbook writes for a template: named for it, for the province, no unit. */
function isProvinceSheet(template: Template, metadata: SheetMetadata): boolean {
  return template.kind === 'indicator' && metadata.sheet === sheetNameFor(template.id) && metadata.unit === undefined;
}

/**
 * Every template sheet of a filled workbook, each read within the area of the version it was made
 * from, so an old workbook keeps reading. A workbook that does not say which template and version it
 * holds, or holds a version the catalogue does not have, is refused: reading it with shifted rows
 * would put figures in the wrong cells. So is a figure the reader cannot see: a formula saved
 * without its result, or a value far outside the template.
 * So is a sheet whose heading shows another template, unit or period than the hidden sheet records.
 */
function otherVersion(template: Template, metadata: SheetMetadata): ReadResult {
  return {
    submission: { template: template.id, version: metadata.version, period: metadata.period ?? '', ...(metadata.unit ? { unit: metadata.unit } : {}), values: {}, notes: {} },
    locate: () => undefined,
  };
}

export function readTemplateFile(bytes: Uint8Array, options: ReadTemplateFileOptions = {}): TemplateSheet[] {
  // Each template's area is laid out once per file, however many sheets claim it.
  const areas = new Map<Template, ReturnType<typeof templateArea>>();
  const areaOf = (template: Template) => areas.get(template) ?? areas.set(template, templateArea(template)).get(template)!;
  const provincial = (template: Template, metadata: SheetMetadata) => options.consolidated === true && isProvinceSheet(template, metadata);
  const contents = readWorkbook(bytes, {
    area: (sheet, metadata) => {
      const entry = metadata.find((m) => m.sheet === sheet);
      const template = entry && (templateVersion(entry.template, entry.version) ?? getTemplate(entry.template));
      if (!template) return undefined;
      // The province's row and the lines above it, a smaller area than the template's: the unit rows are not its figures.
      return provincial(template, entry) && template.kind === 'indicator' ? provinceRowArea(template) : areaOf(template);
    },
  });
  if (contents.metadata.length === 0) throw new WorkbookReadError('no_metadata');
  const out: TemplateSheet[] = [];
  for (const metadata of contents.metadata) {
    const current = getTemplate(metadata.template);
    if (!current) throw new WorkbookReadError('template_unknown', { template: metadata.template });
    // A sheet is read with the rows of the version it was made from; whether that version is the one
    // in force for its period is the engine's verdict. A version the catalogue does not know is judged
    // against the version of the sheet's period, so the refusal names the one to use.
    const template = templateVersion(current.id, metadata.version) ?? templateFor(current.id, metadata.period ?? '') ?? current;
    const shown = contents.sheets.find((s) => s.sheet === metadata.sheet);
    // The hidden sheet decides where a report is filed: it must say what the person who sent it saw.
    const mismatch = shown && headingMismatch(shown.values, metadata);
    if (mismatch) {
      const { field, heading, hidden, row, col } = mismatch;
      throw new WorkbookReadError('heading_mismatch', { sheet: metadata.sheet, field, heading, hidden, cell: `${sheetPrefix(metadata.sheet)}${a1(row, col)}` });
    }
    if (metadata.version !== template.version) {
      // Read with another version's rows, figures would land in the wrong cells: the report carries
      // the sheet's version and no figures, and the engine refuses it as it refuses such JSON.
      out.push({ template, metadata, read: otherVersion(template, metadata) });
      continue;
    }
    const sheet = contents.sheets.find((s) => s.sheet === metadata.sheet);
    if (!sheet) throw new WorkbookReadError('sheet_missing', { sheet: metadata.sheet, template: template.id });
    const consolidated = provincial(template, metadata);
    const outside = contents.outside.find((o) => o.sheet === metadata.sheet);
    if (outside && !consolidated) {
      const area = areaOf(template);
      throw new WorkbookReadError('cell_outside_area', { cell: addressOf(outside), count: outside.count, last: a1(area.rows - 1, area.cols - 1) });
    }
    const read = readTemplateGrid(template, sheet, { names: contents.names, metadata });
    const uncalculated = new Set(contents.uncalculated.filter((p) => p.sheet === metadata.sheet).map(addressOf));
    // A derived cell's own formula left uncalculated loses nothing: the engine derives it again.
    const inputs = template.kind === 'indicator' ? [...templateCells(template).values()].filter((c) => c.input).map((c) => c.ref) : [];
    const missing = inputs.map((ref) => read.locate(ref)).filter((at) => at !== undefined && uncalculated.has(at));
    if (missing.length > 0) throw new WorkbookReadError('formula_without_result', { cells: missing.join(', ') });
    // A template nobody filed is a line that says so, without the template's cell names and without a
    // figure: no provincial row to check. A sheet with figures whose names are gone is read, and refused.
    const filed = contents.names.some((n) => n.sheet === metadata.sheet) || sheet.values.some((row) => row.some((v) => typeof v === 'number'));
    if (consolidated) out.push({ template, metadata, read, consolidated: { filed } });
    else out.push({ template, metadata, read });
  }
  return out;
}

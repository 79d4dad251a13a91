/**
 * Reads an .xlsx file into plain grids, defined names and template metadata (shared/workbook),
 * within bounds: only the parts needed are inflated, and only the cells inside each sheet's area
 * are kept. A cell far outside is never allocated; when it holds something, it is named.
 */
import { METADATA_SHEET, a1, parseMetadata, parseSheetAddress, sheetPrefix, type NameRef, type RawValue, type SheetGrid, type SheetMetadata } from '../shared/workbook';
import { CellProblem, MAX_COLS, MAX_ROWS, cellReference, cellValue, isCellType, rowNumber } from './cell-read';
import { XLSX_LIMITS } from './limits';
import { RELATIONSHIP_NAMESPACES, SPREADSHEET_NAMESPACES, ownElements } from './own-elements';
import { WorkbookReadError } from './read-error';
import { XmlError, clip, scanXml, type XmlHandlers } from './xml-scan';
import { ZipReader } from './zip-read';

export { WorkbookReadError };

export interface SheetArea {
  rows: number;
  cols: number;
}

export interface ReadWorkbookOptions {
  /** How much of a sheet to read, or undefined to leave it unread (the default for every sheet but the metadata). */
  area?: (sheet: string, metadata: readonly SheetMetadata[]) => SheetArea | undefined;
}

export interface CellPosition {
  sheet: string;
  row: number;
  col: number;
}

export interface WorkbookContents {
  sheets: SheetGrid[];
  names: NameRef[];
  metadata: SheetMetadata[];
  /** Formula cells saved without a calculated result (by a program that does not calculate). */
  uncalculated: CellPosition[];
  /** The first cell holding something beyond its sheet's area, for each sheet that has one. */
  outside: (CellPosition & { count: number })[];
}

interface SheetEntry {
  name: string;
  path: string;
}

const MAIN_REL = /\/officeDocument$/;

/** The runtime's decoder: Node and workerd both have it; this package's types leave the DOM out. */
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
/** Parts are UTF-8, as Excel writes them; bytes that are not are refused, not replaced. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function xmlOf(zip: ZipReader, part: string): string | undefined {
  const bytes = zip.read(part);
  if (!bytes) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new WorkbookReadError('malformed_xml', { part, reason: 'không phải UTF-8 / not UTF-8' });
  }
}

function scanPart(part: string, xml: string, handlers: XmlHandlers, namespaces = SPREADSHEET_NAMESPACES): void {
  try {
    scanXml(xml, ownElements(namespaces, handlers));
  } catch (e) {
    if (e instanceof XmlError) throw new WorkbookReadError('malformed_xml', { part, reason: e.message });
    throw e;
  }
}

/** `xl/worksheets/sheet1.xml` from `worksheets/sheet1.xml` beside `xl/workbook.xml`, or an absolute target. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsOf(zip: ZipReader, part: string): { id: string; type: string; target: string }[] {
  const slash = part.lastIndexOf('/');
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = xmlOf(zip, relsPart);
  const out: { id: string; type: string; target: string }[] = [];
  if (!xml) return out;
  scanPart(
    relsPart,
    xml,
    {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') out.push({ id: a.Id, type: a.Type ?? '', target: resolvePart(part, a.Target) });
      },
    },
    RELATIONSHIP_NAMESPACES,
  );
  return out;
}

function readSharedStrings(zip: ZipReader, part: string | undefined): string[] {
  const xml = part ? xmlOf(zip, part) : undefined;
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanPart(part!, xml, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
  });
  return strings;
}

interface SheetRead {
  values: RawValue[][];
  uncalculated: { row: number; col: number }[];
  outside?: { row: number; col: number; count: number };
}

/**
 * The cells of one worksheet inside its area; positions without `r` follow the previous cell. Rows
 * and cells come in ascending order, each cell in its own row, as Excel writes and requires them.
 */
function readSheetCells(part: string, xml: string, area: SheetArea, strings: readonly string[]): SheetRead {
  const values: RawValue[][] = [];
  const uncalculated: { row: number; col: number }[] = [];
  let outside: SheetRead['outside'];
  let inSheetData = false;
  let row = -1;
  let inRow = false;
  let col = -1;
  let cell: { type: string; formula: boolean; value: string[] | null; inline: string[]; row: number; col: number } | null = null;
  let into: 'v' | 't' | null = null;
  let phonetic = 0;
  const malformed: (reason: string) => never = (reason) => {
    throw new WorkbookReadError('malformed_xml', { part, reason });
  };

  scanPart(part, xml, {
    open(name, a) {
      if (name === 'sheetData') inSheetData = true;
      else if (!inSheetData) return;
      else if (name === 'row') {
        const r = a.r === undefined ? row + 1 : rowNumber(a.r);
        if (r === undefined || r >= MAX_ROWS) malformed(`hàng "${clip(a.r ?? String(row + 2))}" / row "${clip(a.r ?? String(row + 2))}"`);
        if (r <= row) malformed(`hàng ${r + 1} sau hàng ${row + 1} / row ${r + 1} after row ${row + 1}`);
        row = r;
        inRow = true;
        col = -1;
      } else if (name === 'c') {
        if (!inRow) malformed('ô ngoài hàng / cell outside a row');
        let at: { row: number; col: number } | undefined;
        if (a.r !== undefined) {
          at = cellReference(a.r);
          if (!at || at.row !== row) malformed(`ô "${clip(a.r)}" trong hàng ${row + 1} / cell "${clip(a.r)}" in row ${row + 1}`);
          if (at.col <= col) malformed(`ô ${a.r} lặp lại hoặc sai thứ tự / cell ${a.r} repeated or out of order`);
        } else {
          at = { row, col: col + 1 };
          if (at.col >= MAX_COLS) malformed(`hàng ${row + 1} quá nhiều ô / too many cells in row ${row + 1}`);
        }
        const type = a.t ?? 'n';
        if (!isCellType(type)) {
          throw new WorkbookReadError('malformed_cell', { part, cell: a1(at.row, at.col), reason: `kiểu "${clip(type)}" không có trong SpreadsheetML / unknown cell type "${clip(type)}"` });
        }
        col = at.col;
        cell = { type, formula: false, value: null, inline: [], row: at.row, col: at.col };
      } else if (cell) {
        if (name === 'f') cell.formula = true;
        else if (name === 'v') {
          cell.value = [];
          into = 'v';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) into = 't';
      }
    },
    close(name) {
      if (name === 'sheetData') inSheetData = false;
      else if (name === 'row') inRow = false;
      else if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const c = cell;
        cell = null;
        const hasValue = c.value !== null || c.inline.length > 0;
        if (!hasValue && !c.formula) return;
        let value: RawValue;
        try {
          value = hasValue ? cellValue(c.type, c.value?.join('') ?? '', c.inline.join(''), strings) : null;
        } catch (e) {
          if (e instanceof CellProblem) throw new WorkbookReadError('malformed_cell', { part, cell: a1(c.row, c.col), reason: e.message });
          throw e;
        }
        if (c.row >= area.rows || c.col >= area.cols) {
          if (outside) outside.count++;
          else outside = { row: c.row, col: c.col, count: 1 };
          return;
        }
        if (!hasValue) {
          uncalculated.push({ row: c.row, col: c.col });
          return;
        }
        if (value === null || value === '') return;
        while (values.length <= c.row) values.push([]);
        const line = values[c.row]!;
        while (line.length < c.col) line.push(null);
        line[c.col] = value;
      }
    },
    text(t) {
      if (!cell || into === null) return;
      if (into === 'v') cell.value!.push(t);
      else cell.inline.push(t);
    },
  });
  return { values, uncalculated, ...(outside ? { outside } : {}) };
}

export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): WorkbookContents {
  const zip = new ZipReader(bytes);
  const main = relsOf(zip, '').find((r) => MAIN_REL.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbookXml = xmlOf(zip, main);
  if (!workbookXml) throw new WorkbookReadError('corrupt', { reason: `thiếu / missing ${main}` });

  const rels = relsOf(zip, main);
  const targets = new Map(rels.map((r) => [r.id, r.target]));
  const sheets: SheetEntry[] = [];
  const sheetNames = new Set<string>();
  const names: NameRef[] = [];
  let definedName: { name: string; local: boolean; text: string[] } | null = null;
  scanPart(main, workbookXml, {
    open(name, a) {
      if (name === 'sheet' && a.name && a.id && targets.has(a.id)) {
        // Excel names sheets without regard to case, and calls a workbook with two of one name damaged.
        const key = a.name.toLowerCase();
        if (sheetNames.has(key)) throw new WorkbookReadError('malformed_xml', { part: main, reason: `trang "${clip(a.name)}" có hai lần / sheet "${clip(a.name)}" appears twice` });
        sheetNames.add(key);
        sheets.push({ name: a.name, path: targets.get(a.id)! });
      }
      else if (name === 'definedName') definedName = { name: a.name ?? '', local: a.localSheetId !== undefined, text: [] };
    },
    text(t) {
      definedName?.text.push(t);
    },
    close(name) {
      if (name !== 'definedName' || !definedName) return;
      const { name: n, local, text } = definedName;
      definedName = null;
      // Sheet-scoped names (print areas and titles) are the sheet's own business.
      if (local || n.startsWith('_xlnm.')) return;
      const at = parseSheetAddress(text.join('').trim());
      if (at) names.push({ name: n, ...at });
    },
  });

  const strings = readSharedStrings(zip, rels.find((r) => r.type.endsWith('/sharedStrings'))?.target);
  const metaEntry = sheets.find((s) => s.name === METADATA_SHEET);
  const metaXml = metaEntry ? xmlOf(zip, metaEntry.path) : undefined;
  const metadata = metaXml ? parseMetadata(readSheetCells(metaEntry!.path, metaXml, XLSX_LIMITS.metadataArea, strings).values) : [];

  const contents: WorkbookContents = { sheets: [], names, metadata, uncalculated: [], outside: [] };
  for (const entry of sheets) {
    if (entry === metaEntry) continue;
    const area = options.area?.(entry.name, metadata);
    if (!area) continue;
    const xml = xmlOf(zip, entry.path);
    if (xml === undefined) throw new WorkbookReadError('sheet_missing', { sheet: entry.name, template: '' });
    const read = readSheetCells(entry.path, xml, area, strings);
    contents.sheets.push({ sheet: entry.name, values: read.values });
    contents.uncalculated.push(...read.uncalculated.map((p) => ({ sheet: entry.name, ...p })));
    if (read.outside) contents.outside.push({ sheet: entry.name, ...read.outside });
  }
  return contents;
}

/** Every sheet, each within the general bound: for reading back a workbook the product made. */
export const EVERY_SHEET: ReadWorkbookOptions = { area: () => XLSX_LIMITS.sheetArea };

/** `BM03!E7` for a position read, as the engine's issues write it. */
export function addressOf(p: CellPosition): string {
  return `${sheetPrefix(p.sheet)}${a1(p.row, p.col)}`;
}

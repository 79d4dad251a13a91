/**
 * Reads an .xlsx file into plain grids, defined names and template metadata (shared/workbook),
 * within bounds: only the parts needed are inflated, and only the cells inside each sheet's area
 * are kept. A cell far outside is never allocated; when it holds something, it is named.
 */
import { strFromU8 } from 'fflate';
import { isoToExcelSerial } from '../shared/dates';
import { METADATA_SHEET, a1, parseA1, parseMetadata, parseSheetAddress, sheetPrefix, type NameRef, type RawValue, type SheetGrid, type SheetMetadata } from '../shared/workbook';
import { XLSX_LIMITS } from './limits';
import { WorkbookReadError } from './read-error';
import { XmlError, scanXml, type XmlHandlers } from './xml-scan';
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

function xmlOf(zip: ZipReader, part: string): string | undefined {
  const bytes = zip.read(part);
  return bytes ? strFromU8(bytes) : undefined;
}

function scanPart(part: string, xml: string, handlers: XmlHandlers): void {
  try {
    scanXml(xml, handlers);
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
  scanPart(relsPart, xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') out.push({ id: a.Id, type: a.Type ?? '', target: resolvePart(part, a.Target) });
    },
  });
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

/** A formula's result, a shared or inline string, a number, a boolean or an error, as Excel shows it. */
function cellValue(type: string, raw: string, inline: string, strings: readonly string[]): RawValue {
  switch (type) {
    case 's': {
      const s = strings[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'd': {
      const day = raw.slice(0, 10);
      return /^\d{4}-\d{2}-\d{2}$/.test(day) ? isoToExcelSerial(day) : raw;
    }
    default: {
      const trimmed = raw.trim();
      if (trimmed === '') return null;
      const n = Number(trimmed);
      return Number.isNaN(n) ? trimmed : n;
    }
  }
}

interface SheetRead {
  values: RawValue[][];
  uncalculated: { row: number; col: number }[];
  outside?: { row: number; col: number; count: number };
}

/** The cells of one worksheet inside its area; positions without `r` follow the previous cell. */
function readSheetCells(part: string, xml: string, area: SheetArea, strings: readonly string[]): SheetRead {
  const values: RawValue[][] = [];
  const uncalculated: { row: number; col: number }[] = [];
  let outside: SheetRead['outside'];
  let row = -1;
  let col = -1;
  let cell: { type: string; formula: boolean; value: string[] | null; inline: string[]; row: number; col: number } | null = null;
  let into: 'v' | 't' | null = null;
  let phonetic = 0;

  scanPart(part, xml, {
    open(name, a) {
      if (name === 'row') {
        const r = a.r ? Number(a.r) - 1 : row + 1;
        if (!Number.isInteger(r) || r < 0) throw new WorkbookReadError('malformed_xml', { part, reason: `hàng "${a.r}" / row "${a.r}"` });
        row = r;
        col = -1;
      } else if (name === 'c') {
        let at: { row: number; col: number } | undefined;
        if (a.r) {
          const parsed = parseA1(a.r);
          if (!parsed || parsed.rows !== 1 || parsed.cols !== 1) throw new WorkbookReadError('malformed_xml', { part, reason: `ô "${a.r}" / cell "${a.r}"` });
          at = parsed;
        } else at = { row: Math.max(row, 0), col: col + 1 };
        row = at.row;
        col = at.col;
        cell = { type: a.t ?? 'n', formula: false, value: null, inline: [], row: at.row, col: at.col };
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
      if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const c = cell;
        cell = null;
        const hasValue = c.value !== null || c.inline.length > 0;
        if (!hasValue && !c.formula) return;
        if (c.row >= area.rows || c.col >= area.cols) {
          if (outside) outside.count++;
          else outside = { row: c.row, col: c.col, count: 1 };
          return;
        }
        if (!hasValue) {
          uncalculated.push({ row: c.row, col: c.col });
          return;
        }
        const value = cellValue(c.type, c.value?.join('') ?? '', c.inline.join(''), strings);
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
  const names: NameRef[] = [];
  let definedName: { name: string; local: boolean; text: string[] } | null = null;
  scanPart(main, workbookXml, {
    open(name, a) {
      if (name === 'sheet' && a.name && a.id && targets.has(a.id)) sheets.push({ name: a.name, path: targets.get(a.id)! });
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

/**
 * Which template, version, unit and period each sheet holds, kept in a very hidden sheet
 * so the add-in and the command line recognise a workbook when it is opened again.
 */
import { UNIT_KINDS, type UnitKind } from '../templates/schema';
import type { SheetMetadata, SheetModel } from './model';
import { SHEET_WORDS } from './words';

export const METADATA_SHEET = '_chitieu';
const KEYS = ['sheet', 'template', 'version', 'unit', 'unitName', 'unitKind', 'period'] as const;

export function buildMetadataSheet(entries: readonly SheetMetadata[]): SheetModel {
  return {
    name: METADATA_SHEET,
    cells: [
      ...KEYS.map((key, col) => ({ row: 0, col, value: key })),
      ...entries.flatMap((entry, i) =>
        KEYS.map((key, col) => ({ row: i + 1, col, value: entry[key] ?? null, numberFormat: '@' })),
      ),
    ],
    merges: [],
    columnWidths: KEYS.map(() => 16),
    names: [],
    validations: [],
    visibility: 'veryHidden',
  };
}

/** Reads the metadata sheet's values; rows that do not make sense are skipped. */
export function parseMetadata(values: readonly (readonly unknown[])[]): SheetMetadata[] {
  const [header, ...rows] = values;
  if (!header) return [];
  const index = new Map(header.map((h, i) => [String(h ?? ''), i]));
  const text = (row: readonly unknown[], key: (typeof KEYS)[number]): string | undefined => {
    const i = index.get(key);
    const v = i === undefined ? undefined : row[i];
    return v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim();
  };
  const out: SheetMetadata[] = [];
  for (const row of rows) {
    const sheet = text(row, 'sheet');
    const template = text(row, 'template');
    const version = text(row, 'version');
    if (!sheet || !template || !version) continue;
    const entry: SheetMetadata = { sheet, template, version };
    const unit = text(row, 'unit');
    const unitName = text(row, 'unitName');
    const unitKind = text(row, 'unitKind');
    const period = text(row, 'period');
    if (unit) entry.unit = unit;
    if (unitName) entry.unitName = unitName;
    if (unitKind && (UNIT_KINDS as readonly string[]).includes(unitKind)) entry.unitKind = unitKind as UnitKind;
    if (period) entry.period = period;
    out.push(entry);
  }
  return out;
}

/** A line of a template sheet's heading as a person reads it: what it shows, the code in its brackets, and where. */
interface HeadingLine {
  text: string;
  code: string | undefined;
  row: number;
  col: number;
}

/** Where the heading is looked for: the rows above the column headers, and a few a clerk may have inserted. */
const HEADING_ROWS = 12;

const LABELS = Object.values(SHEET_WORDS).map((w) => ({
  title: w.templateTitle('\u0000', '').split('\u0000')[0]!,
  unit: `${w.reportingUnit}:`,
  period: `${w.periodLabel}:`,
  blank: w.blank,
}));

/** `UBND xã Phước An (PAN)` → `PAN`; the title `BIỂU MẪU BM03. …` → `BM03`. */
const bracketed = (text: string): string | undefined => /\(([^()]*)\)\s*$/.exec(text)?.[1]?.trim();

/** The template, unit and period a template sheet's heading shows (absent when its line is gone or left blank). */
export function readHeading(values: readonly (readonly unknown[])[]): Partial<Record<'template' | 'unit' | 'period', HeadingLine>> {
  const out: Partial<Record<'template' | 'unit' | 'period', HeadingLine>> = {};
  for (let row = 0; row < Math.min(values.length, HEADING_ROWS); row++) {
    (values[row] ?? []).forEach((value, col) => {
      if (typeof value !== 'string') return;
      const text = value.trim();
      for (const label of LABELS) {
        if (!out.template && text.startsWith(label.title)) {
          const id = text.slice(label.title.length).split('.')[0]!.trim();
          out.template = { text, code: id, row, col };
        }
        for (const key of ['unit', 'period'] as const) {
          if (out[key] || !text.startsWith(label[key])) continue;
          const shown = text.slice(label[key].length).trim();
          if (shown !== '' && shown !== label.blank) out[key] = { text: shown, code: bracketed(shown), row, col };
        }
      }
    });
  }
  return out;
}

export interface HeadingMismatch {
  field: 'template' | 'unit' | 'period';
  /** What the sheet shows, and what the hidden sheet says. */
  heading: string;
  hidden: string;
  row: number;
  col: number;
}

/**
 * Whether the hidden sheet says what the heading shows: the same template, unit and period. A unit
 * line without a code in brackets is compared by the unit's name. A line that is gone, or left blank,
 * shows nothing to contradict.
 */
export function headingMismatch(values: readonly (readonly unknown[])[], metadata: SheetMetadata): HeadingMismatch | undefined {
  const heading = readHeading(values);
  const same = (a: string, b: string) => a.normalize('NFC').toUpperCase() === b.normalize('NFC').toUpperCase();
  const { template, unit, period } = heading;
  if (template && !same(template.code ?? '', metadata.template)) return { field: 'template', heading: template.text, hidden: metadata.template, row: template.row, col: template.col };
  if (unit && metadata.unit) {
    const agrees = unit.code !== undefined ? same(unit.code, metadata.unit) : same(unit.text, metadata.unitName ?? metadata.unit);
    if (!agrees) return { field: 'unit', heading: unit.text, hidden: metadata.unitName ? `${metadata.unitName} (${metadata.unit})` : metadata.unit, row: unit.row, col: unit.col };
  }
  if (period && metadata.period && !same(period.code ?? period.text, metadata.period)) {
    return { field: 'period', heading: period.text, hidden: metadata.period, row: period.row, col: period.col };
  }
  return undefined;
}

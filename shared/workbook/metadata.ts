/**
 * Which template, version, unit and period each sheet holds, kept in a very hidden sheet
 * so the add-in and the command line recognise a workbook when it is opened again.
 */
import { UNIT_KINDS, type UnitKind } from '../templates/schema';
import type { SheetMetadata, SheetModel } from './model';

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

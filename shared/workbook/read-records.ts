/**
 * Reads a sheet laid out the other way round: one row per record, one column per template cell,
 * the column headed by its cell reference (`TT01.KQ`), as the consolidated sheets are. Each row
 * (a unit, or the provincial total) becomes a submission of its own.
 */
import type { Submission } from '../submission';
import { shiftDecimal } from '../numbers/decimal';
import { templateCells } from '../templates/cells';
import type { IndicatorTemplate } from '../templates/schema';
import { a1, sheetPrefix } from './address';
import type { RawValue, SheetGrid } from './read';

export interface RecordRead {
  /** What the row is (the unit code or the total's label). */
  label: string;
  row: number;
  submission: Submission & { values: Record<string, string | number | null> };
  locate: (ref: string) => string | undefined;
}

export function readRecords(template: IndicatorTemplate, sheet: SheetGrid): RecordRead[] {
  const cells = templateCells(template);
  const originRow = sheet.originRow ?? 0;
  const originCol = sheet.originCol ?? 0;
  const text = (v: RawValue) => (v === null || v === undefined ? '' : String(v).trim());

  let headerIndex = -1;
  let best = 0;
  sheet.values.forEach((line, i) => {
    const hits = line.filter((v) => cells.has(text(v).toUpperCase())).length;
    if (hits > best) {
      best = hits;
      headerIndex = i;
    }
  });
  if (headerIndex < 0) return [];
  const header = sheet.values[headerIndex]!;
  const columns = new Map<number, string>();
  header.forEach((v, c) => {
    const ref = text(v).toUpperCase();
    if (cells.has(ref)) columns.set(c, ref);
  });
  const firstFigure = Math.min(...columns.keys());

  const records: RecordRead[] = [];
  for (let i = headerIndex + 1; i < sheet.values.length; i++) {
    const line = sheet.values[i] ?? [];
    const values: Record<string, string | number | null> = {};
    const positions = new Map<string, number>();
    for (const [c, ref] of columns) {
      const raw = line[c];
      if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
      const info = cells.get(ref)!;
      const percent = info.measure === 'percent' || (info.measure === 'target' && info.row.measure === 'percent');
      values[ref] = typeof raw === 'number' ? (percent ? shiftDecimal(raw, 2) : raw) : typeof raw === 'boolean' ? String(raw) : raw.trim();
      positions.set(ref, c);
    }
    if (Object.keys(values).length === 0) continue;
    const label = line.slice(0, firstFigure).map(text).filter((t) => t !== '' && !/^\d+$/.test(t))[0] ?? `#${i + 1}`;
    const row = originRow + i;
    records.push({
      label,
      row,
      submission: { template: template.id, version: template.version, period: '', values, notes: {} },
      locate: (ref) => {
        const c = positions.get(ref);
        return c === undefined ? undefined : `${sheetPrefix(sheet.sheet)}${a1(row, originCol + c)}`;
      },
    });
  }
  return records;
}

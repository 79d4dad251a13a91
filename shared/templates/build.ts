/** Small builders that keep the template files readable as tables of rows and rules. */
import type { z } from 'zod';
import type { Aggregation, CatalogueLevel, Localized, RowSchema, RuleSchema, ColumnSchema, UnitKind } from './schema';

export type RowInput = z.input<typeof RowSchema>;
export type RuleInput = z.input<typeof RuleSchema>;
export type ColumnInput = z.input<typeof ColumnSchema>;

export const L = (vi: string, en: string): Localized => ({ vi, en });

export const UNITS = {
  percent: L('%', '%'),
  billion: L('tỷ đồng', 'billion VND'),
  score: L('điểm', 'points'),
  rank: L('thứ hạng', 'rank'),
  text: L('—', '—'),
} as const;

export const NOTE_COLUMN_DEF: ColumnInput = {
  key: 'GC',
  label: L('Ghi chú', 'Note'),
  measure: 'text',
  consolidate: 'none',
  width: 36,
};

export const RESULT_COLUMN: ColumnInput = { key: 'KQ', label: L('Kết quả', 'Result'), consolidate: 'row', width: 16 };
export const NUMERATOR_COLUMN: ColumnInput = {
  key: 'TS',
  label: L('Tử số', 'Numerator'),
  measure: 'count',
  consolidate: 'sum',
  width: 14,
};
export const DENOMINATOR_COLUMN: ColumnInput = {
  key: 'MS',
  label: L('Mẫu số', 'Denominator'),
  measure: 'count',
  consolidate: 'sum',
  width: 14,
};

/** What a summed row measures (schema.ts `AggregationSchema`), as row options. */
export const FLOW = { aggregation: 'flow' } as const;
export const BALANCE = { aggregation: 'balance' } as const;
export const CATALOGUE = { aggregation: 'catalogue' } as const;

interface RowOptions {
  /** What a summed figure measures (schema.ts `AggregationSchema`). */
  aggregation?: Aggregation;
  /** The level of the catalogue a catalogue row counts. */
  catalogueLevel?: CatalogueLevel;
  level?: 0 | 1 | 2;
  requiredFor?: UnitKind[];
  source?: string;
  hint?: Localized;
  columns?: string[];
}

export function countRow(code: string, label: Localized, unit: Localized, options: RowOptions = {}): RowInput {
  return { code, label, unit, measure: 'count', columns: options.columns ?? ['KQ'], consolidate: 'sum', ...rest(options) };
}

export function moneyRow(code: string, label: Localized, options: RowOptions = {}): RowInput {
  return { code, label, unit: UNITS.billion, measure: 'money', columns: ['KQ'], consolidate: 'sum', ...rest(options) };
}

/** A percentage collected with its numerator and denominator, so the province can recompute it. */
export function fractionRow(code: string, label: Localized, hint: Localized, options: RowOptions = {}): RowInput {
  return {
    code,
    label,
    hint,
    unit: UNITS.percent,
    measure: 'percent',
    columns: options.columns ?? ['KQ', 'TS', 'MS'],
    consolidate: 'ratio',
    ...rest(options),
  };
}

/** A share computed from other cells of the template. */
export function shareRow(
  code: string,
  label: Localized,
  numerator: string[],
  denominator: string,
  options: RowOptions = {},
): RowInput {
  return {
    code,
    label,
    unit: UNITS.percent,
    measure: 'percent',
    columns: ['KQ'],
    consolidate: 'share',
    share: { numerator, denominator },
    ...rest(options),
  };
}

function rest(options: RowOptions) {
  const { columns: _columns, ...others } = options;
  return others;
}

export const sum = (id: string, total: string, parts: string[], source?: string): RuleInput => ({
  id,
  kind: 'sum',
  total,
  parts,
  ...(source ? { source } : {}),
});

export const le = (id: string, part: string, whole: string, source?: string): RuleInput => ({
  id,
  kind: 'le',
  part,
  whole,
  ...(source ? { source } : {}),
});

/** For every share row, the written share must match its fraction. */
export function shareRules(rows: readonly RowInput[]): RuleInput[] {
  return rows.flatMap((row) =>
    row.share
      ? [{ id: `${row.code}.TYLE`, kind: 'ratio' as const, share: `${row.code}.KQ`, ...row.share }]
      : [],
  );
}

/** For every row collected as a fraction: KQ matches TS / MS, and TS never exceeds MS. */
export function fractionRules(rows: readonly RowInput[]): RuleInput[] {
  return rows.flatMap((row) =>
    row.consolidate === 'ratio'
      ? [
          { id: `${row.code}.TYLE`, kind: 'ratio' as const, share: `${row.code}.KQ`, numerator: [`${row.code}.TS`], denominator: `${row.code}.MS` },
          le(`${row.code}.TS_MS`, `${row.code}.TS`, `${row.code}.MS`),
        ]
      : [],
  );
}

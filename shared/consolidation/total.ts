/**
 * The provincial total of a template, each figure added the way its row says it may be (its
 * aggregation): flows summed over every unit's counted months, balances from the units in force at
 * the period's end, the catalogue taken once from the body that keeps it; ratios and shares from the
 * provincial parts, never averaged. The consolidation and the auditor's check of a sheet both use it.
 */
import { roundTo, sumDecimal } from '../numbers/decimal';
import { templateCells } from '../templates/cells';
import type { IndicatorTemplate } from '../templates/schema';
import type { UnitLine } from './schema';

/** Recomputed shares keep eight decimals of a percentage. */
export const SHARE_DECIMALS = 8;

/** What the provincial total is made of: each unit line, where it sits, its figures, and whether it holds a balance at the end. */
export type TotalLine = Pick<UnitLine, 'code' | 'kind' | 'parent' | 'values'> & {
  /** False for a unit that ended before the period's end: its balances are a successor's now. Absent: true. */
  atEnd?: boolean;
};

/** Who the total is taken from for the catalogue: the body that keeps it, on the period's last day. */
export interface TotalContext {
  catalogueKeeper: string | null;
}

/** The lines whose own figure stands for a cell: each top-level unit, or the communes of a district that has none. */
export function contributingLines<L extends TotalLine>(lines: readonly L[], ref: string): L[] {
  const out: L[] = [];
  const codes = new Set(lines.map((l) => l.code));
  for (const line of lines) {
    if (line.kind === 'commune' && line.parent && codes.has(line.parent)) continue;
    if (typeof line.values[ref] === 'number') {
      out.push(line);
      continue;
    }
    if (line.kind === 'district') out.push(...lines.filter((l) => l.parent === line.code && typeof l.values[ref] === 'number'));
  }
  return out;
}

/** The share a row computes from its numerator and denominator, where both are there. */
export function fractionOf(template: IndicatorTemplate, code: string, values: Record<string, number | string | null>): number | undefined {
  const row = template.rows.find((r) => r.code === code);
  if (!row) return undefined;
  const parts =
    row.consolidate === 'ratio'
      ? { numerator: [`${code}.TS`], denominator: `${code}.MS` }
      : row.consolidate === 'share' && row.share
        ? row.share
        : undefined;
  if (!parts) return undefined;
  const numerator = parts.numerator.map((r) => values[r]);
  const denominator = values[parts.denominator];
  if (numerator.some((n) => typeof n !== 'number') || typeof denominator !== 'number' || denominator === 0) return undefined;
  // Eight decimals of a percentage: far beyond any report, and the same digits in JSON and in a sheet.
  return roundTo((sumDecimal(numerator as number[]) / denominator) * 100, SHARE_DECIMALS);
}

/** A sum rule's total given without its parts by a line the total counts: the province's parts would not add up to it. */
export interface Breakdown {
  total: string;
  parts: string[];
  /** Units whose total counts but whose parts are blank. */
  units: string[];
}

/**
 * The lines a summed cell counts: every line for a flow, the lines in force at the period's end for a
 * balance, the body that keeps the catalogue for a catalogue row; each top-level unit, or the
 * communes of a district that has no figure of its own.
 */
export function countedLines<L extends TotalLine>(template: IndicatorTemplate, ref: string, lines: readonly L[], context: TotalContext): L[] {
  const aggregation = templateCells(template).get(ref)?.row.aggregation;
  if (aggregation === 'catalogue') return lines.filter((l) => l.code === context.catalogueKeeper && typeof l.values[ref] === 'number');
  return contributingLines(aggregation === 'balance' ? lines.filter((l) => l.atEnd !== false) : lines, ref);
}

/** The sum rules whose provincial parts cannot be given, because a counted unit filed the total alone. */
export function incompleteBreakdowns(template: IndicatorTemplate, lines: readonly TotalLine[], context: TotalContext): Breakdown[] {
  const out: Breakdown[] = [];
  for (const rule of template.rules) {
    if (rule.kind !== 'sum' || templateCells(template).get(rule.total)?.row.consolidate !== 'sum') continue;
    const units = countedLines(template, rule.total, lines, context)
      .filter((l) => rule.parts.every((p) => typeof l.values[p] !== 'number'))
      .map((l) => l.code);
    if (units.length > 0) out.push({ total: rule.total, parts: [...rule.parts], units });
  }
  return out;
}

export function provinceTotal(template: IndicatorTemplate, lines: readonly TotalLine[], context: TotalContext): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = {};
  for (const [ref, info] of templateCells(template)) {
    const column = info.column;
    const rule = column.consolidate === 'row' ? info.row.consolidate : column.consolidate;
    if (column.derived || rule === 'none' || rule === 'list' || rule === 'ratio' || rule === 'share') continue;
    if (rule === 'same') {
      const seen = [...new Set(lines.map((l) => l.values[ref]).filter((v) => v !== undefined))];
      values[ref] = seen.length === 1 ? seen[0]! : null;
      continue;
    }
    const parts = countedLines(template, ref, lines, context).map((l) => l.values[ref] as number);
    values[ref] = parts.length > 0 ? sumDecimal(parts) : null;
  }
  // A part the province cannot give whole is left blank rather than shown short of its total.
  for (const breakdown of incompleteBreakdowns(template, lines, context)) {
    for (const part of breakdown.parts) values[part] = null;
  }
  // Ratios and shares come last: from the provincial numerators and denominators.
  for (const row of template.rows) {
    if (row.consolidate === 'ratio' || row.consolidate === 'share') {
      values[`${row.code}.KQ`] = fractionOf(template, row.code, values) ?? null;
    }
  }
  return values;
}

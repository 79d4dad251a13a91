/** Targets as plans write them: a figure with a comparator (`> 90%`, `tối thiểu 90%`), or text. */
import { parseNumberText, decimalsOf, type Qualifier } from '../numbers';
import type { Measure } from '../templates/schema';
import { numberKindOf } from './normalize-kinds';

export type Comparator = '>' | '≥' | '<' | '≤';

export interface Target {
  comparator: Comparator;
  value: number;
  decimals: number;
}

const COMPARATOR_OF_QUALIFIER: Record<Qualifier, Comparator | undefined> = {
  more_than: '>',
  at_least: '≥',
  less_than: '<',
  at_most: '≤',
  about: undefined,
};

export type TargetReading =
  | { kind: 'target'; target: Target }
  | { kind: 'text' }
  | { kind: 'problem'; reason: 'ambiguous' | 'unit_mismatch'; candidates?: number[]; unit?: string };

/** Reads a target written for a row of the given measure. A plain figure means "at least". */
export function readTargetValue(raw: number | string, measure: Measure): TargetReading {
  if (typeof raw === 'number') return { kind: 'target', target: { comparator: '≥', value: raw, decimals: decimalsOf(raw) } };
  const kind = numberKindOf(measure);
  if (!kind) return { kind: 'text' };
  const parsed = parseNumberText(raw, kind);
  if (parsed.ok) {
    const comparator = parsed.qualifier ? (COMPARATOR_OF_QUALIFIER[parsed.qualifier] ?? '≥') : '≥';
    return { kind: 'target', target: { comparator, value: parsed.value, decimals: parsed.decimals } };
  }
  // Targets may be sentences ("100% cấp tỉnh, 80% cấp huyện").
  if (parsed.reason === 'unreadable' || parsed.reason === 'several_numbers' || parsed.reason === 'empty') return { kind: 'text' };
  return {
    kind: 'problem',
    reason: parsed.reason,
    ...(parsed.candidates ? { candidates: parsed.candidates } : {}),
    ...(parsed.unit ? { unit: parsed.unit } : {}),
  };
}

/** The target of a stored value (as written), or null for a text target. */
export function parseTarget(raw: number | string, measure: Measure): Target | null {
  const reading = readTargetValue(raw, measure);
  return reading.kind === 'target' ? reading.target : null;
}

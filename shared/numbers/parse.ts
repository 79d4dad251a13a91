/**
 * Reads numbers as clerks write them in Vietnamese reports: `1.345.670`, `74,65%`,
 * `409,8 tỷ đồng`, `hơn 5.092 người`, and the mixed conventions real reports carry
 * (`98.51%`, `119,637`). A reading that depends on a guess is reported, not taken.
 */
import { decimalsOf, shiftDecimal } from './decimal';

/** What kind of number a cell holds; decides scales and which readings are possible. */
export type NumberKind = 'integer' | 'decimal' | 'percent' | 'money';

/** A qualifier word written before the number. */
export type Qualifier = 'more_than' | 'less_than' | 'about' | 'at_least' | 'at_most';

export type Convention = 'vi' | 'en' | 'neutral';

export interface ParsedNumber {
  ok: true;
  value: number;
  /** Digits after the decimal mark as written (the precision a share is checked at). */
  decimals: number;
  qualifier?: Qualifier;
  /** Which separator convention the text follows. */
  convention: Convention;
  /** The scale or unit word that was applied (`triệu đồng` in a tỷ-đồng cell). */
  scaledFrom?: string;
}

export type ParseProblemReason = 'empty' | 'unreadable' | 'ambiguous' | 'unit_mismatch' | 'several_numbers';

export interface ParseProblem {
  ok: false;
  reason: ParseProblemReason;
  text: string;
  /** For `ambiguous`: the readings that were possible. */
  candidates?: number[];
  /** For `unit_mismatch`: the unit written. */
  unit?: string;
}

export type ParseResult = ParsedNumber | ParseProblem;

const QUALIFIERS: ReadonlyArray<[RegExp, Qualifier | null]> = [
  [/^(?:ước\s+đạt|ước\s+tính|ước|khoảng|gần|xấp\s+xỉ|chừng)\s+/u, 'about'],
  [/^(?:hơn|trên|>)\s*/u, 'more_than'],
  [/^(?:dưới|<)\s*/u, 'less_than'],
  [/^(?:tối\s+thiểu|ít\s+nhất|≥|>=)\s*/u, 'at_least'],
  [/^(?:tối\s+đa|nhiều\s+nhất|≤|<=)\s*/u, 'at_most'],
  [/^(?:đạt|là|được)\s+/u, null],
];

interface Scale {
  label: string;
  words: RegExp;
  /** Power of ten relative to a plain count. */
  power: number;
  money: boolean;
}

// Longest phrases first so that "triệu đồng" wins over "triệu".
const SCALES: readonly Scale[] = [
  { label: 'tỷ đồng', words: /^(?:tỷ|tỉ)\s+đồng(?![\p{L}])/u, power: 9, money: true },
  { label: 'triệu đồng', words: /^triệu\s+đồng(?![\p{L}])/u, power: 6, money: true },
  { label: 'nghìn đồng', words: /^(?:nghìn|ngàn)\s+đồng(?![\p{L}])/u, power: 3, money: true },
  { label: 'đồng', words: /^đồng(?![\p{L}])/u, power: 0, money: true },
  { label: 'tỷ', words: /^(?:tỷ|tỉ)(?![\p{L}])/u, power: 9, money: false },
  { label: 'triệu', words: /^triệu(?![\p{L}])/u, power: 6, money: false },
  { label: 'nghìn', words: /^(?:nghìn|ngàn)(?![\p{L}])/u, power: 3, money: false },
];

/** Money cells hold tỷ đồng. */
const MONEY_BASE_POWER = 9;

const NUMBER_TOKEN = /^[+\-−]?\(?[0-9][0-9.,\s\u00a0\u202f]*[0-9]?\)?/u;

/**
 * The longest text read as a number: a figure with its qualifier and unit words fits many times
 * over. Longer text is unreadable before any pattern runs, so no cell costs more than this to read.
 * Every pattern below is anchored or scans its text once; none is retried from each position.
 */
export const MAX_NUMBER_TEXT = 200;

export function parseNumberText(input: string, kind: NumberKind): ParseResult {
  const text = input;
  if (input.length > MAX_NUMBER_TEXT) return { ok: false, reason: 'unreadable', text };
  let s = input.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase();
  if (s === '') return { ok: false, reason: 'empty', text };

  let qualifier: Qualifier | undefined;
  for (let pass = 0; pass < 3; pass++) {
    let matched = false;
    for (const [pattern, q] of QUALIFIERS) {
      const m = pattern.exec(s);
      if (m) {
        s = s.slice(m[0].length).trimStart();
        if (q) qualifier = q;
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }

  const token = NUMBER_TOKEN.exec(s);
  if (!token) return { ok: false, reason: 'unreadable', text };
  let body = token[0].trimEnd();
  // A trailing separator belongs to the sentence, not the number ("5.092.").
  let kept = body.length;
  while (body[kept - 1] === '.' || body[kept - 1] === ',') kept--;
  body = body.slice(0, kept);
  let rest = s.slice(body.length).trim();

  let negative = false;
  if (/^[-−]/.test(body)) {
    negative = true;
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  if (body.startsWith('(')) {
    if (!body.endsWith(')')) return { ok: false, reason: 'unreadable', text };
    negative = true;
    body = body.slice(1, -1);
  } else if (body.endsWith(')')) {
    return { ok: false, reason: 'unreadable', text };
  }

  const digits = readDigits(body, kind);
  if (!digits.ok) return { ...digits, text };

  // Units and scale words after the number.
  let percent = false;
  let scale: Scale | undefined;
  if (rest.startsWith('%')) {
    percent = true;
    rest = rest.slice(1).trim();
  } else {
    for (const candidate of SCALES) {
      const m = candidate.words.exec(rest);
      if (m) {
        scale = candidate;
        rest = rest.slice(m[0].length).trim();
        break;
      }
    }
  }
  if (/[0-9]/.test(rest)) return { ok: false, reason: 'several_numbers', text };
  // What remains may only be a noun phrase ("người", "hồ sơ", "hộ gia đình").
  if (rest !== '' && !/^[\p{L}\s.,;:'’/()–-]*$/u.test(rest)) {
    return { ok: false, reason: 'unreadable', text };
  }

  if (percent && kind !== 'percent') return { ok: false, reason: 'unit_mismatch', text, unit: '%' };
  if (scale?.money && kind !== 'money') {
    return { ok: false, reason: 'unit_mismatch', text, unit: scale.label };
  }

  let value = digits.value;
  let decimals = digits.decimals;
  let scaledFrom: string | undefined;
  if (scale) {
    const power = kind === 'money' ? scale.power - MONEY_BASE_POWER : scale.power;
    if (kind === 'percent') return { ok: false, reason: 'unit_mismatch', text, unit: scale.label };
    if (power !== 0) {
      value = shiftDecimal(value, power);
      decimals = Math.max(0, decimals - power);
      scaledFrom = scale.label;
    }
  }
  if (negative) value = -value;
  if (Object.is(value, -0)) value = 0;

  const result: ParsedNumber = { ok: true, value, decimals, convention: digits.convention };
  if (qualifier) result.qualifier = qualifier;
  if (scaledFrom) result.scaledFrom = scaledFrom;
  return result;
}

type DigitsResult =
  | { ok: true; value: number; decimals: number; convention: Convention }
  | { ok: false; reason: ParseProblemReason; candidates?: number[] };

function readDigits(raw: string, kind: NumberKind): DigitsResult {
  let body = raw;
  if (/\s/.test(body)) {
    // Spaces may only group thousands: "715 003".
    if (!/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(body)) return { ok: false, reason: 'unreadable' };
    body = body.replace(/ /g, '');
  }
  const dots = count(body, '.');
  const commas = count(body, ',');

  if (dots === 0 && commas === 0) {
    if (!/^\d+$/.test(body)) return { ok: false, reason: 'unreadable' };
    return { ok: true, value: Number(body), decimals: 0, convention: 'neutral' };
  }

  if (dots > 0 && commas > 0) {
    const decimalMark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimalMark === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimalMark);
    const intPart = body.slice(0, at);
    const frac = body.slice(at + 1);
    if (count(frac, group) > 0 || !/^\d+$/.test(frac) || !isGrouped(intPart, group)) {
      return { ok: false, reason: 'unreadable' };
    }
    return {
      ok: true,
      value: Number(intPart.split(group).join('') + '.' + frac),
      decimals: frac.length,
      convention: decimalMark === ',' ? 'vi' : 'en',
    };
  }

  const mark = dots > 0 ? '.' : ',';
  const marks = dots > 0 ? dots : commas;
  if (marks > 1) {
    // Several marks of one kind can only group thousands.
    if (!isGrouped(body, mark)) return { ok: false, reason: 'unreadable' };
    return {
      ok: true,
      value: Number(body.split(mark).join('')),
      decimals: 0,
      convention: mark === '.' ? 'vi' : 'en',
    };
  }

  const [intPart = '', frac = ''] = body.split(mark);
  if (!/^\d+$/.test(intPart) || !/^\d+$/.test(frac)) return { ok: false, reason: 'unreadable' };
  const asDecimal = Number(intPart + '.' + frac);
  const decimalReading: DigitsResult = {
    ok: true,
    value: asDecimal,
    decimals: frac.length,
    convention: mark === ',' ? 'vi' : 'en',
  };
  const couldGroup = frac.length === 3 && intPart.length <= 3 && !intPart.startsWith('0');
  if (!couldGroup) return decimalReading;

  // The Vietnamese reading (dot groups thousands, comma marks decimals) stands unless
  // it is impossible in this cell and the other convention gives a possible value.
  const asThousands = Number(intPart + frac);
  const vietnamese = mark === '.' ? asThousands : asDecimal;
  const other = mark === '.' ? asDecimal : asThousands;
  if (possibleIn(kind, vietnamese)) {
    return mark === '.'
      ? { ok: true, value: asThousands, decimals: 0, convention: 'vi' }
      : decimalReading;
  }
  return { ok: false, reason: 'ambiguous', candidates: [vietnamese, other] };
}

function possibleIn(kind: NumberKind, value: number): boolean {
  if (kind === 'integer') return Number.isInteger(value);
  if (kind === 'percent') return value <= 100;
  return true;
}

function isGrouped(s: string, group: string): boolean {
  const parts = s.split(group);
  const [first, ...others] = parts;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return false;
  return others.every((p) => /^\d{3}$/.test(p));
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * A number Excel already holds. A percent-formatted cell holds the fraction
 * (0.7465 for 74,65 %); cells of percent kind are read as percent points.
 */
export function fromCellNumber(value: number, numberFormat: string | undefined, kind: NumberKind): ParsedNumber {
  const isPercentFormat = typeof numberFormat === 'string' && /%/.test(numberFormat.replace(/"[^"]*"/g, ''));
  const v = kind === 'percent' && isPercentFormat ? shiftDecimal(value, 2) : value;
  return { ok: true, value: v, decimals: decimalsOf(v), convention: 'neutral' };
}

/**
 * Excel's formulas as the in-memory workbook computes them for the demo's sheet: the operators and the
 * functions the product's own sheets use (IF, AND, ISNUMBER, COUNT, COUNTA, COUNTIF, ROWS, SUM, …).
 * A formula it cannot read shows #NAME?, as Excel shows an unknown function. The formula is read whole
 * before any of it is computed, so that IF and IFERROR compute only the argument Excel computes: the
 * branch IF chooses, the fallback only when the value is an error.
 */
import { parseA1 } from '../../../shared/workbook';

export type FormulaValue = number | string | boolean | null;
/** An error value, as Excel shows it in the cell. */
export class FormulaError {
  constructor(readonly code: '#DIV/0!' | '#VALUE!' | '#NAME?' | '#REF!') {}
}
interface Range {
  sheet: string | undefined;
  row: number;
  col: number;
  rows: number;
  cols: number;
}
type Value = FormulaValue | FormulaError | Range;
/** A part of a formula, read and waiting to be computed. */
type Expr = () => Value;

/** Reads a cell's value (computing its own formula) on a sheet (undefined: the formula's own sheet). */
export type CellReader = (sheet: string | undefined, row: number, col: number) => FormulaValue | FormulaError;

const TOKEN = /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])|(\d+(?:\.\d+)?(?:E[+-]?\d+)?)|([A-Za-z_][\w.]*)(?=\s*\()|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/&=<>(),:%^]))/y;

type Token = { kind: 'string' | 'ref' | 'number' | 'func' | 'bool' | 'op'; text: string; sheet?: string };

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < formula.length) {
    if (/^\s*$/.test(formula.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(formula);
    if (!m) throw new FormulaError('#NAME?');
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'string', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) {
      const sheet = m[2] ? m[2].slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : undefined;
      out.push({ kind: 'ref', text: m[3].replace(/\$/g, ''), ...(sheet ? { sheet } : {}) });
    } else if (m[4] !== undefined) out.push({ kind: 'number', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'func', text: m[5].toUpperCase() });
    else if (m[6] !== undefined) out.push({ kind: 'bool', text: m[6] });
    else out.push({ kind: 'op', text: m[7]! });
  }
  return out;
}

/** Computes `formula` (with or without its leading `=`). */
export function evaluateFormula(formula: string, read: CellReader): FormulaValue | FormulaError {
  let tokens: Token[];
  try {
    tokens = tokenize(formula.replace(/^=/, ''));
  } catch (e) {
    return e instanceof FormulaError ? e : new FormulaError('#NAME?');
  }
  let i = 0;
  const peek = () => tokens[i];
  const take = (text?: string) => {
    const t = tokens[i];
    if (!t || (text !== undefined && t.text !== text)) throw new FormulaError('#NAME?');
    i++;
    return t;
  };

  const cells = (r: Range): (FormulaValue | FormulaError)[] => {
    const out: (FormulaValue | FormulaError)[] = [];
    for (let row = r.row; row < r.row + r.rows; row++) for (let col = r.col; col < r.col + r.cols; col++) out.push(read(r.sheet, row, col));
    return out;
  };
  const scalar = (v: Value): FormulaValue | FormulaError => (isRange(v) ? (v.rows === 1 && v.cols === 1 ? read(v.sheet, v.row, v.col) : new FormulaError('#VALUE!')) : v);
  const num = (v: Value): number => {
    const s = scalar(v);
    if (s instanceof FormulaError) throw s;
    if (s === null) return 0;
    if (typeof s === 'boolean') return s ? 1 : 0;
    if (typeof s === 'number') return s;
    const n = Number(s);
    if (s.trim() === '' || Number.isNaN(n)) throw new FormulaError('#VALUE!');
    return n;
  };
  const text = (v: Value): string => {
    const s = scalar(v);
    if (s instanceof FormulaError) throw s;
    return s === null ? '' : typeof s === 'boolean' ? (s ? 'TRUE' : 'FALSE') : String(s);
  };
  const bool = (v: Value): boolean => {
    const s = scalar(v);
    if (s instanceof FormulaError) throw s;
    return typeof s === 'string' ? (s.toUpperCase() === 'TRUE' ? true : s.toUpperCase() === 'FALSE' ? false : fail()) : num(s) !== 0;
  };
  const fail = (): never => {
    throw new FormulaError('#VALUE!');
  };
  const flat = (args: Value[]): (FormulaValue | FormulaError)[] => args.flatMap((a) => (isRange(a) ? cells(a) : [a]));
  const compare = (a: Value, b: Value): number => {
    const x = scalar(a);
    const y = scalar(b);
    if (x instanceof FormulaError) throw x;
    if (y instanceof FormulaError) throw y;
    const xs = x ?? (typeof y === 'string' ? '' : 0);
    const ys = y ?? (typeof x === 'string' ? '' : 0);
    if (typeof xs === 'number' && typeof ys === 'number') return xs - ys;
    if (typeof xs === 'string' && typeof ys === 'string') return xs.toLowerCase().localeCompare(ys.toLowerCase());
    // Excel orders numbers before text before logical values.
    const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    return rank(xs) - rank(ys) || Number(xs) - Number(ys);
  };
  const matches = (v: FormulaValue | FormulaError, criterion: Value): boolean => {
    const c = scalar(criterion);
    if (v instanceof FormulaError || c instanceof FormulaError) return false;
    const m = /^(<>|<=|>=|=|<|>)?(.*)$/.exec(typeof c === 'string' ? c : String(c ?? ''))!;
    const op = m[1] ?? '=';
    const target: FormulaValue = m[2] !== '' && !Number.isNaN(Number(m[2])) ? Number(m[2]) : m[2]!;
    if (typeof target === 'string' && (op === '=' || op === '<>')) {
      const same = typeof v === 'string' && v.toLowerCase() === target.toLowerCase();
      return op === '=' ? same || (target === '' && v === null) : !same;
    }
    if (typeof v !== 'number' || typeof target !== 'number') return false;
    const d = v - target;
    return op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
  };

  /** Functions that compute only some of their arguments, as Excel does. */
  const LAZY: Record<string, (args: Expr[]) => Value> = {
    IF: ([c, a, b]) => (bool(c!()) ? (a ? a() : true) : b ? b() : false),
    IFERROR: ([v, fallback]) => {
      let x: FormulaValue | FormulaError;
      try {
        x = scalar(v!());
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        x = e;
      }
      return x instanceof FormulaError ? fallback!() : x;
    },
  };
  /** Functions that take every argument computed (Excel's AND and OR compute them all too). */
  const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
    AND: (args) => flat(args).every((v) => bool(v)),
    OR: (args) => flat(args).some((v) => bool(v)),
    NOT: ([a]) => !bool(a!),
    ISNUMBER: ([a]) => typeof scalar(a!) === 'number',
    ISBLANK: ([a]) => scalar(a!) === null,
    COUNT: (args) => flat(args).filter((v) => typeof v === 'number').length,
    COUNTA: (args) => flat(args).filter((v) => v !== null && v !== '').length,
    COUNTIF: ([r, c]) => (isRange(r!) ? cells(r).filter((v) => matches(v, c!)).length : fail()),
    ROWS: ([r]) => (isRange(r!) ? r.rows : 1),
    COLUMNS: ([r]) => (isRange(r!) ? r.cols : 1),
    SUM: (args) => flat(args).reduce<number>((s, v) => (v instanceof FormulaError ? (() => { throw v; })() : typeof v === 'number' ? s + v : s), 0),
    MIN: (args) => Math.min(...(flat(args).filter((v) => typeof v === 'number') as number[])),
    MAX: (args) => Math.max(...(flat(args).filter((v) => typeof v === 'number') as number[])),
    ROUND: ([a, d]) => {
      const f = 10 ** num(d ?? 0);
      return Math.round(num(a!) * f) / f;
    },
    ABS: ([a]) => Math.abs(num(a!)),
  };

  // Operands are computed left to right, so the left one's error is the one shown (as Excel shows it).
  function primary(): Expr {
    const t = take();
    if (t.kind === 'number') {
      const n = Number(t.text);
      return () => n;
    }
    if (t.kind === 'string' || t.kind === 'bool') {
      const v = t.kind === 'string' ? t.text : t.text === 'TRUE';
      return () => v;
    }
    if (t.kind === 'ref') {
      const at = parseA1(t.text);
      if (!at) throw new FormulaError('#REF!');
      const range: Range = { sheet: t.sheet, ...at };
      return () => range;
    }
    if (t.kind === 'func') {
      const lazy = LAZY[t.text];
      const fn = FUNCTIONS[t.text];
      if (!lazy && !fn) throw new FormulaError('#NAME?');
      take('(');
      const args: Expr[] = [];
      if (peek()?.text !== ')') {
        args.push(comparison());
        while (peek()?.text === ',') {
          take(',');
          args.push(comparison());
        }
      }
      take(')');
      return lazy ? () => lazy(args) : () => fn!(args.map((a) => a()));
    }
    if (t.text === '(') {
      const v = comparison();
      take(')');
      return v;
    }
    if (t.text === '-') {
      const operand = unary();
      return () => -num(operand());
    }
    if (t.text === '+') return unary();
    throw new FormulaError('#NAME?');
  }
  function unary(): Expr {
    let v = primary();
    while (peek()?.text === '%') {
      take('%');
      const operand = v;
      v = () => num(operand()) / 100;
    }
    return v;
  }
  function power(): Expr {
    let v = unary();
    while (peek()?.text === '^') {
      take('^');
      const [l, r] = [v, unary()];
      v = () => num(l()) ** num(r());
    }
    return v;
  }
  function term(): Expr {
    let v = power();
    while (peek()?.text === '*' || peek()?.text === '/') {
      const op = take().text;
      const [l, r] = [v, power()];
      v = () => {
        const a = num(l());
        const b = num(r());
        if (op === '/' && b === 0) throw new FormulaError('#DIV/0!');
        return op === '*' ? a * b : a / b;
      };
    }
    return v;
  }
  function additive(): Expr {
    let v = term();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = take().text;
      const [l, r] = [v, term()];
      v = () => {
        const a = num(l());
        const b = num(r());
        return op === '+' ? a + b : a - b;
      };
    }
    return v;
  }
  function concat(): Expr {
    let v = additive();
    while (peek()?.text === '&') {
      take('&');
      const [l, r] = [v, additive()];
      v = () => {
        const a = text(l());
        return a + text(r());
      };
    }
    return v;
  }
  function comparison(): Expr {
    let v = concat();
    while (peek() && ['=', '<>', '<', '>', '<=', '>='].includes(peek()!.text)) {
      const op = take().text;
      const [l, r] = [v, concat()];
      v = () => {
        const d = compare(l(), r());
        return op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
      };
    }
    return v;
  }

  try {
    const formulaExpr = comparison();
    if (i < tokens.length) return new FormulaError('#NAME?');
    return scalar(formulaExpr());
  } catch (e) {
    return e instanceof FormulaError ? e : new FormulaError('#VALUE!');
  }
}

function isRange(v: Value | undefined): v is Range {
  return typeof v === 'object' && v !== null && !(v instanceof FormulaError);
}

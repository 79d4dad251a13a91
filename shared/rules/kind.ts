/**
 * What a kind of rule is: its shape in a template, the cells it reads, how it is evaluated, the
 * issues it reports and their words in every language. Each kind is one module of this folder,
 * registered in index.ts; the schema of template rules is built from that list, so a kind without
 * an evaluator or a message does not compile.
 */
import { z } from 'zod';
import type { Lang } from '../i18n';
import { CellRefSchema } from './refs';

/** A figure a rule reads: its value and the decimals it was written with. */
export interface Operand {
  value: number;
  decimals: number;
}

export type IssueParam = number | string | null;
export type IssueParams = Record<string, IssueParam | IssueParam[]>;

/** What a broken rule reports; the engine adds the cells, their values and the rule's id. */
export interface RuleFinding<Code extends string = string> {
  code: Code;
  expected?: number;
  params?: IssueParams;
}

/** How a message names cells and writes values, in the reader's language (the engine provides it). */
export interface IssueWriter {
  /** `TT01`, or `CT03 (Tử số)` for a column other than the result. */
  cell(ref: string): string;
  /** The cell with its row's label, for its first mention. */
  named(ref: string): string;
  value(ref: string, value: IssueParam | undefined): string;
  num(value: IssueParam | IssueParam[] | undefined, decimals?: number): string;
  pct(value: IssueParam | IssueParam[] | undefined, decimals?: number): string;
}

/** An issue as its message reads it. */
export interface IssueView {
  cells: readonly string[];
  values: Readonly<Record<string, IssueParam>>;
  expected?: IssueParam;
  params?: IssueParams;
}

/** A message in every language. */
export type IssueMessage = Readonly<Record<Lang, (issue: IssueView, w: IssueWriter) => string>>;

export interface IssueDefinition {
  severity: 'error' | 'warning';
  message: IssueMessage;
}

export interface EvaluationContext {
  /** Published reports truncate shares (9/63 as 14,28%): one unit of the last digit is allowed. */
  allowTruncatedShares: boolean;
}

/** The measure of a template cell, to check a rule's definition against the template. */
export type MeasureOf = (ref: string) => string | undefined;

export type RuleShape = z.ZodObject<{ id: z.ZodString; source: z.ZodOptional<z.ZodString>; kind: z.ZodLiteral<string> } & z.ZodRawShape>;

export interface RuleKind<S extends RuleShape = RuleShape, Code extends string = string> {
  schema: S;
  /** The cells the rule reads, in the order its messages name them. */
  cells(rule: z.infer<S>): string[];
  /**
   * An issue when the rule is broken, nothing when it holds, `skip` when it cannot apply (a zero
   * denominator). `get` gives every cell of `cells`: a rule with a blank operand is never evaluated.
   */
  evaluate(rule: z.infer<S>, get: (ref: string) => Operand, context: EvaluationContext): RuleFinding<Code> | undefined | 'skip';
  /** What the template must satisfy beyond every cell being numeric (a ratio's share is a percentage). */
  definitionProblems?(rule: z.infer<S>, measureOf: MeasureOf): string[];
  issues: Readonly<Record<Code, IssueDefinition>>;
}

/** The fields every rule has. */
export const RULE_BASE = {
  id: z.string().regex(/^[A-Z0-9_.-]+$/),
  /** Where the rule comes from (a seed section, a catalogue line). */
  source: z.string().optional(),
};

export { CellRefSchema };

export function defineRuleKind<S extends RuleShape, Code extends string>(kind: RuleKind<S, Code>): RuleKind<S, Code> {
  return kind;
}

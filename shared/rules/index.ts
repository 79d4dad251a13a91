/**
 * Every kind of rule a template may declare. Adding a kind is one module beside this file and one
 * line below: the schema of template rules, the evaluation and the issue codes all follow.
 */
import { z } from 'zod';
import type { IssueDefinition, RuleKind, RuleShape } from './kind';
import { le } from './le';
import { minShare } from './min-share';
import { plausibleGe } from './plausible-ge';
import { ratio } from './ratio';
import { sum } from './sum';

export const RULE_KINDS = [sum, le, ratio, minShare, plausibleGe] as const;

type Kinds = typeof RULE_KINDS;
type CodeOf<K> = K extends { issues: infer I } ? keyof I & string : never;

/** The kinds' schemas as a tuple, each keeping its own type. */
function schemasOf<const T extends readonly { schema: RuleShape }[]>(kinds: T): { [I in keyof T]: T[I]['schema'] } {
  return kinds.map((k) => k.schema) as { [I in keyof T]: T[I]['schema'] };
}

export const RuleSchema = z.discriminatedUnion('kind', schemasOf(RULE_KINDS));
export type Rule = z.infer<typeof RuleSchema>;

/** The codes of the issues rules report. */
export type RuleIssueCode = CodeOf<Kinds[number]>;
export const RULE_ISSUE_CODES = RULE_KINDS.flatMap((k) => Object.keys(k.issues)) as RuleIssueCode[];

const BY_KIND = new Map<string, RuleKind>(RULE_KINDS.map((k) => [k.schema.shape.kind.value, k as unknown as RuleKind]));
const ISSUES = new Map<string, IssueDefinition>(RULE_KINDS.flatMap((k) => Object.entries(k.issues as Record<string, IssueDefinition>)));

/** The module of a rule's kind. */
export function ruleKindOf(rule: Rule): RuleKind<RuleShape, RuleIssueCode> {
  return BY_KIND.get(rule.kind)! as RuleKind<RuleShape, RuleIssueCode>;
}

/** The cells a rule reads, in the order its messages name them. */
export function cellsOf(rule: Rule): string[] {
  return ruleKindOf(rule).cells(rule);
}

/** The definition of an issue a rule reports, or undefined for another code. */
export function ruleIssue(code: string): IssueDefinition | undefined {
  return ISSUES.get(code);
}

export { shareMatches } from './ratio';
export * from './kind';
export * from './refs';

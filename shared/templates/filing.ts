/**
 * Who files a template and for which periods: one rule for the task pane, the worker and
 * consolidation. Who files is data with dates (the template's `filedBy`): from 1 July 2025 the
 * commune level files what the district level filed, and an old period keeps its old rule.
 */
import type { PeriodKind } from '../periods/kinds';
import { periodBefore, sameTimeYearBefore, type Period } from '../periods';
import { TWO_LEVEL_LOCAL_GOVERNMENT_FROM } from '../settings';
import type { FilingRule, Template, UnitKind } from './schema';

/**
 * The province's first rules, and the two-level local government's from 1 July 2025: the commune
 * level files what the district level filed and, unless `standsForDistrict` is false (rows kept by
 * level, whose district row ends with the districts), fills the rows required of districts too.
 */
export function filedBy(kinds: readonly UnitKind[], options: { standsForDistrict?: boolean } = {}): FilingRule[] {
  const rules: FilingRule[] = [{ from: '2000-01-01', kinds: [...kinds] }];
  if (kinds.includes('district')) {
    const after = [...new Set(kinds.map((k): UnitKind => (k === 'district' ? 'commune' : k)))];
    rules.push({ from: TWO_LEVEL_LOCAL_GOVERNMENT_FROM, kinds: after, ...(options.standsForDistrict === false ? {} : { standsFor: { commune: 'district' } }) });
  }
  return rules;
}

/** The rule in force on `day`. */
export function filingRuleOn(template: Template, day: string): FilingRule {
  let current = template.filedBy[0]!;
  for (const rule of template.filedBy) if (rule.from <= day) current = rule;
  return current;
}

export interface Filer {
  kind: UnitKind;
  /** The department that files the province-wide templates (the coordinating department). */
  coordinator?: boolean | undefined;
}

/** Why the unit does not file the template on `day` (its kind, or not being the coordinator), or null when it does. */
export function filerMismatch(template: Template, unit: Filer, day: string): 'kind' | 'coordinator' | null {
  if (!filingRuleOn(template, day).kinds.includes(unit.kind)) return 'kind';
  if (template.scope === 'province' && !unit.coordinator) return 'coordinator';
  return null;
}

export function filesTemplate(template: Template, unit: Filer, day: string): boolean {
  return filerMismatch(template, unit, day) === null;
}

/** The kinds whose required rows a unit of `kind` fills on `day`: its own, and the one it stands for. */
export function requiredKinds(template: Template, kind: UnitKind, day: string): UnitKind[] {
  const standsFor = filingRuleOn(template, day).standsFor?.[kind];
  return standsFor ? [kind, standsFor] : [kind];
}

/**
 * The period a filing is compared with: the one before for flows of the period alone, the same period
 * a year before for flows cumulative from the start of the year (a half-year's figures run from 1
 * January, the second half's to 31 December: the one before is no like for like).
 */
export function comparedPeriod(template: Template, period: Period): Period {
  return template.flows === 'year-to-date' ? sameTimeYearBefore(period) : periodBefore(period);
}

export function isFiledFor(template: Template, period: { kind: PeriodKind }): boolean {
  return template.periodKinds.includes(period.kind);
}

/**
 * Who files a template and for which periods: one rule for the task pane, the worker and
 * consolidation. Who files is data with dates (the template's `filedBy`): from 1 July 2025 the
 * commune level files what the district level filed, and an old period keeps its old rule.
 */
import type { PeriodKind } from '../periods/kinds';
import { daysLate, periodBefore, sameTimeYearBefore, type Period } from '../periods';
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

/** A day of the year after the period's end (`MM-DD`), as an ISO date. */
function inYearAfter(period: Pick<Period, 'end'>, monthDay: string): string {
  return `${Number(period.end.slice(0, 4)) + 1}-${monthDay}`;
}

/**
 * The first day a report of the template for the period may be filed: the period's first day (a
 * report is filed during its period), or, for a template filed after its period (the DTI), the day
 * its assessment becomes possible.
 */
export function filingOpens(template: Template, period: Pick<Period, 'start' | 'end'>): string {
  return template.filedAfterPeriod ? inYearAfter(period, template.filedAfterPeriod.opens) : period.start;
}

/** The last day a unit files the template for the period on time: the period's deadline, or the template's own. */
export function unitDeadlineFor(template: Template, period: Pick<Period, 'end' | 'unitDeadline'>): string {
  return template.filedAfterPeriod ? inYearAfter(period, template.filedAfterPeriod.deadline) : period.unitDeadline;
}

/** Whole days a filing of the template on `at` came after its deadline (0 when on time). */
export function daysLateFor(template: Template, period: Period, at: Date | string): number {
  return daysLate({ ...period, unitDeadline: unitDeadlineFor(template, period) }, at);
}

/**
 * The day whose rules say who files the template for a period: the unit's last day in the period
 * (see lastDayIn), or, for a template filed after its period, the filing day itself (the DTI of 2024 is
 * filed in 2025 by the coordinating department of that day).
 */
export function filerDay(template: Template, lastDay: string, filingDay: string): string {
  return template.filedAfterPeriod ? filingDay : lastDay;
}

/** The day whose filers are expected to file the template for a period: its end, or the deadline of a template filed after it. */
export function expectedFilerDay(template: Template, period: Pick<Period, 'end' | 'unitDeadline'>): string {
  return template.filedAfterPeriod ? unitDeadlineFor(template, period) : period.end;
}

/** Who files a template and for which periods: one rule for the task pane, the worker and consolidation. */
import type { PeriodKind, Template, UnitKind } from './schema';

export interface Filer {
  kind: UnitKind;
  /** The department that files the province-wide templates (the DIC). */
  coordinator?: boolean | undefined;
}

/** Why the unit does not file the template (its kind, or not being the coordinator), or null when it does. */
export function filerMismatch(template: Template, unit: Filer): 'kind' | 'coordinator' | null {
  if (!template.filledBy.includes(unit.kind)) return 'kind';
  if (template.scope === 'province' && !unit.coordinator) return 'coordinator';
  return null;
}

export function filesTemplate(template: Template, unit: Filer): boolean {
  return filerMismatch(template, unit) === null;
}

export function isFiledFor(template: Template, period: { kind: PeriodKind }): boolean {
  return template.periodKinds.includes(period.kind);
}

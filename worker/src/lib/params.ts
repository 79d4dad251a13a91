/**
 * The template and period a request names, checked once for every route, in the engine's words.
 * Named in the path, a wrong one is 404; named in a body field or query parameter, 422 naming that field.
 */
import { parsePeriod, type Period } from '../../../shared/periods';
import type { ProblemCode, ProblemParams } from '../../../shared/problems';
import { getTemplate, isFiledFor, templateFor, type Template } from '../../../shared/templates';
import { fail, failAt } from './problem';

function failHere(field: string | undefined, code: ProblemCode, params: ProblemParams): never {
  if (field) failAt(field, code, params);
  fail(code, params);
}

/** The template a request names: its version in force for `period` where one is known, else the current one. */
export function requireTemplate(id: string, field?: string, period?: Period): Template {
  const template = period ? templateFor(id, period) : getTemplate(id);
  if (!template) failHere(field, 'template_unknown', { template: id });
  return template;
}

export function requirePeriod(code: string, field?: string): Period {
  const period = parsePeriod(code);
  if (!period) failHere(field, 'period_invalid', { period: code });
  return period;
}

export function requireFiledFor(template: Template, period: Period, field?: string): void {
  if (!isFiledFor(template, period)) failHere(field, 'period_not_filed', { template: template.id, period: period.code });
}

/**
 * The template and period a request names, checked once for every route, in the engine's words.
 * Named in the path, a wrong one is 404; named in a body field or query parameter, 422 naming that field.
 */
import { parsePeriod, type Period } from '../../../shared/periods';
import { getTemplate, isFiledFor, type Template } from '../../../shared/templates';
import { renderPeriodInvalid, renderPeriodNotFiled, renderTemplateUnknown } from '../../../shared/validation';
import { fail } from './problem';

function failAt(field: string | undefined, vi: string, en: string): never {
  if (field) fail('invalid', vi, en, { field });
  fail('not-found', vi, en);
}

export function requireTemplate(id: string, field?: string): Template {
  const template = getTemplate(id);
  if (!template) failAt(field, renderTemplateUnknown(id, 'vi'), renderTemplateUnknown(id, 'en'));
  return template;
}

export function requirePeriod(code: string, field?: string): Period {
  const period = parsePeriod(code);
  if (!period) failAt(field, renderPeriodInvalid(code, 'vi'), renderPeriodInvalid(code, 'en'));
  return period;
}

export function requireFiledFor(template: Template, period: Period, field?: string): void {
  if (!isFiledFor(template, period)) {
    failAt(field, renderPeriodNotFiled(template.id, period.code, 'vi'), renderPeriodNotFiled(template.id, period.code, 'en'));
  }
}

/**
 * What a submission request holds: a submission JSON, or the filled .xlsx itself. Each
 * failure is named precisely (which field, which sheet) and nothing is stored.
 */
import type { Context } from 'hono';
import { SubmissionSchema, type ParsedSubmission } from '../../../shared/submission';
import { isMember, lastDayIn, validOn, type Unit } from '../../../shared/registry/units';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import type { Period } from '../../../shared/periods';
import { filerDay, filerMismatch, type Template } from '../../../shared/templates';
import { readTemplateFile, WorkbookReadError } from '../../../xlsx/template-file';
import type { AppEnv, Principal } from '../env';
import { check, parseJsonText } from './body';
import { requireFiledFor, requirePeriod, requireTemplate } from './params';
import { fail, failAt } from './problem';

export interface Intake {
  submission: ParsedSubmission;
  source: 'json' | 'xlsx';
  /** Sheet addresses, for a submitted workbook. */
  locate?: (ref: string) => string | undefined;
  /** The request body, for the idempotency check. */
  bytes: Uint8Array;
}

export async function readSubmission(c: Context<AppEnv>): Promise<Intake> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (type.startsWith('application/json')) {
    const submission = check(SubmissionSchema, parseJsonText(new TextDecoder().decode(bytes)), c.get('lang'));
    return { submission, source: 'json', bytes };
  }
  if (type.startsWith(XLSX_MEDIA_TYPE) || (type.startsWith('application/octet-stream') && bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    let sheets;
    try {
      sheets = readTemplateFile(bytes);
    } catch (e) {
      if (e instanceof WorkbookReadError) fail(e.code, e.params);
      throw e;
    }
    if (sheets.length !== 1) fail('several_template_sheets', { count: sheets.length });
    const [sheet] = sheets;
    const submission = check(SubmissionSchema, sheet!.read.submission, c.get('lang'));
    return { submission, source: 'xlsx', locate: sheet!.read.locate, bytes };
  }
  fail('submission_media_type');
}

export interface Target {
  template: Template;
  period: Period;
  /** The unit code the submission is for (from the body, or the caller's unit). */
  unitCode: string;
}

/**
 * The template, period and unit code a submission is for, as far as they can be checked without the
 * registry; whether the caller may file for the unit, once it is signed in (`refuseOtherUnit` after).
 */
export function resolveTarget(c: Context<AppEnv>, submission: ParsedSubmission): Target {
  const principal = c.get('principal') as Principal | undefined;
  requireTemplate(submission.template, 'template');
  const period = requirePeriod(submission.period, 'period');
  // The version in force for the period: a filing keeps it.
  const template = requireTemplate(submission.template, 'template', period);
  requireFiledFor(template, period, 'period');
  const unitCode = (submission.unit ?? principal?.unit ?? '').toUpperCase();
  if (!unitCode) failAt('unit', 'unit_missing');
  if (principal) refuseOtherUnit(principal, unitCode);
  return { template, period, unitCode };
}

/** A unit's clerk files only for that unit. */
export function refuseOtherUnit(principal: Pick<Principal, 'role' | 'unit'>, unitCode: string): void {
  if (principal.role === 'unit' && unitCode !== principal.unit) fail('unit_may_not_file_for', { own: principal.unit ?? '', unit: unitCode });
}

/**
 * The unit's record, checked: in force on some day of the period (a unit that ended or began during
 * it files for its part), of a kind that files the template under the rule of its last day in it. A
 * template filed after its period (the DTI) is filed by the unit as it is on the filing day: `filing`
 * gives that day and the unit's records.
 */
export function checkUnit(target: Target, unit: Unit | null, exists: boolean, filing?: { day: string; records: readonly Unit[] }): Unit {
  const { template, period, unitCode: code } = target;
  if (!unit) {
    if (exists) failAt('unit', 'unit_not_in_force', { unit: code, period: period.code });
    failAt('unit', 'unit_unknown', { unit: code });
  }
  // A unit that joined from another province files here only for the periods after it joined.
  if (!isMember(unit)) failAt('unit', 'unit_not_member', { unit: code, period: period.code, province: unit.province ?? '' });
  const lastDay = lastDayIn(unit, period);
  const day = filerDay(template, lastDay, filing?.day ?? lastDay);
  const record = day === lastDay ? unit : filing?.records.find((r) => validOn(r, day));
  // A unit no longer in force on the filing day (the dissolved coordinator) does not file it.
  if (!record) failAt('unit', 'coordinator_files', { template: template.id });
  const mismatch = filerMismatch(template, record, day);
  if (mismatch === 'kind') failAt('unit', 'unit_kind_not_filer', { template: template.id, kind: unit.kind, name: unit.name });
  if (mismatch === 'coordinator') failAt('unit', 'coordinator_files', { template: template.id });
  return unit;
}

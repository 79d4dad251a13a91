/**
 * What a submission request holds: a submission JSON, or the filled .xlsx itself. Each
 * failure is named precisely (which field, which sheet) and nothing is stored.
 */
import type { Context } from 'hono';
import { SubmissionSchema, type ParsedSubmission } from '../../../shared/api/submission';
import type { Unit } from '../../../shared/api/units';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import type { Period } from '../../../shared/periods';
import { filerMismatch, type Template } from '../../../shared/templates';
import { readTemplateFile, WorkbookReadError } from '../../../xlsx/template-file';
import type { AppEnv } from '../env';
import { check, parseJsonText } from './body';
import { requireFiledFor, requirePeriod, requireTemplate } from './params';
import { fail } from './problem';

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
    const submission = check(SubmissionSchema, parseJsonText(new TextDecoder().decode(bytes)));
    return { submission, source: 'json', bytes };
  }
  if (type.startsWith(XLSX_MEDIA_TYPE) || (type.startsWith('application/octet-stream') && bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    let sheets;
    try {
      sheets = readTemplateFile(bytes);
    } catch (e) {
      if (e instanceof WorkbookReadError) fail('invalid', e.describe('vi'), e.describe('en'), { code: e.code });
      throw e;
    }
    if (sheets.length !== 1) {
      fail('invalid', `Bảng tính có ${sheets.length} trang mẫu; mỗi lần nộp một mẫu.`, `The workbook holds ${sheets.length} template sheets; submit one template at a time.`);
    }
    const [sheet] = sheets;
    const submission = check(SubmissionSchema, sheet!.read.submission);
    return { submission, source: 'xlsx', locate: sheet!.read.locate, bytes };
  }
  fail(
    'unsupported-media-type',
    'Báo cáo gửi dạng JSON (application/json) hoặc tệp .xlsx đã điền.',
    'Send a submission as JSON (application/json) or the filled .xlsx.',
  );
}

export interface Target {
  template: Template;
  period: Period;
  /** The unit code the submission is for (from the body, or the caller's unit). */
  unitCode: string;
}

/** The template, period and unit code a submission is for, as far as they can be checked without the registry. */
export function resolveTarget(c: Context<AppEnv>, submission: ParsedSubmission): Target {
  const principal = c.get('principal');
  const template = requireTemplate(submission.template, 'template');
  const period = requirePeriod(submission.period, 'period');
  requireFiledFor(template, period, 'period');
  const unitCode = (submission.unit ?? principal.unit ?? '').toUpperCase();
  if (!unitCode) fail('invalid', 'Báo cáo thiếu mã đơn vị (unit).', 'The submission names no unit.', { field: 'unit' });
  if (principal.role === 'unit' && unitCode !== principal.unit) {
    fail('forbidden', `Mã thông báo của đơn vị ${principal.unit} không được nộp báo cáo cho đơn vị ${unitCode}.`, `A token of unit ${principal.unit} may not submit for unit ${unitCode}.`);
  }
  return { template, period, unitCode };
}

/** The unit's record, checked: in force at the period's end, of a kind that files the template. */
export function checkUnit(target: Target, unit: Unit | null, exists: boolean): Unit {
  const { template, period, unitCode: code } = target;
  if (!unit) {
    if (exists) fail('invalid', `Đơn vị ${code} không có hiệu lực vào cuối kỳ ${period.code}.`, `Unit ${code} is not in force at the end of ${period.code}.`, { field: 'unit' });
    fail('invalid', `Không có đơn vị mã ${code}.`, `There is no unit ${code}.`, { field: 'unit' });
  }
  const mismatch = filerMismatch(template, unit);
  if (mismatch === 'kind') {
    fail('invalid', `Mẫu ${template.id} không do ${KIND_VI[unit.kind]} lập (${unit.name}).`, `Template ${template.id} is not filed by ${unit.kind} units.`, { field: 'unit' });
  }
  if (mismatch === 'coordinator') {
    fail('invalid', `Mẫu ${template.id} do cơ quan thường trực lập một lần cho cả tỉnh.`, `Template ${template.id} is filed once for the province by the coordinating department.`, { field: 'unit' });
  }
  return unit;
}

const KIND_VI: Record<Unit['kind'], string> = { department: 'sở, ban, ngành', district: 'đơn vị cấp huyện', commune: 'đơn vị cấp xã' };

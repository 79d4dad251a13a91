/** `chitieu validate FILE`: the same verdict as the server, on an .xlsx or a submission JSON. */
import { parseArgs } from 'node:util';
import { SubmissionSchema } from '../shared/submission';
import { UNIT_KINDS, type UnitKind } from '../shared/templates';
import { templateOfSubmission, validate, validateSubmission, type Report, type ValidateOptions } from '../shared/validation';
import type { Lang } from '../shared/i18n';
import { readTemplateFile, WorkbookReadError, type TemplateSheet } from '../xlsx/template-file';
import { printReport } from './print';
import { CliError, type CliText } from './text';
import { FileTooLargeError, type CliIo } from './io';
import { MAX_UPLOAD_BYTES } from '../shared/api/media';
import { problemLine, renderProblem, zodErrors } from '../shared/problems';

export async function validateCommand(args: string[], lang: Lang, t: CliText, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, lang: { type: 'string' }, 'unit-kind': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new CliError(t.missing('tệp cần kiểm tra'), 2);
  const kind = values['unit-kind'];
  if (kind !== undefined && !(UNIT_KINDS as readonly string[]).includes(kind)) throw new CliError(t.badKind(kind), 2);

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file, MAX_UPLOAD_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError) throw new CliError(t.cannotRead(file, renderProblem('file_too_large', { limit: e.limit }, lang)), 2);
    throw new CliError(t.cannotRead(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? t.noSuchFile : (e as Error).message), 2);
  }

  const options: ValidateOptions = { lang, ...(kind ? { unitKind: kind as UnitKind } : {}) };
  const { reports, nothingFiled } = looksLikeZip(bytes) ? await validateWorkbook(file, bytes, options, t) : { reports: [validateJson(file, bytes, options, t)], nothingFiled: [] };

  if (values.json) io.stdout(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
  else {
    for (const report of reports) printReport(report, t, io.stdout);
    for (const sheet of nothingFiled) io.stdout(t.nothingFiled(sheet.metadata.sheet, sheet.template.id) + '\n');
  }
  return reports.every((r) => r.valid) ? 0 : 1;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

async function validateWorkbook(file: string, bytes: Uint8Array, options: ValidateOptions, t: CliText): Promise<{ reports: Report[]; nothingFiled: TemplateSheet[] }> {
  try {
    // A consolidated workbook is checked by its provincial rows; a template nobody filed has none.
    const all = readTemplateFile(bytes, { consolidated: true });
    const nothingFiled = all.filter((sheet) => sheet.consolidated?.filed === false);
    const sheets = all.filter((sheet) => sheet.consolidated?.filed !== false);
    const reports = sheets.map((sheet) =>
      // Checked against the version in force for the sheet's period, which a sheet of another version is not.
      validate(templateOfSubmission(sheet.read.submission) ?? sheet.template, sheet.read.submission, {
        ...options,
        locate: sheet.read.locate,
        ...(options.unitKind ? {} : sheet.metadata.unitKind ? { unitKind: sheet.metadata.unitKind } : {}),
      }),
    );
    return { reports, nothingFiled };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(t.cannotRead(file, e.describe(options.lang ?? 'vi')), 2);
    throw e;
  }
}

function validateJson(file: string, bytes: Uint8Array, options: ValidateOptions, t: CliText): Report {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (!/^\s*[{[]/.test(text)) throw new CliError(t.cannotRead(file, t.unknownType), 2);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError(t.cannotRead(file, t.badJson((e as Error).message)), 2);
  }
  const lang = options.lang ?? 'vi';
  const parsed = SubmissionSchema.safeParse(data, { error: zodErrors(lang) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => problemLine(lang, undefined, i.path.join('.') || undefined, i.message)).join('; ');
    throw new CliError(t.cannotRead(file, t.notSubmission(problems)), 2);
  }
  return validateSubmission(parsed.data, options);
}

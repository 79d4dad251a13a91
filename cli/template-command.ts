/** `chitieu template BM03 --out file.xlsx`: a blank, formatted template workbook. */
import { parseArgs } from 'node:util';
import { getTemplate, isFiledFor, templateFor, templateIds, UNIT_KINDS, type UnitKind } from '../shared/templates';
import { parsePeriod } from '../shared/periods';
import { writeTemplateFile } from '../xlsx/template-file';
import { CliError, type CliText } from './text';
import type { CliIo } from './io';
import type { Lang } from '../shared/i18n';
import { renderProblem } from '../shared/problems';

export async function templateCommand(args: string[], lang: Lang, t: CliText, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      'unit-name': { type: 'string' },
      'unit-kind': { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
    },
  });
  const id = positionals[0];
  if (!id) throw new CliError(t.missing('mã mẫu (BM01 … BM08)'), 2);
  const current = getTemplate(id);
  if (!current) throw new CliError(`${renderProblem('template_unknown', { template: id }, lang)} ${t.templates(templateIds().join(', '))}`, 2);
  if (!values.out) throw new CliError(t.missing('--out'), 2);

  let period: string | undefined;
  let template = current;
  if (values.period) {
    const parsed = parsePeriod(values.period);
    if (!parsed) throw new CliError(renderProblem('period_invalid', { period: values.period }, lang), 2);
    // A blank workbook of a period carries the version in force for it.
    template = templateFor(current.id, parsed)!;
    if (!isFiledFor(template, parsed)) {
      const kinds = template.periodKinds.map((k) => t.periodKinds[k]).join(', ');
      throw new CliError(`${renderProblem('period_not_filed', { template: template.id, period: parsed.code }, lang)} ${t.filedPer(kinds)}`, 2);
    }
    period = parsed.code;
  }
  const kind = values['unit-kind'];
  if (kind !== undefined && !(UNIT_KINDS as readonly string[]).includes(kind)) throw new CliError(t.badKind(kind), 2);

  const bytes = await writeTemplateFile(template, {
    lang,
    ...(period ? { period } : {}),
    ...(values.unit
      ? { unit: { code: values.unit, ...(values['unit-name'] ? { name: values['unit-name'] } : {}), ...(kind ? { kind: kind as UnitKind } : {}) } }
      : {}),
  });
  try {
    await io.writeFile(values.out, bytes);
  } catch (e) {
    throw new CliError(t.cannotWrite(values.out, (e as Error).message), 2);
  }
  io.stdout(t.written(values.out, template.id, template.version) + '\n');
  return 0;
}

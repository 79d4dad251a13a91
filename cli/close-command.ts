/**
 * `chitieu close --period 2024-H1 [--note …]`: DIC closes a period on a running chitieu server when its
 * report goes upward; the server keeps the consolidation as closed and answers the files' hashes.
 * `chitieu reopen --period 2024-H1 --reason …` reopens it, with the reason the audit log keeps.
 */
import { PeriodClosedSchema, PeriodReopenedSchema } from '../shared/api/schemas';
import type { Lang } from '../shared/i18n';
import type { CliIo } from './io';
import { periodCommandArgs, send } from './server';
import { CliError, type CliText } from './text';

export async function closeCommand(args: string[], lang: Lang, t: CliText, io: CliIo, env: NodeJS.ProcessEnv = process.env, fetcher: typeof fetch = fetch): Promise<number> {
  const { period, values, connect } = periodCommandArgs(args, { note: { type: 'string' } }, lang, t, env);
  const to = connect();
  const response = await send(fetcher, to, `/api/v1/periods/${period.code}/close?lang=${lang}`, t, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(values.note ? { note: values.note } : {}),
  });
  const closed = PeriodClosedSchema.safeParse(await response.json());
  if (!closed.success) throw new CliError(t.unexpected(`${response.status}`), 2);
  const { version, closedAt, files } = closed.data;
  io.stdout(t.closed(period.code, version, closedAt) + '\n');
  for (const kind of ['json', 'xlsx', 'docx'] as const) io.stdout(`  ${kind}  ${files[kind].sha256}  ${files[kind].bytes}\n`);
  return 0;
}

export async function reopenCommand(args: string[], lang: Lang, t: CliText, io: CliIo, env: NodeJS.ProcessEnv = process.env, fetcher: typeof fetch = fetch): Promise<number> {
  const { period, values, connect } = periodCommandArgs(args, { reason: { type: 'string' } }, lang, t, env);
  if (!values.reason?.trim()) throw new CliError(t.missing('--reason'), 2);
  const to = connect();
  const response = await send(fetcher, to, `/api/v1/periods/${period.code}/reopen?lang=${lang}`, t, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: values.reason }),
  });
  const reopened = PeriodReopenedSchema.safeParse(await response.json());
  if (!reopened.success) throw new CliError(t.unexpected(`${response.status}`), 2);
  io.stdout(t.reopened(period.code, reopened.data.version) + '\n');
  return 0;
}

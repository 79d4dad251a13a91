/**
 * `chitieu consolidated --period 2024-H1 --out file.xlsx` and `chitieu report --period 2024-H1 --out
 * file.docx`: the province's workbook, or its drafted periodic report, from a running chitieu server.
 */
import { parseArgs } from 'node:util';
import { parsePeriod } from '../shared/periods';
import { CliError, type CliText } from './text';
import type { CliIo } from './io';
import type { Lang } from '../shared/i18n';
import { renderProblem } from '../shared/problems';
import { connection, send } from './server';


/** What each download command fetches, and how it says it is done. */
const DOWNLOADS = {
  consolidated: { path: (period: string) => `/api/v1/consolidations/${period}.xlsx`, written: (t: CliText) => t.consolidatedWritten },
  report: { path: (period: string) => `/api/v1/reports/${period}.docx`, written: (t: CliText) => t.reportWritten },
} as const;

export function consolidatedCommand(args: string[], lang: Lang, t: CliText, io: CliIo, env: NodeJS.ProcessEnv = process.env, fetcher: typeof fetch = fetch): Promise<number> {
  return download('consolidated', args, lang, t, io, env, fetcher);
}

export function reportCommand(args: string[], lang: Lang, t: CliText, io: CliIo, env: NodeJS.ProcessEnv = process.env, fetcher: typeof fetch = fetch): Promise<number> {
  return download('report', args, lang, t, io, env, fetcher);
}

async function download(kind: keyof typeof DOWNLOADS, args: string[], lang: Lang, t: CliText, io: CliIo, env: NodeJS.ProcessEnv, fetcher: typeof fetch): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      out: { type: 'string', short: 'o' },
      server: { type: 'string' },
      token: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  if (!values.period) throw new CliError(t.missing('--period'), 2);
  const period = parsePeriod(values.period);
  if (!period) throw new CliError(renderProblem('period_invalid', { period: values.period }, lang), 2);
  if (!values.out) throw new CliError(t.missing('--out'), 2);
  const to = connection(values, env, t);
  const response = await send(fetcher, to, `${DOWNLOADS[kind].path(period.code)}?lang=${lang}`, t);
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    await io.writeFile(values.out, bytes);
  } catch (e) {
    throw new CliError(t.cannotWrite(values.out, (e as Error).message), 2);
  }
  io.stdout(DOWNLOADS[kind].written(t)(values.out, period.code, bytes.length) + '\n');
  return 0;
}

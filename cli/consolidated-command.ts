/**
 * `chitieu consolidated --period 2024-H1 --out file.xlsx` and `chitieu report --period 2024-H1 --out
 * file.docx`: the province's workbook, or its drafted periodic report, from a running chitieu server.
 */
import { CliError, type CliText } from './text';
import type { CliIo } from './io';
import type { Lang } from '../shared/i18n';
import { periodCommandArgs, send } from './server';


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
  const { period, values, connect } = periodCommandArgs(args, { out: { type: 'string', short: 'o' } }, lang, t, env);
  if (!values.out) throw new CliError(t.missing('--out'), 2);
  const to = connect();
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

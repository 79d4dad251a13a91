/** `chitieu consolidated --period 2024-H1 --out file.xlsx`: the province's workbook from a running chitieu server. */
import { parseArgs } from 'node:util';
import { parsePeriod } from '../shared/periods';
import { CliError, type CliText } from './text';
import type { CliIo } from './io';
import type { Lang } from '../shared/i18n';
import { ProblemSchema } from '../shared/api/schemas';
import { renderProblem } from '../shared/problems';

export const DEFAULT_SERVER = 'http://127.0.0.1:8787';

export async function consolidatedCommand(args: string[], lang: Lang, t: CliText, io: CliIo, env: NodeJS.ProcessEnv = process.env, fetcher: typeof fetch = fetch): Promise<number> {
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
  const token = values.token ?? env.CHITIEU_TOKEN;
  if (!token) throw new CliError(t.missingToken, 2);
  const server = (values.server ?? env.CHITIEU_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, '');

  let response: Response;
  try {
    response = await fetcher(`${server}/api/v1/consolidations/${period.code}.xlsx?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
  } catch (e) {
    throw new CliError(t.unreachable(server, (e as Error).message), 2);
  }
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      const problem = ProblemSchema.safeParse(await response.json());
      if (problem.success) detail = problem.data.detail;
    } catch {
      // not a problem document
    }
    throw new CliError(t.serverRefused(response.status, detail), 2);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    await io.writeFile(values.out, bytes);
  } catch (e) {
    throw new CliError(t.cannotWrite(values.out, (e as Error).message), 2);
  }
  io.stdout(t.consolidatedWritten(values.out, period.code, bytes.length) + '\n');
  return 0;
}

/** Talking to a chitieu server from the command line: where, with which token, and its refusals in words. */
import { parseArgs } from 'node:util';
import { ProblemSchema } from '../shared/api/schemas';
import type { Lang } from '../shared/i18n';
import { parsePeriod, type Period } from '../shared/periods';
import { renderProblem } from '../shared/problems';
import { CliError, type CliText } from './text';

export const DEFAULT_SERVER = 'http://127.0.0.1:8787';

export interface Connection {
  server: string;
  token: string;
}

/** The server and token from the options, or else the environment (CHITIEU_SERVER, CHITIEU_TOKEN). */
export function connection(values: { server?: string | undefined; token?: string | undefined }, env: NodeJS.ProcessEnv, t: CliText): Connection {
  const token = values.token ?? env.CHITIEU_TOKEN;
  if (!token) throw new CliError(t.missingToken, 2);
  return { server: (values.server ?? env.CHITIEU_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, ''), token };
}

/** A request to the server; a network failure or a refusal is a CliError with the server's own words. */
export async function send(fetcher: typeof fetch, to: Connection, path: string, t: CliText, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(`${to.server}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${to.token}` } });
  } catch (e) {
    throw new CliError(t.unreachable(to.server, (e as Error).message), 2);
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
  return response;
}

type StringOptions<K extends string> = Record<K, { type: 'string'; short?: string }>;

/**
 * The arguments of a command about one period on a server: `--period` (required, checked), `--server`,
 * `--token`, `--lang`, and the command's own string options; the connection is made once the command's
 * own options are checked.
 */
export function periodCommandArgs<K extends string>(args: string[], own: StringOptions<K>, lang: Lang, t: CliText, env: NodeJS.ProcessEnv): { period: Period; values: Partial<Record<K, string>>; connect: () => Connection } {
  const { values } = parseArgs({
    args,
    options: { ...own, period: { type: 'string' }, server: { type: 'string' }, token: { type: 'string' }, lang: { type: 'string' } },
  });
  const given = values as Record<string, string | undefined>;
  if (!given.period) throw new CliError(t.missing('--period'), 2);
  const period = parsePeriod(given.period);
  if (!period) throw new CliError(renderProblem('period_invalid', { period: given.period }, lang), 2);
  return { period, values: given as Partial<Record<K, string>>, connect: () => connection(given, env, t) };
}

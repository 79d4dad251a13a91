/**
 * The rows D1 read and wrote for one request, told in the answer's headers, for the bench: only
 * where the deployment sets `D1_METER = "on"` (the bench's worker; never production) and the
 * request asks with `Chitieu-D1-Meter: on`. The request runs against its own metered view of the
 * database (db/meter.ts), so nothing is counted across requests and unmetered requests run as ever.
 */
import type { Env } from '../env';
import { meteredDatabase, newTally } from '../db/meter';

export const D1_METER_HEADER = 'Chitieu-D1-Meter';
export const D1_ROWS_READ_HEADER = 'Chitieu-D1-Rows-Read';
export const D1_ROWS_WRITTEN_HEADER = 'Chitieu-D1-Rows-Written';
/** Each statement's folded SQL and rows, as JSON: the profile of the request. */
export const D1_STATEMENTS_HEADER = 'Chitieu-D1-Statements';

type Fetch = (request: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response>;

export function meterAsked(request: Request, env: Pick<Env, 'D1_METER'>): boolean {
  return env.D1_METER === 'on' && request.headers.get(D1_METER_HEADER) === 'on';
}

/** Runs `fetch` with a database metered for this request alone, and says its rows in the answer. */
export async function fetchMetered(fetch: Fetch, request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const tally = newTally();
  const answer = await fetch(request, { ...env, DB: meteredDatabase(env.DB, tally) }, ctx);
  const response = new Response(answer.body, answer);
  response.headers.set(D1_ROWS_READ_HEADER, String(tally.read));
  response.headers.set(D1_ROWS_WRITTEN_HEADER, String(tally.written));
  response.headers.set(D1_STATEMENTS_HEADER, JSON.stringify(tally.statements.map((s) => [s.read, s.written, s.sql.slice(0, 160)])));
  return response;
}

/**
 * Closing a period (chốt số liệu): DIC closes a period when its report goes upward, and the period's
 * consolidation is kept as closed (worker/src/db/closing.ts); a reopen, with its reason, lets it change
 * again, and the next close is a new version. Every version is kept, and what changed between two is
 * answered cell by cell.
 */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import { PeriodConsolidationSchema, type PeriodClosed, type PeriodState } from '../../../shared/api/schemas';
import { diffPeriod } from '../../../shared/consolidation/diff';
import type { Period } from '../../../shared/periods';
import { acquireClose, closedFile, closeHistory, commitClose, lockOf, releaseClose, reopen, type ClosedFileBytes, type CloseVersionRow, type FileRow } from '../db/closing';
import type { AppEnv, Principal } from '../env';
import { now } from '../lib/clock';
import { randomId, sha256Hex } from '../lib/crypto';
import { requirePeriod } from '../lib/params';
import { consolidatePeriod, deploymentOf, lastRegistryDay, periodJson, periodReportBytes, periodWorkbookBytes, type Deployment } from '../lib/period-files';
import { fail } from '../lib/problem';
import { route } from '../lib/route';
import { filingsBetween } from '../db/submissions';

export const periodRoutes = new Hono<AppEnv>();

/** The period's files as they are now, in Vietnamese, dated `at`: what the close keeps. */
async function closedFiles(db: D1Database, deployment: Deployment, period: Period, mark: { version: number; closedAt: string; closedBy: string }, at: Date): Promise<ClosedFileBytes[]> {
  const consolidations = await consolidatePeriod(db, period);
  const json = new TextEncoder().encode(JSON.stringify(periodJson(deployment, period, consolidations, at, { closed: mark })));
  const xlsx = await periodWorkbookBytes(db, deployment, period, consolidations, 'vi', at);
  const docx = await periodReportBytes(db, deployment, period, consolidations, 'vi', at);
  const files = [
    { kind: 'json', bytes: json },
    { kind: 'xlsx', bytes: xlsx },
    { kind: 'docx', bytes: docx },
  ] as const;
  return Promise.all(files.map(async (f) => ({ ...f, sha256: await sha256Hex(f.bytes) })));
}

function refuseTaken(period: string, lock: { state: string; version: number | null } | null): never {
  if (lock?.state === 'closed') fail('period_closed', { period, version: lock.version ?? '' });
  fail('period_closing', { period }, { retryAfter: 5 });
}

route(periodRoutes, API.closePeriod, async (c, { params, body }) => {
  const period = requirePeriod(params.period);
  const db = c.env.DB;
  const principal: Principal = c.get('principal');
  const at = now(c);
  const holder = randomId('close');
  // The registry's days the consolidation reads: the period's, and after it those a yearly index is filed on.
  const lastDay = lastRegistryDay(period);
  const taken = await acquireClose(db, { period: period.code, start: period.start, end: lastDay > period.end ? lastDay : period.end }, holder, at);
  if (!taken.acquired) refuseTaken(period.code, taken.lock);
  const closedAt = at.toISOString();
  const close = { period: period.code, version: taken.version, closedAt, closedBy: principal.tokenId };
  let files: ClosedFileBytes[];
  let stored: boolean;
  try {
    files = await closedFiles(db, deploymentOf(c.env), period, { version: close.version, closedAt, closedBy: close.closedBy }, at);
    stored = await commitClose(db, { period: period.code, version: taken.version, holder, closedAt, note: body.note || null, files }, principal);
  } catch (e) {
    // Nothing was stored: the period is given back as it was.
    await releaseClose(db, period.code, holder);
    throw e;
  }
  if (!stored) refuseTaken(period.code, await lockOf(db, period.code));
  const answer: PeriodClosed = { ...close, files: Object.fromEntries(files.map((f) => [f.kind, { sha256: f.sha256, bytes: f.bytes.length }])) as PeriodClosed['files'] };
  return c.json(answer, 201);
});

route(periodRoutes, API.reopenPeriod, async (c, { params, body }) => {
  const period = requirePeriod(params.period);
  const at = now(c).toISOString();
  const principal = c.get('principal');
  const reopened = await reopen(c.env.DB, period.code, body.reason, at, principal);
  if (!reopened) {
    const lock = await lockOf(c.env.DB, period.code);
    if (lock?.state === 'closing') fail('period_closing', { period: period.code }, { retryAfter: 5 });
    fail('period_not_closed', { period: period.code });
  }
  return c.json({ period: period.code, version: reopened.version, reopenedAt: at, reopenedBy: principal.tokenId, reason: body.reason }, 201);
});

function versionOf(row: CloseVersionRow, files: readonly FileRow[]): PeriodState['versions'][number] {
  const file = (kind: FileRow['kind']) => {
    const f = files.find((x) => x.version === row.version && x.kind === kind);
    return { sha256: f?.sha256 ?? '', bytes: f?.bytes ?? 0 };
  };
  return {
    version: row.version,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    note: row.note,
    files: { json: file('json'), xlsx: file('xlsx'), docx: file('docx') },
    reopened: row.reopenedAt ? { at: row.reopenedAt, by: row.reopenedBy!, reason: row.reason! } : null,
  };
}

route(periodRoutes, API.periodState, async (c, { params }) => {
  const period = requirePeriod(params.period);
  const { lock, versions, files } = await closeHistory(c.env.DB, period.code);
  const all = versions.map((v) => versionOf(v, files));
  const closed = lock?.state === 'closed';
  const state: PeriodState = { period: period.code, closed, closing: lock?.state === 'closing', current: closed ? (all[all.length - 1] ?? null) : null, versions: all };
  return c.json(state);
});

/** A closed version's JSON, read back through its schema, and when it was closed. */
async function closedVersion(db: D1Database, period: string, version: number) {
  const file = await closedFile(db, period, 'json', version);
  if (!file) fail('close_version_not_found', { period, version });
  return { closedAt: file.closedAt, json: PeriodConsolidationSchema.parse(JSON.parse(new TextDecoder().decode(file.bytes))) };
}

/** The figures as they are now, read back through the same schema as a closed version, so only real changes differ. */
async function liveVersion(c: Context<AppEnv>, period: Period) {
  const json = periodJson(deploymentOf(c.env), period, await consolidatePeriod(c.env.DB, period), now(c));
  return PeriodConsolidationSchema.parse(JSON.parse(JSON.stringify(json)));
}

route(periodRoutes, API.periodChanges, async (c, { params, query }) => {
  const period = requirePeriod(params.period);
  // Without `to`: what changed since the `from` close, as DIC sees before closing again.
  const [before, after] = await Promise.all([
    closedVersion(c.env.DB, period.code, query.from),
    query.to === undefined ? liveVersion(c, period).then((json) => ({ closedAt: null, json })) : closedVersion(c.env.DB, period.code, query.to),
  ]);
  const filings = await filingsBetween(c.env.DB, period.code, before.closedAt, after.closedAt);
  return c.json({
    period: period.code,
    from: query.from,
    ...(query.to === undefined ? {} : { to: query.to }),
    templates: diffPeriod(before.json.consolidations, after.json.consolidations),
    filings,
  });
});

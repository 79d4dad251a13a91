/** Filing, listing and reviewing submissions. Nothing stored is ever changed: each filing is a new revision. */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import { route } from '../lib/route';
import { ReviewRequestSchema, type Receipt } from '../../../shared/api/schemas';
import { vietnamDay } from '../../../shared/periods';
import { comparedPeriod, daysLateFor } from '../../../shared/templates';
import { validate } from '../../../shared/validation';
import { lastDayIn } from '../../../shared/registry/units';
import { allow, pendingPrincipalId, signedInBatch, signIn } from '../auth';
import {
  addReview,
  findIdempotencyKey,
  getRevisionContent,
  getRevisions,
  getSummary,
  listSubmissions,
  storeRevision,
} from '../db/submissions';
import type { AppEnv } from '../env';
import { check, limitBody, readJson } from '../lib/body';
import { canonicalJson, randomId, sha256Hex } from '../lib/crypto';
import { checkUnit, readSubmission, refuseOtherUnit, resolveTarget } from '../lib/intake';
import { loadComparison, loadIntake } from '../db/intake';
import { isWriteConflict, signedOutRefusal } from '../db/guards';
import { WRITE_CONFLICT_RETRY_SECONDS } from '../lib/write-conflict';
import { fail, failAt, MAX_PROBLEM_ISSUES } from '../lib/problem';
import { requirePeriod, requireTemplate } from '../lib/params';
import { now } from '../lib/clock';
import { isClosedRefusal, refuseClosed, writeUnlessClosed } from '../lib/closed-periods';
import { DEFAULT_LANG } from '../../../shared/i18n';
import { formatTime } from '../../../shared/workbook';
import { personName } from '../db/people';

export const submissionRoutes = new Hono<AppEnv>();

route(submissionRoutes, API.fileSubmission, async (c, { query }) => {
  const lang = c.get('lang');
  const key = c.req.header('idempotency-key')?.trim();
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    fail('idempotency_key_length');
  }

  // Only a small JSON body is read before its sender is signed in: a workbook, or more, waits for the sign-in.
  if (!smallJson(c)) await signIn(c);
  const intake = await readSubmission(c);
  // Only a request with an Idempotency-Key is compared with an earlier one: the others are not hashed whole.
  const requestHash = key ? await sha256Hex(concat(new TextEncoder().encode(c.req.header('content-type') ?? ''), intake.bytes)) : '';
  // The bearer is read with the intake's reads (one round trip), unless the unit must come from the caller's.
  if (!intake.submission.unit) await signIn(c);
  const target = resolveTarget(c, intake.submission);
  const { template, period } = target;
  const pending = pendingPrincipalId(c);
  const context = await loadIntake(
    c.env.DB,
    {
      unit: target.unitCode,
      template: template.id,
      period,
      previous: comparedPeriod(template, period),
      keyOwner: pending ?? c.get('principal').tokenId,
      ...(key ? { key } : {}),
    },
    (statements) => signedInBatch(c, statements),
  );
  const principal = c.get('principal');
  refuseOtherUnit(principal, target.unitCode);
  if (key && context.idempotency) {
    const replay = await replayed(c, key, requestHash, context.idempotency);
    if (replay) return c.json(replay, 200);
  }
  // A closed period is said at once, before the report is checked; the trigger still decides at the write.
  if (context.lock) await refuseClosed(c.env.DB, period.code);
  const at = now(c);
  const unit = checkUnit(target, context.unit, context.unitExists, { day: vietnamDay(at), records: context.records });
  if (intake.submission.coversPredecessors && context.predecessors.length === 0) failAt('coversPredecessors', 'covers_without_predecessors', { unit: unit.code, period: period.code });
  const submission = { ...intake.submission, template: template.id, unit: unit.code, period: period.code };
  const options = {
    unitKind: unit.kind,
    unitUntil: lastDayIn(unit, period),
    today: vietnamDay(at),
    ...(context.previous ? { previous: context.previous.values, compared: { period: comparedPeriod(template, period).code, units: context.previous.units } } : {}),
    ...(intake.locate ? { locate: intake.locate } : {}),
  };
  const report = validate(template, submission, { ...options, lang });
  if (!report.submittable) {
    const open = report.warnings.filter((w) => !w.explained);
    const issues = [...report.errors, ...open];
    fail(
      'report_refused',
      { errors: report.errors.length, open: open.length, shown: issues.length > MAX_PROBLEM_ISSUES ? MAX_PROBLEM_ISSUES : '' },
      {
        issues: issues.slice(0, MAX_PROBLEM_ISSUES),
        issueCount: issues.length,
        report: { ...report, errors: report.errors.slice(0, MAX_PROBLEM_ISSUES), warnings: report.warnings.slice(0, MAX_PROBLEM_ISSUES) },
      },
    );
  }

  // Stored reports speak Vietnamese, whatever language this caller reads.
  const stored = report.lang === DEFAULT_LANG ? report : validate(template, submission, { ...options, lang: DEFAULT_LANG });
  const body = canonicalJson(submission);
  const hash = await sha256Hex(body);
  if (query.onlyIfChanged && context.latest?.hash === hash) {
    fail('submission_unchanged', { revision: context.latest.revision, receivedAt: formatTime(context.latest.receivedAt) });
  }
  const receivedAt = at.toISOString();
  const late = daysLateFor(template, period, receivedAt);
  let saved: { id: string; revision: number };
  try {
    saved = await storeRevision(
      c.env.DB,
      {
        submissionId: randomId('sub'),
        unit: unit.code,
        template: template.id,
        period: period.code,
        templateVersion: template.version,
        engineVersion: report.engineVersion,
        receivedAt,
        daysLate: late,
        hash,
        source: intake.source,
        body,
        report: JSON.stringify(stored),
        warnings: report.warnings.length,
        asFiled: { name: unit.name, kind: unit.kind, parent: unit.parent },
        checked: { unit, period },
        seriesExists: context.latest !== null,
        ...(key ? { idempotency: { key, requestHash } } : {}),
      },
      principal,
    );
  } catch (e) {
    // Its caller signed out since its sign-in: answered as the sign-in would now answer (app.ts).
    if (signedOutRefusal(e)) throw e;
    // The period was closed: the filing is refused, never stored outside what was closed.
    if (isClosedRefusal(e)) await refuseClosed(c.env.DB, period.code);
    const message = String((e as Error).message);
    // The unit's record was retracted or changed after it was checked: nothing was stored; sent again, it is checked afresh.
    if (isWriteConflict(e)) fail('write_conflict', {}, { retryAfter: WRITE_CONFLICT_RETRY_SECONDS });
    // Two requests with one key raced: the other one stored its revision first.
    if (key && /UNIQUE constraint failed: idempotency_keys/.test(message)) {
      const replay = await replayed(c, key, requestHash);
      if (replay) return c.json(replay, 200);
    }
    // Another filing of the same report was stored in between: nothing of this one was, so it can simply be sent again.
    if (/constraint failed|next of its series|only gains its next revision/.test(message)) {
      fail('filing_race', {}, { retryAfter: 1 });
    }
    throw e;
  }
  const comparedWith = context.previous
    ? { period: comparedPeriod(template, period).code, units: context.previous.units, compared: true }
    : context.incomparable
      ? { period: comparedPeriod(template, period).code, units: context.incomparable, compared: false, ...(context.reason ? { reason: context.reason } : {}) }
      : undefined;
  const filedBy = principal.personId ? { id: principal.personId, name: principal.personName ?? (await personName(c.env.DB, principal.personId)) } : null;
  const receipt: Receipt = { id: saved.id, revision: saved.revision, status: 'received', receivedAt, late: late > 0, daysLate: late, hash, report, ...(comparedWith ? { comparedWith } : {}), ...(filedBy ? { filedBy } : {}) };
  return c.json(receipt, 201);
}, { signIn: 'with-first-batch' });

/** The receipt of an earlier request with this key, or a conflict when its body differed. */
async function replayed(
  c: Context<AppEnv>,
  key: string,
  requestHash: string,
  known?: { requestHash: string; submissionId: string; revision: number },
): Promise<Receipt | null> {
  const previous = known ?? (await findIdempotencyKey(c.env.DB, c.get('principal').tokenId, key));
  if (!previous) return null;
  if (previous.requestHash !== requestHash) {
    fail('idempotency_key_reused');
  }
  const [summary, revisions, content] = await Promise.all([
    getSummary(c.env.DB, previous.submissionId),
    getRevisions(c.env.DB, previous.submissionId),
    getRevisionContent(c.env.DB, previous.submissionId, previous.revision),
  ]);
  const revision = revisions.find((r) => r.revision === previous.revision);
  if (!summary || !revision || !content) return null;
  const lastReview = revision.reviews[revision.reviews.length - 1];
  return {
    id: previous.submissionId,
    revision: previous.revision,
    status: lastReview ? lastReview.decision : 'received',
    receivedAt: revision.receivedAt,
    late: revision.daysLate > 0,
    daysLate: revision.daysLate,
    hash: revision.hash,
    report: content.report,
  };
}

/** Bytes of a JSON filing read before its sign-in is decided (a filing of any template is a few KB). */
const READ_BEFORE_SIGN_IN = 64 * 1024;

function smallJson(c: Context<AppEnv>): boolean {
  const length = Number(c.req.header('content-length') ?? NaN);
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json') && length <= READ_BEFORE_SIGN_IN;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

route(submissionRoutes, API.listSubmissions, async (c, { query }) => {
  const principal = c.get('principal');
  const filter = { unit: query.unit?.toUpperCase(), template: query.template?.toUpperCase(), period: query.period?.toUpperCase() };
  if (principal.role === 'unit') {
    if (filter.unit && filter.unit !== principal.unit) {
      fail('unit_reads_own_only', { own: principal.unit ?? '' });
    }
    filter.unit = principal.unit!;
  }
  return c.json(await listSubmissions(c.env.DB, filter));
});

/** The series, if the caller may read it; 404 otherwise for a series that does not exist. */
async function readable(c: Context<AppEnv>, id: string) {
  const summary = await getSummary(c.env.DB, id);
  if (!summary) fail('submission_not_found', { id });
  const principal = c.get('principal');
  if (principal.role === 'unit' && summary.unit !== principal.unit) {
    fail('submission_of_other_unit', { id });
  }
  return summary;
}

route(submissionRoutes, API.submission, async (c, { params }) => {
  const summary = await readable(c, params.id);
  return c.json({ ...summary, revisions: await getRevisions(c.env.DB, summary.id) });
});

route(submissionRoutes, API.revision, async (c, { params }) => {
  const summary = await readable(c, params.id);
  const n = Number(params.revision);
  const revision = (await getRevisions(c.env.DB, summary.id)).find((r) => r.revision === n);
  const content = Number.isInteger(n) ? await getRevisionContent(c.env.DB, summary.id, n) : null;
  if (!revision || !content) fail('revision_not_found', { id: summary.id, revision: params.revision });
  return c.json({ ...revision, ...content });
});

route(submissionRoutes, API.review, async (c, { params, body: request }) => {
  const summary = await readable(c, params.id);
  const revision = request.revision ?? summary.revision;
  if (revision !== summary.revision) {
    fail('review_outdated', { latest: summary.revision, revision });
  }
  const review = await writeUnlessClosed(c.env.DB, summary.period, () =>
    addReview(
      c.env.DB,
      { submissionId: summary.id, revision, decision: request.decision === 'accept' ? 'accepted' : 'returned', comment: request.comment ?? null },
      c.get('principal'),
      now(c).toISOString(),
    ),
  );
  const reviewer = c.get('principal').personId;
  return c.json({ ...review, reviewerName: reviewer ? await personName(c.env.DB, reviewer) : null }, 201);
});

route(submissionRoutes, API.comparison, async (c, { params, query }) => {
  const principal = c.get('principal');
  const template = requireTemplate(params.template);
  const period = requirePeriod(params.period);
  const unit = (query.unit ?? principal.unit ?? '').toUpperCase();
  if (!unit) failAt('unit', 'unit_missing');
  if (principal.role === 'unit' && unit !== principal.unit) fail('unit_reads_own_only', { own: principal.unit ?? '' });
  const previous = comparedPeriod(template, period);
  const comparison = await loadComparison(c.env.DB, { unit, template: template.id, period, previous });
  if (!comparison.unitExists) failAt('unit', 'unit_unknown', { unit });
  return c.json({
    period: previous.code,
    units: comparison.previous?.units ?? comparison.incomparable ?? [],
    compared: comparison.incomparable === null,
    ...(comparison.reason ? { reason: comparison.reason } : {}),
    values: comparison.previous?.values ?? null,
  });
});

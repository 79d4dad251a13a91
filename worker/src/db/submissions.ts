/**
 * Submissions and their revisions. A revision is written once, in one batch with its series,
 * its idempotency key and its audit entry; the numbering has no gaps because D1 runs a batch
 * as one transaction.
 */
import type { Submission } from '../../../shared/submission';
import type { FiledPeriodSummary, FilingBetweenCloses, Review, SubmissionSummary } from '../../../shared/api/schemas';
import type { ReviewStatus, ShorterFiling, SubmittedReport } from '../../../shared/consolidation';
import type { Report } from '../../../shared/validation/issues';
import type { UnitKind } from '../../../shared/templates/schema';
import type { Principal } from '../env';
import { auditStatement } from './audit';
import { storedReport, storedSubmission } from './stored';
import { filingRecordStatements } from './units';
import type { Unit } from '../../../shared/registry/units';
import type { Period } from '../../../shared/periods';

export interface NewRevision {
  submissionId: string;
  unit: string;
  template: string;
  period: string;
  templateVersion: string;
  engineVersion: string;
  receivedAt: string;
  daysLate: number;
  hash: string;
  source: 'json' | 'xlsx';
  body: string;
  report: string;
  warnings: number;
  /** The unit as it is when it files: a past consolidation shows it so, whatever the registry says later. */
  asFiled: { name: string; kind: string; parent: string | null };
  idempotency?: { key: string; requestHash: string };
  /** The unit's record the filing was checked against: the batch is written only while it stands. */
  checked?: { unit: Unit; period: Pick<Period, 'start' | 'end'> };
  /** The series was read as existing (a series is never removed): the batch need not create it. */
  seriesExists?: boolean;
}

export async function storeRevision(db: D1Database, r: NewRevision, actor: Principal): Promise<{ id: string; revision: number }> {
  const series = [r.unit, r.template, r.period] as const;
  const guards = r.checked ? filingRecordStatements(db, r.checked.unit, r.checked.period) : [];
  const created = r.seriesExists
    ? []
    : [
        db
          .prepare('INSERT INTO submissions (id, unit_code, template, period, latest_revision, created_at) VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT (unit_code, template, period) DO NOTHING')
          .bind(r.submissionId, ...series, r.receivedAt),
      ];
  const statements = [
    ...guards,
    ...created,
    // The series and its new revision number, as this batch made it.
    db.prepare('UPDATE submissions SET latest_revision = latest_revision + 1 WHERE unit_code = ?1 AND template = ?2 AND period = ?3 RETURNING id, latest_revision AS revision').bind(...series),
    db
      .prepare(
        `INSERT INTO revisions (submission_id, revision, template_version, engine_version, received_at, days_late, hash, source, body, report, warnings, submitted_by, unit_name, unit_kind, unit_parent, submitted_by_person)
         SELECT id, latest_revision, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17 FROM submissions WHERE unit_code = ?1 AND template = ?2 AND period = ?3`,
      )
      .bind(...series, r.templateVersion, r.engineVersion, r.receivedAt, r.daysLate, r.hash, r.source, r.body, r.report, r.warnings, actor.tokenId, r.asFiled.name, r.asFiled.kind, r.asFiled.parent, actor.personId),
  ];
  if (r.idempotency) {
    statements.push(
      db
        .prepare(
          `INSERT INTO idempotency_keys (token_id, key, request_hash, submission_id, revision, created_at)
           SELECT ?4, ?5, ?6, id, latest_revision, ?7 FROM submissions WHERE unit_code = ?1 AND template = ?2 AND period = ?3`,
        )
        .bind(...series, actor.tokenId, r.idempotency.key, r.idempotency.requestHash, r.receivedAt),
    );
  }
  statements.push(auditStatement(db, actor, 'submissions.create', `${r.template}/${r.period}/${r.unit}`, { hash: r.hash, source: r.source, warnings: r.warnings }, r.receivedAt));
  const results = await db.batch(statements);
  // The series' update comes after the guards and its insert.
  return results[guards.length + created.length]!.results[0] as { id: string; revision: number };
}

/** What an earlier request with the same Idempotency-Key filed. */
export interface IdempotencyRecord {
  requestHash: string;
  submissionId: string;
  revision: number;
}

/**
 * The query for a token's earlier use of a key, to run alone or in a batch. `owner` is the token's
 * (or session's) id, or, in a batch that also signs the caller in, its bearer's hash.
 */
export function idempotencyKeyStatement(db: D1Database, owner: string | { table: 'tokens' | 'sessions'; hash: string }, key: string): D1PreparedStatement {
  const select = 'SELECT request_hash AS requestHash, submission_id AS submissionId, revision FROM idempotency_keys';
  if (typeof owner === 'string') return db.prepare(`${select} WHERE token_id = ?1 AND key = ?2`).bind(owner, key);
  return db.prepare(`${select} WHERE token_id = (SELECT id FROM ${owner.table} WHERE hash = ?1) AND key = ?2`).bind(owner.hash, key);
}

export async function findIdempotencyKey(db: D1Database, tokenId: string, key: string): Promise<IdempotencyRecord | null> {
  return idempotencyKeyStatement(db, tokenId, key).first<IdempotencyRecord>();
}

interface SummaryRow {
  id: string;
  unit_code: string;
  template: string;
  period: string;
  revision: number;
  received_at: string;
  days_late: number;
  first_received_at: string;
  first_days_late: number;
  warnings: number;
  review_id: number | null;
  decision: Review['decision'] | null;
  comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  /** The people who filed the revision and reviewed it, where they signed in as people. */
  submitter_name: string | null;
  reviewer_name: string | null;
  /** The label of the token the revision was filed with (DIC's, a unit's, a script's). */
  filer_token_label: string | null;
  covers_predecessors: number | null;
}

/** The latest revision of each series, its first receipt (for lateness) and its latest review. */
const SUMMARY = `
  SELECT s.id, s.unit_code, s.template, s.period, r.revision, r.received_at, r.days_late, r.warnings,
         f.received_at AS first_received_at, f.days_late AS first_days_late,
         v.id AS review_id, v.decision, v.comment, v.reviewed_by, v.reviewed_at,
         sp.name AS submitter_name, vp.name AS reviewer_name, rt.label AS filer_token_label, json_extract(r.body, '$.coversPredecessors') AS covers_predecessors
  FROM submissions s
  JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
  JOIN revisions f ON f.submission_id = s.id AND f.revision = 1
  LEFT JOIN reviews v ON v.id = (SELECT max(id) FROM reviews WHERE submission_id = s.id AND revision = s.latest_revision)
  LEFT JOIN people sp ON sp.id = r.submitted_by_person
  LEFT JOIN people vp ON vp.id = v.reviewed_by_person
  LEFT JOIN tokens rt ON rt.id = r.submitted_by`;

/**
 * The same with the revision's stored report, its unit as filed, and who filed and reviewed it (the
 * person, else the token's label), for consolidation. The caller's WHERE follows the joins.
 */
const SUMMARY_WITH_REPORT = `${SUMMARY.replace(
  'SELECT s.id,',
  `SELECT r.report, r.unit_name, r.unit_kind, r.unit_parent,
          coalesce(sp.name, rt.label) AS filer_label, coalesce(vp.name, vt.label) AS reviewer_label, s.id,`,
)}
  LEFT JOIN tokens vt ON vt.id = v.reviewed_by`;

interface ReviewRow {
  id: number;
  revision: number;
  decision: Review['decision'];
  comment: string | null;
  reviewed_by: string;
  reviewed_at: string;
  reviewer_name?: string | null;
}

function toReview(row: ReviewRow, submissionId: string): Review {
  return {
    id: row.id, submissionId, revision: row.revision, decision: row.decision, comment: row.comment, reviewedBy: row.reviewed_by, reviewedAt: row.reviewed_at,
    ...(row.reviewer_name !== undefined ? { reviewerName: row.reviewer_name } : {}),
  };
}

/** The latest review of a summary row's revision, if any. */
function reviewOf(row: SummaryRow): Review | null {
  if (row.review_id === null) return null;
  return toReview({ id: row.review_id, revision: row.revision, decision: row.decision!, comment: row.comment, reviewed_by: row.reviewed_by!, reviewed_at: row.reviewed_at!, reviewer_name: row.reviewer_name }, row.id);
}

function toSummary(row: SummaryRow): SubmissionSummary {
  const review = reviewOf(row);
  return {
    id: row.id,
    unit: row.unit_code,
    template: row.template,
    period: row.period,
    revision: row.revision,
    receivedAt: row.received_at,
    firstReceivedAt: row.first_received_at,
    late: row.first_days_late > 0,
    daysLate: row.first_days_late,
    status: statusOf(review),
    warnings: row.warnings,
    review,
    submitterName: row.submitter_name,
    ...filerLabelOf(row.submitter_name, row.filer_token_label),
    ...(row.covers_predecessors ? { coversPredecessors: true } : {}),
  };
}

/** The filing token's label, said where no person filed: whose token it was (DIC's filing for a unit is not the unit's). */
function filerLabelOf(person: string | null, label: string | null): { filerLabel?: string } {
  return person === null && label ? { filerLabel: label } : {};
}

export function statusOf(review: Pick<Review, 'decision'> | null): ReviewStatus {
  return review === null ? 'received' : review.decision;
}

export async function listSubmissions(db: D1Database, filter: { unit?: string; template?: string; period?: string }): Promise<SubmissionSummary[]> {
  // Only the filters given, so the indexes on unit, period and template serve them as years of periods pile up.
  const given = ([['s.unit_code', filter.unit], ['s.template', filter.template], ['s.period', filter.period]] as const).filter(([, v]) => v !== undefined);
  const where = given.length ? `WHERE ${given.map(([column], i) => `${column} = ?${i + 1}`).join(' AND ')}` : '';
  const { results } = await db
    .prepare(`${SUMMARY} ${where} ORDER BY s.period DESC, s.template, s.unit_code`)
    .bind(...given.map(([, v]) => v))
    .all<SummaryRow>();
  return results.map(toSummary);
}

export async function getSummary(db: D1Database, id: string): Promise<SubmissionSummary | null> {
  const row = await db.prepare(`${SUMMARY} WHERE s.id = ?1`).bind(id).first<SummaryRow>();
  return row ? toSummary(row) : null;
}

interface RevisionRow {
  revision: number;
  template_version: string;
  engine_version: string;
  received_at: string;
  days_late: number;
  hash: string;
  source: 'json' | 'xlsx';
  warnings: number;
  submitted_by: string;
  submitter_name: string | null;
  filer_token_label: string | null;
}

export async function getRevisions(db: D1Database, id: string) {
  const [revisions, reviews] = await db.batch([
    db
      .prepare(
        `SELECT r.revision, r.template_version, r.engine_version, r.received_at, r.days_late, r.hash, r.source, r.warnings, r.submitted_by, p.name AS submitter_name, t.label AS filer_token_label
         FROM revisions r LEFT JOIN people p ON p.id = r.submitted_by_person LEFT JOIN tokens t ON t.id = r.submitted_by WHERE r.submission_id = ?1 ORDER BY r.revision`,
      )
      .bind(id),
    db
      .prepare(
        `SELECT v.id, v.revision, v.decision, v.comment, v.reviewed_by, v.reviewed_at, p.name AS reviewer_name
         FROM reviews v LEFT JOIN people p ON p.id = v.reviewed_by_person WHERE v.submission_id = ?1 ORDER BY v.id`,
      )
      .bind(id),
  ]);
  const reviewRows = (reviews!.results as ReviewRow[]).map((r) => toReview(r, id));
  return (revisions!.results as RevisionRow[]).map((r) => ({
    revision: r.revision,
    templateVersion: r.template_version,
    engineVersion: r.engine_version,
    receivedAt: r.received_at,
    daysLate: r.days_late,
    hash: r.hash,
    source: r.source,
    warnings: r.warnings,
    submittedBy: r.submitted_by,
    submitterName: r.submitter_name,
    ...filerLabelOf(r.submitter_name, r.filer_token_label),
    reviews: reviewRows.filter((v) => v.revision === r.revision),
  }));
}

export async function getRevisionContent(db: D1Database, id: string, revision: number) {
  const row = await db
    .prepare('SELECT body, report FROM revisions WHERE submission_id = ?1 AND revision = ?2')
    .bind(id, revision)
    .first<{ body: string; report: string }>();
  return row ? { submission: storedSubmission(row.body), report: storedReport(row.report) } : null;
}

interface LatestRow extends SummaryRow {
  report: string;
  /** Who filed and reviewed, for the workbook: the person, else the token's label. */
  filer_label: string | null;
  reviewer_label: string | null;
  unit_name: string | null;
  unit_kind: UnitKind | null;
  unit_parent: string | null;
}

/** The latest revision of every unit for a template and period, ready to consolidate. */
export async function latestReports(db: D1Database, template: string, period: string): Promise<SubmittedReport[]> {
  const { results } = await db
    .prepare(`${SUMMARY_WITH_REPORT} WHERE s.template = ?1 AND s.period = ?2`)
    .bind(template, period)
    .all<LatestRow>();
  return results.map(toSubmittedReport);
}

/** The same for every template of a period, by template. */
export async function latestReportsOfPeriod(db: D1Database, period: string): Promise<Map<string, SubmittedReport[]>> {
  const { results } = await db
    .prepare(`${SUMMARY_WITH_REPORT} WHERE s.period = ?1`)
    .bind(period)
    .all<LatestRow>();
  const byTemplate = new Map<string, SubmittedReport[]>();
  for (const row of results) {
    const list = byTemplate.get(row.template) ?? [];
    list.push(toSubmittedReport(row));
    byTemplate.set(row.template, list);
  }
  return byTemplate;
}

function toSubmittedReport(row: LatestRow): SubmittedReport {
  const report = storedReport(row.report);
  const review = reviewOf(row);
  return {
    unit: row.unit_code,
    submissionId: row.id,
    revision: row.revision,
    receivedAt: row.received_at,
    firstReceivedAt: row.first_received_at,
    status: statusOf(review),
    reviewComment: review?.comment ?? null,
    values: report.values,
    ...(report.rows ? { rows: report.rows } : {}),
    warnings: report.warnings,
    ...(report.coversPredecessors ? { coversPredecessors: true } : {}),
    ...(report.templateVersion ? { templateVersion: report.templateVersion } : {}),
    ...(row.unit_name && row.unit_kind ? { asFiled: { name: row.unit_name, kind: row.unit_kind, parent: row.unit_parent } } : {}),
    submitterName: row.filer_label,
    reviewerName: review ? row.reviewer_label : null,
  };
}

/**
 * The latest filings of shorter periods by units that ended during a longer one (their 2025-H1, Q1
 * and Q2 for the 2025 annual), by template: what covers their part of it. Nothing is read when no
 * unit ended during the period.
 */
export async function shorterFilings(db: D1Database, periods: readonly string[], units: readonly string[], template?: string): Promise<Map<string, ShorterFiling[]>> {
  const byTemplate = new Map<string, ShorterFiling[]>();
  if (periods.length === 0 || units.length === 0) return byTemplate;
  // The codes travel as one JSON parameter: a province merger can end hundreds of units at once, beyond D1's 100 bound parameters.
  const { results } = await db
    .prepare(
      `SELECT s.id, s.template, s.period, s.unit_code, s.latest_revision AS revision, r.report FROM submissions s
       JOIN revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
       WHERE s.period IN (SELECT value FROM json_each(?1)) AND s.unit_code IN (SELECT value FROM json_each(?2))${template ? ' AND s.template = ?3' : ''}`,
    )
    .bind(JSON.stringify(periods), JSON.stringify(units), ...(template ? [template] : []))
    .all<{ id: string; template: string; period: string; unit_code: string; revision: number; report: string }>();
  for (const row of results) {
    const list = byTemplate.get(row.template) ?? [];
    list.push({ unit: row.unit_code, period: row.period, submissionId: row.id, revision: row.revision, values: storedReport(row.report).values });
    byTemplate.set(row.template, list);
  }
  return byTemplate;
}

export async function addReview(
  db: D1Database,
  review: { submissionId: string; revision: number; decision: Review['decision']; comment: string | null },
  actor: Principal,
  now: string,
): Promise<Review> {
  const [inserted] = await db.batch([
    db
      .prepare('INSERT INTO reviews (submission_id, revision, decision, comment, reviewed_by, reviewed_at, reviewed_by_person) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id')
      .bind(review.submissionId, review.revision, review.decision, review.comment, actor.tokenId, now, actor.personId),
    auditStatement(db, actor, `submissions.${review.decision === 'accepted' ? 'accept' : 'return'}`, `${review.submissionId}#${review.revision}`, review.comment ? { comment: review.comment } : undefined, now),
  ]);
  const id = (inserted!.results[0] as { id: number }).id;
  return { id, submissionId: review.submissionId, revision: review.revision, decision: review.decision, comment: review.comment, reviewedBy: actor.tokenId, reviewedAt: now };
}

/** Review status, lateness and warnings of every latest revision of a period. */
export async function periodStates(db: D1Database, period: string) {
  const { results } = await db
    .prepare(`${SUMMARY.replace('SELECT s.id,', "SELECT json_extract(r.report, '$.coversPredecessors') AS covers, s.id,")} WHERE s.period = ?1`)
    .bind(period)
    .all<SummaryRow & { covers: number | null }>();
  return results.map((row) => ({
    unit: row.unit_code,
    template: row.template,
    status: statusOf(reviewOf(row)),
    daysLate: row.first_days_late,
    warnings: row.warnings,
    ...(row.covers ? { coversPredecessors: true } : {}),
  }));
}

/** Which shorter periods inside a longer one units that ended during it filed, by template (no figures read). */
export async function shorterFilingKeys(db: D1Database, periods: readonly string[], units: readonly string[]): Promise<{ unit: string; template: string; period: string }[]> {
  if (periods.length === 0 || units.length === 0) return [];
  const { results } = await db
    .prepare('SELECT unit_code AS unit, template, period FROM submissions WHERE period IN (SELECT value FROM json_each(?1)) AND unit_code IN (SELECT value FROM json_each(?2))')
    .bind(JSON.stringify(periods), JSON.stringify(units))
    .all<{ unit: string; template: string; period: string }>();
  return results;
}

/** Every period with filings (a unit's own, when `unit` is given), with how much each holds. */
export async function filedPeriodSummaries(db: D1Database, unit: string | null): Promise<FiledPeriodSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT period, count(*) AS submissions, count(DISTINCT unit_code) AS units, max(created_at) AS lastFiledAt
       FROM submissions ${unit ? 'WHERE unit_code = ?1' : ''} GROUP BY period`,
    )
    .bind(...(unit ? [unit] : []))
    .all<FiledPeriodSummary>();
  return results;
}

/** Filings listed between two closes: a reopened period rarely gets more, and the figures' changes say the rest. */
const MAX_FILINGS_BETWEEN = 500;

/** The filings of a period received after `after` (and up to `until`), oldest first: what changed a closed period. */
export async function filingsBetween(db: D1Database, period: string, after: string, until: string | null): Promise<FilingBetweenCloses[]> {
  const { results } = await db
    .prepare(
      `SELECT s.unit_code AS unit, r.unit_name AS unitName, s.template, r.revision, r.received_at AS receivedAt, r.submitted_by AS submittedBy, p.name AS submitterName
       FROM revisions r JOIN submissions s ON s.id = r.submission_id LEFT JOIN people p ON p.id = r.submitted_by_person
       WHERE s.period = ?1 AND r.received_at > ?2 AND (?3 IS NULL OR r.received_at <= ?3) ORDER BY r.received_at, s.unit_code LIMIT ${MAX_FILINGS_BETWEEN}`,
    )
    .bind(period, after, until)
    .all<FilingBetweenCloses>();
  return results;
}

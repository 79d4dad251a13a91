/**
 * Closing a period in D1. A close takes the period's lock first ('closing'), which the triggers of
 * migration 0010 make refuse every write that would alter the period; then it reads the period and
 * makes its files; then one batch stores the close, its files and its audit entry and marks the lock
 * 'closed', each statement conditional on this request still holding the lock. So a filing either
 * committed before the lock (and the files, read after it, hold it) or is refused.
 */
import type { ClosedSpan } from '../../../shared/registry/closed-periods';
import type { Principal } from '../env';

/** A close request that stalled this long (a worker that died mid-close) no longer holds its period. */
export const STALE_CLOSE_MS = 10 * 60 * 1000;

/** Bytes per stored chunk: well under D1's 2 MB per value. */
const CHUNK_BYTES = 1_000_000;

export type ClosedKind = 'json' | 'xlsx' | 'docx';

export interface LockRow {
  state: 'closing' | 'closed';
  version: number | null;
}

export type Acquired = { acquired: true; version: number } | { acquired: false; lock: LockRow | null };

const LOCK = `SELECT state, (SELECT max(version) FROM period_closes WHERE period = ?1) AS version FROM period_locks WHERE period = ?1`;

/** The query for the period's lock, to run alone or in a batch (a filing reads it with its intake). */
export function lockStatement(db: D1Database, period: string): D1PreparedStatement {
  return db.prepare(LOCK).bind(period);
}

/** The period's lock and its latest close version, if it is closed or being closed. */
export async function lockOf(db: D1Database, period: string): Promise<LockRow | null> {
  return lockStatement(db, period).first<LockRow>();
}

/** Takes the period for a close (or a stale close's lock); answers the version the close will have. */
export async function acquireClose(db: D1Database, span: ClosedSpan, holder: string, at: Date): Promise<Acquired> {
  const stale = new Date(at.getTime() - STALE_CLOSE_MS).toISOString();
  const [taken, lock, next] = await db.batch([
    db
      .prepare(
        `INSERT INTO period_locks (period, first_day, last_day, state, holder, since) VALUES (?1, ?2, ?3, 'closing', ?4, ?5)
         ON CONFLICT (period) DO UPDATE SET holder = excluded.holder, since = excluded.since WHERE period_locks.state = 'closing' AND period_locks.since < ?6`,
      )
      .bind(span.period, span.start, span.end, holder, at.toISOString(), stale),
    db.prepare(LOCK).bind(span.period),
    db.prepare('SELECT coalesce(max(version), 0) + 1 AS version FROM period_closes WHERE period = ?1').bind(span.period),
  ]);
  if (taken!.meta.changes === 1) return { acquired: true, version: (next!.results[0] as { version: number }).version };
  return { acquired: false, lock: (lock!.results[0] as LockRow | undefined) ?? null };
}

/** Gives the period back after a close that failed before storing anything. */
export async function releaseClose(db: D1Database, period: string, holder: string): Promise<void> {
  await db.prepare(`DELETE FROM period_locks WHERE period = ?1 AND holder = ?2 AND state = 'closing'`).bind(period, holder).run();
}

export interface ClosedFileBytes {
  kind: ClosedKind;
  bytes: Uint8Array;
  sha256: string;
}

/** Stores the close, its files and audit entry; false when this request no longer held the period. */
export async function commitClose(
  db: D1Database,
  close: { period: string; version: number; holder: string; closedAt: string; note: string | null; files: ClosedFileBytes[] },
  actor: Principal,
): Promise<boolean> {
  const held = `EXISTS (SELECT 1 FROM period_locks WHERE period = ?1 AND holder = ?2 AND state = 'closed')`;
  const statements: D1PreparedStatement[] = [
    db.prepare(`UPDATE period_locks SET state = 'closed' WHERE period = ?1 AND holder = ?2 AND state = 'closing'`).bind(close.period, close.holder),
    db
      .prepare(`INSERT INTO period_closes (period, version, closed_at, closed_by, note) SELECT ?1, ?3, ?4, ?5, ?6 WHERE ${held}`)
      .bind(close.period, close.holder, close.version, close.closedAt, actor.tokenId, close.note),
  ];
  for (const file of close.files) {
    const chunks = Math.max(1, Math.ceil(file.bytes.length / CHUNK_BYTES));
    statements.push(
      db
        .prepare(`INSERT INTO period_close_files (period, version, kind, sha256, bytes, chunks) SELECT ?1, ?3, ?4, ?5, ?6, ?7 WHERE ${held}`)
        .bind(close.period, close.holder, close.version, file.kind, file.sha256, file.bytes.length, chunks),
    );
    for (let seq = 0; seq < chunks; seq++) {
      statements.push(
        db
          .prepare(`INSERT INTO period_close_chunks (period, version, kind, seq, content) SELECT ?1, ?3, ?4, ?5, ?6 WHERE ${held}`)
          .bind(close.period, close.holder, close.version, file.kind, seq, file.bytes.slice(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)),
      );
    }
  }
  const detail = JSON.stringify({ version: close.version, note: close.note, files: Object.fromEntries(close.files.map((f) => [f.kind, { sha256: f.sha256, bytes: f.bytes.length }])) });
  statements.push(
    db
      .prepare(`INSERT INTO audit_log (at, actor, role, action, target, detail) SELECT ?3, ?4, ?5, 'periods.close', ?1, ?6 WHERE ${held}`)
      .bind(close.period, close.holder, close.closedAt, actor.tokenId, actor.role, detail),
  );
  const results = await db.batch(statements);
  return results[1]!.meta.changes === 1;
}

/** Reopens the period's close in force, with its reason and audit entry; null when it was not closed. */
export async function reopen(db: D1Database, period: string, reason: string, at: string, actor: Principal): Promise<{ version: number } | null> {
  const closed = `EXISTS (SELECT 1 FROM period_locks WHERE period = ?1 AND state = 'closed')`;
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO period_reopens (period, version, reopened_at, reopened_by, reason)
         SELECT ?1, (SELECT max(version) FROM period_closes WHERE period = ?1), ?2, ?3, ?4 WHERE ${closed} RETURNING version`,
      )
      .bind(period, at, actor.tokenId, reason),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, role, action, target, detail)
         SELECT ?2, ?3, ?5, 'periods.reopen', ?1, json_object('version', (SELECT max(version) FROM period_closes WHERE period = ?1), 'reason', ?4) WHERE ${closed}`,
      )
      .bind(period, at, actor.tokenId, reason, actor.role),
    db.prepare(`DELETE FROM period_locks WHERE period = ?1 AND state = 'closed'`).bind(period),
  ]);
  const row = inserted!.results[0] as { version: number } | undefined;
  return row ? { version: row.version } : null;
}

export interface CloseVersionRow {
  version: number;
  closedAt: string;
  closedBy: string;
  note: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reason: string | null;
}

export interface FileRow {
  version: number;
  kind: ClosedKind;
  sha256: string;
  bytes: number;
}

/** The period's lock, every close with how it ended, and every closed file's hash and size: one read. */
export async function closeHistory(db: D1Database, period: string): Promise<{ lock: LockRow | null; versions: CloseVersionRow[]; files: FileRow[] }> {
  const [lock, versions, files] = await db.batch([
    db.prepare(LOCK).bind(period),
    db
      .prepare(
        `SELECT c.version, c.closed_at AS closedAt, c.closed_by AS closedBy, c.note, r.reopened_at AS reopenedAt, r.reopened_by AS reopenedBy, r.reason
         FROM period_closes c LEFT JOIN period_reopens r ON r.period = c.period AND r.version = c.version WHERE c.period = ?1 ORDER BY c.version`,
      )
      .bind(period),
    db.prepare('SELECT version, kind, sha256, bytes FROM period_close_files WHERE period = ?1 ORDER BY version, kind').bind(period),
  ]);
  return { lock: (lock!.results[0] as LockRow | undefined) ?? null, versions: versions!.results as CloseVersionRow[], files: files!.results as FileRow[] };
}

export interface StoredFile {
  version: number;
  closedAt: string;
  closedBy: string;
  sha256: string;
  bytes: Uint8Array;
}

/**
 * A closed file: of the close in force when `version` is not given (null when the period is not closed),
 * or of that version. One batch, so the lock, the file and its chunks are read together.
 */
export async function closedFile(db: D1Database, period: string, kind: ClosedKind, version?: number): Promise<StoredFile | null> {
  const which = version === undefined ? `(SELECT max(version) FROM period_closes WHERE period = ?1) AND EXISTS (SELECT 1 FROM period_locks WHERE period = ?1 AND state = 'closed')` : '?3';
  const [meta, chunks] = await db.batch([
    db
      .prepare(
        `SELECT f.version, c.closed_at AS closedAt, c.closed_by AS closedBy, f.sha256, f.bytes, f.chunks FROM period_close_files f
         JOIN period_closes c ON c.period = f.period AND c.version = f.version WHERE f.period = ?1 AND f.kind = ?2 AND f.version = ${which}`,
      )
      .bind(period, kind, ...(version === undefined ? [] : [version])),
    db
      .prepare(`SELECT content FROM period_close_chunks WHERE period = ?1 AND kind = ?2 AND version = ${which} ORDER BY seq`)
      .bind(period, kind, ...(version === undefined ? [] : [version])),
  ]);
  const row = meta!.results[0] as { version: number; closedAt: string; closedBy: string; sha256: string; bytes: number; chunks: number } | undefined;
  if (!row) return null;
  const parts = (chunks!.results as { content: ArrayBuffer | number[] }[]).map((r) => new Uint8Array(r.content));
  if (parts.length !== row.chunks) throw new Error(`closed file ${period}#${row.version} ${kind} has ${parts.length} of ${row.chunks} chunks`);
  const bytes = new Uint8Array(row.bytes);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { version: row.version, closedAt: row.closedAt, closedBy: row.closedBy, sha256: row.sha256, bytes };
}

/** The closed periods, with their days: what a registry change must not alter. */
export async function closedSpans(db: D1Database): Promise<ClosedSpan[]> {
  const { results } = await db.prepare('SELECT period, first_day AS start, last_day AS "end" FROM period_locks ORDER BY first_day, period').all<ClosedSpan>();
  return results;
}

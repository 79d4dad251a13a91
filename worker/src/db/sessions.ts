/**
 * Sessions of people signed in through the province's provider: stored as SHA-256 hashes only,
 * a working day long, ended by signing out or by DIC. The principal is resolved from the session
 * and the membership in force at every request.
 */
import type { Role } from '../../../shared/api/schemas';
import { auditWhenStatement, type Actor } from './audit';

export interface SessionState {
  id: string;
  personId: string;
  personName: string;
  membershipId: number;
  role: Role;
  unit: string | null;
  validFrom: string;
  validTo: string | null;
  expiresAt: string;
  endedAt: string | null;
  lastSeenAt: string | null;
}

interface SessionRow {
  id: string;
  person_id: string;
  person_name: string;
  membership_id: number;
  role: Role;
  unit_code: string | null;
  valid_from: string;
  valid_to: string | null;
  expires_at: string;
  ended_at: string | null;
  last_seen_at: string | null;
  created_at: string;
}

const SELECT = `SELECT s.id, s.person_id, p.name AS person_name, s.membership_id, m.role, m.unit_code, m.valid_from, m.valid_to,
                       s.expires_at, s.ended_at, s.last_seen_at, s.created_at
                FROM sessions s JOIN people p ON p.id = s.person_id JOIN memberships m ON m.id = s.membership_id`;

const toState = (r: SessionRow): SessionState => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  membershipId: r.membership_id,
  role: r.role,
  unit: r.unit_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  expiresAt: r.expires_at,
  endedAt: r.ended_at,
  lastSeenAt: r.last_seen_at,
});

export async function findSessionByHash(db: D1Database, hash: string): Promise<SessionState | null> {
  const row = await sessionStatement(db, hash).first<SessionRow>();
  return row ? toState(row) : null;
}

/** The query that reads a session by its hash, with its person and membership, to run alone or first in a batch. */
export function sessionStatement(db: D1Database, hash: string): D1PreparedStatement {
  return db.prepare(`${SELECT} WHERE s.hash = ?1`).bind(hash);
}

/** A session row as `sessionStatement` read it, or null. */
export function sessionFromRow(row: unknown): SessionState | null {
  return row ? toState(row as SessionRow) : null;
}

export interface NewSession {
  id: string;
  hash: string;
  personId: string;
  membershipId: number;
  expiresAt: string;
}

/**
 * Trades a one-time hand-back code for a session in one batch: the code is deleted and the session
 * made only if the code was still there and unexpired, so a code replayed (even at the same moment)
 * makes at most one session. Answers whether the session was made.
 */
export async function redeemHandBack(db: D1Database, codeHash: string, session: Omit<NewSession, 'personId' | 'membershipId'>, now: string): Promise<{ personId: string; membershipId: number; role: Role } | null> {
  const [, created] = await db.batch([
    db
      .prepare(
        `INSERT INTO sessions (id, hash, person_id, membership_id, created_at, expires_at)
         SELECT ?2, ?3, person_id, membership_id, ?4, ?5 FROM hand_backs WHERE code_hash = ?1 AND expires_at > ?4`,
      )
      .bind(codeHash, session.id, session.hash, now, session.expiresAt),
    db.prepare('SELECT s.person_id, s.membership_id, m.role FROM sessions s JOIN memberships m ON m.id = s.membership_id WHERE s.id = ?1').bind(session.id),
    db.prepare('DELETE FROM hand_backs WHERE code_hash = ?1 OR expires_at <= ?2').bind(codeHash, now),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, role, action, target, detail, person_id, membership_id)
         SELECT ?2, s.id, m.role, 'sessions.create', s.id, json_object('expiresAt', s.expires_at), s.person_id, s.membership_id
         FROM sessions s JOIN memberships m ON m.id = s.membership_id WHERE s.id = ?1`,
      )
      .bind(session.id, now),
  ]);
  const row = created!.results[0] as { person_id: string; membership_id: number; role: Role } | undefined;
  return row ? { personId: row.person_id, membershipId: row.membership_id, role: row.role } : null;
}

export function handBackStatement(db: D1Database, codeHash: string, personId: string, membershipId: number, expiresAt: string): D1PreparedStatement {
  return db.prepare('INSERT INTO hand_backs (code_hash, person_id, membership_id, expires_at) VALUES (?1, ?2, ?3, ?4)').bind(codeHash, personId, membershipId, expiresAt);
}

export interface OpenSession {
  id: string;
  person: { id: string; name: string; login: string };
  role: Role;
  unit: string | null;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string | null;
}

/** Sessions not ended and not expired at `now`: who is signed in. */
export async function listOpenSessions(db: D1Database, now: string): Promise<OpenSession[]> {
  const { results } = await db
    .prepare(
      `SELECT s.id, s.person_id, p.name AS person_name, p.login, m.role, m.unit_code, s.created_at, s.expires_at, s.last_seen_at
       FROM sessions s JOIN people p ON p.id = s.person_id JOIN memberships m ON m.id = s.membership_id
       WHERE s.ended_at IS NULL AND s.expires_at > ?1 ORDER BY s.created_at DESC`,
    )
    .bind(now)
    .all<SessionRow & { login: string }>();
  return results.map((r) => ({
    id: r.id,
    person: { id: r.person_id, name: r.person_name, login: r.login },
    role: r.role,
    unit: r.unit_code,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
  }));
}

/** Ends one session (`id`) or every open session of a person; answers how many ended. */
export async function endSessions(db: D1Database, which: { id: string } | { personId: string }, actor: Actor, now: string, reason: 'logout' | 'ended'): Promise<number> {
  const [column, value] = 'id' in which ? ['id', which.id] : ['person_id', which.personId];
  // Audited before the sessions end, since signing out or ending one's own sessions ends the actor's own
  // (migration 0016), and only when there is an open session to end.
  const [, ended] = await db.batch([
    auditWhenStatement(db, actor, reason === 'logout' ? 'sessions.logout' : 'sessions.end', value, undefined, now, `EXISTS (SELECT 1 FROM sessions WHERE ${column} = ?9 AND ended_at IS NULL AND expires_at > ?10)`, value, now),
    db.prepare(`UPDATE sessions SET ended_at = ?2, ended_by = ?3 WHERE ${column} = ?1 AND ended_at IS NULL AND expires_at > ?2 RETURNING id`).bind(value, now, actor.tokenId),
  ]);
  return ended!.results.length;
}

/** Records use at most every five minutes, so reads do not turn into writes. */
export async function touchSession(db: D1Database, id: string, lastSeenAt: string | null, now: Date): Promise<void> {
  if (lastSeenAt && now.getTime() - Date.parse(lastSeenAt) < 300_000) return;
  await db.prepare('UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1').bind(id, now.toISOString()).run();
}

/**
 * Moves a person's session to another of their memberships in force: the old session ends and a
 * new one, expiring no later, starts in the same batch. The insert is conditional on the old session
 * being open and the membership being the person's and in force, so a session ended meanwhile
 * cannot be switched. Answers whether the switch happened.
 */
export async function switchSession(db: D1Database, old: { id: string; personId: string; expiresAt: string }, next: { id: string; hash: string; membershipId: number }, today: string, now: string): Promise<boolean> {
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO sessions (id, hash, person_id, membership_id, created_at, expires_at)
         SELECT ?1, ?2, s.person_id, m.id, ?5, s.expires_at FROM sessions s JOIN memberships m ON m.person_id = s.person_id
         WHERE s.id = ?3 AND s.ended_at IS NULL AND s.expires_at > ?5 AND m.id = ?4 AND m.valid_from <= ?6 AND (m.valid_to IS NULL OR m.valid_to >= ?6)
         RETURNING id`,
      )
      .bind(next.id, next.hash, old.id, next.membershipId, now, today),
    db.prepare('UPDATE sessions SET ended_at = ?2, ended_by = ?1 WHERE id = ?1 AND ended_at IS NULL AND EXISTS (SELECT 1 FROM sessions WHERE id = ?3)').bind(old.id, now, next.id),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, role, action, target, detail, person_id, membership_id)
         SELECT ?2, s.id, m.role, 'sessions.switch', s.id, json_object('from', ?3), s.person_id, s.membership_id
         FROM sessions s JOIN memberships m ON m.id = s.membership_id WHERE s.id = ?1`,
      )
      .bind(next.id, now, old.id),
  ]);
  return inserted!.results.length > 0;
}

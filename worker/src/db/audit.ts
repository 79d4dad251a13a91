/** The audit log: one statement to add to a write's batch, so the entry and the change commit together. */
import type { Principal } from '../env';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string;
  detail: string | null;
  person_id: string | null;
  person_name: string | null;
  membership_id: number | null;
}

/** Who acted: the token or session, its role, and the person and membership where there is one. */
export type Actor = Pick<Principal, 'tokenId' | 'role'> & Partial<Pick<Principal, 'personId' | 'membershipId'>>;

export function auditStatement(db: D1Database, actor: Actor, action: string, target: string, detail?: unknown, at = new Date().toISOString()): D1PreparedStatement {
  return auditWhenStatement(db, actor, action, target, detail, at, '1');
}

/**
 * The same entry, written only when `condition` (SQL; its parameters are bound from ?9) holds when the
 * batch reaches it.
 */
export function auditWhenStatement(db: D1Database, actor: Actor, action: string, target: string, detail: unknown, at: string, condition: string, ...params: unknown[]): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO audit_log (at, actor, role, action, target, detail, person_id, membership_id) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE ${condition}`)
    .bind(at, actor.tokenId, actor.role, action, target, detail === undefined ? null : JSON.stringify(detail), actor.personId ?? null, actor.membershipId ?? null, ...params);
}

/**
 * The same entry, written only when the statement just before it in the batch changed a row: a write
 * that a racing request already made is not audited twice.
 */
export function auditIfChangedStatement(db: D1Database, actor: Actor, action: string, target: string, detail?: unknown, at = new Date().toISOString()): D1PreparedStatement {
  return auditWhenStatement(db, actor, action, target, detail, at, 'changes() > 0');
}

export async function listAudit(db: D1Database, since: string | undefined, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.actor, a.role, a.action, a.target, a.detail, a.person_id, p.name AS person_name, a.membership_id
       FROM audit_log a LEFT JOIN people p ON p.id = a.person_id WHERE a.at >= ?1 ORDER BY a.id DESC LIMIT ?2`,
    )
    .bind(since ?? '', limit)
    .all<AuditRow>();
  return results.map(({ person_id, person_name, membership_id, ...r }) => ({
    ...r,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
    person: person_id === null ? null : { id: person_id, name: person_name ?? '' },
    membershipId: membership_id,
  }));
}

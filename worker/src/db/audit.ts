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
}

export function auditStatement(db: D1Database, actor: Pick<Principal, 'tokenId' | 'role'>, action: string, target: string, detail?: unknown, at = new Date().toISOString()): D1PreparedStatement {
  return db
    .prepare('INSERT INTO audit_log (at, actor, role, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(at, actor.tokenId, actor.role, action, target, detail === undefined ? null : JSON.stringify(detail));
}

export async function listAudit(db: D1Database, since: string | undefined, limit: number) {
  const { results } = await db
    .prepare('SELECT id, at, actor, role, action, target, detail FROM audit_log WHERE at >= ?1 ORDER BY id DESC LIMIT ?2')
    .bind(since ?? '', limit)
    .all<AuditRow>();
  return results.map((r) => ({ ...r, detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown) }));
}

/** Bearer tokens: stored as SHA-256 hashes only. */
import type { Role } from '../../../shared/api/schemas';
import type { Principal } from '../env';
import { auditStatement } from './audit';
import { guard } from './guards';

/** The token is still in force: a rotation or a revoke that raced it aborts instead of both winning. */
const stillInForce = (db: D1Database, id: string) => guard(db, 'token', 'EXISTS (SELECT 1 FROM tokens WHERE id = ?2 AND revoked_at IS NULL)', id);

export interface TokenRow {
  id: string;
  role: Role;
  unit_code: string | null;
  label: string | null;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  expires_at: string | null;
  person_id: string | null;
}

const toToken = (r: TokenRow) => ({
  id: r.id,
  role: r.role,
  unit: r.unit_code,
  label: r.label,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  /** The person the token belongs to; tokens made before people existed belong to no one. */
  personId: r.person_id,
});
export type TokenInfo = ReturnType<typeof toToken>;

const COLUMNS = 'id, role, unit_code, label, created_at, created_by, revoked_at, last_used_at, expires_at, person_id';

export async function findTokenByHash(db: D1Database, hash: string): Promise<TokenInfo | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM tokens WHERE hash = ?1`).bind(hash).first<TokenRow>();
  return row ? toToken(row) : null;
}

/** A token as sign-in reads it: with its person's name and the membership in force on the day, if it has a person. */
export type SigningToken = TokenInfo & { personName: string | null; membershipId: number | null };

/**
 * The query that signs a token in, to run alone or first in a batch: the token by its hash, its
 * person's name and the person's membership in force on `?2` that gives the token's role and unit
 * (the same rule as `membershipFor`), in one statement.
 */
export function signingTokenStatement(db: D1Database, hash: string, day: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')}, p.name AS person_name,
         (SELECT m.id FROM memberships m WHERE m.person_id = t.person_id AND m.role = t.role AND (m.role <> 'unit' OR m.unit_code = t.unit_code)
            AND m.valid_from <= ?2 AND (m.valid_to IS NULL OR m.valid_to >= ?2) ORDER BY m.valid_from DESC LIMIT 1) AS membership_id
       FROM tokens t LEFT JOIN people p ON p.id = t.person_id WHERE t.hash = ?1`,
    )
    .bind(hash, day);
}

export function toSigningToken(row: TokenRow & { person_name: string | null; membership_id: number | null }): SigningToken {
  return { ...toToken(row), personName: row.person_name, membershipId: row.membership_id };
}

export async function listTokens(db: D1Database): Promise<TokenInfo[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM tokens ORDER BY created_at, id`).all<TokenRow>();
  return results.map(toToken);
}

export interface NewToken {
  id: string;
  hash: string;
  role: Role;
  unit: string | null;
  label: string | null;
  expiresAt: string;
  personId?: string | null;
}

function insertToken(db: D1Database, token: NewToken, actor: Principal, now: string): D1PreparedStatement {
  return db
    .prepare('INSERT INTO tokens (id, hash, role, unit_code, label, created_at, created_by, expires_at, person_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)')
    .bind(token.id, token.hash, token.role, token.unit, token.label, now, actor.tokenId, token.expiresAt, token.personId ?? null);
}

function created(token: NewToken, actor: Principal, now: string): TokenInfo {
  return { id: token.id, role: token.role, unit: token.unit, label: token.label, createdAt: now, createdBy: actor.tokenId, revokedAt: null, lastUsedAt: null, expiresAt: token.expiresAt, personId: token.personId ?? null };
}

export async function createToken(db: D1Database, token: NewToken, actor: Principal, now: string): Promise<TokenInfo> {
  await db.batch([
    insertToken(db, token, actor, now),
    auditStatement(db, actor, 'tokens.create', token.id, { role: token.role, unit: token.unit, label: token.label, expiresAt: token.expiresAt, ...(token.personId ? { person: token.personId } : {}) }, now),
  ]);
  return created(token, actor, now);
}

export async function findToken(db: D1Database, id: string): Promise<TokenInfo | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM tokens WHERE id = ?1`).bind(id).first<TokenRow>();
  return row ? toToken(row) : null;
}

/** A new secret for the same role, unit and label; the old token stops working in the same batch. */
export async function rotateToken(db: D1Database, old: TokenInfo, next: Omit<NewToken, 'role' | 'unit' | 'label'>, actor: Principal, now: string): Promise<TokenInfo> {
  const token: NewToken = { ...next, role: old.role, unit: old.unit, label: old.label, personId: old.personId };
  await db.batch([
    stillInForce(db, old.id),
    // Audited before the revocation: an entry is refused once its actor is revoked (migration 0016).
    auditStatement(db, actor, 'tokens.rotate', old.id, { replacedBy: token.id, expiresAt: token.expiresAt }, now),
    db.prepare('UPDATE tokens SET revoked_at = ?2, replaced_by = ?3 WHERE id = ?1 AND revoked_at IS NULL').bind(old.id, now, token.id),
    insertToken(db, token, actor, now),
  ]);
  return created(token, actor, now);
}

/** Revokes a token. Revoking a revoked token changes nothing; an unknown one is `not_found`. */
export async function revokeToken(db: D1Database, id: string, actor: Principal, now: string): Promise<'revoked' | 'already_revoked' | 'not_found' | { replacedBy: string }> {
  const row = await db.prepare('SELECT revoked_at, replaced_by FROM tokens WHERE id = ?1').bind(id).first<{ revoked_at: string | null; replaced_by: string | null }>();
  if (!row) return 'not_found';
  if (row.replaced_by) return { replacedBy: row.replaced_by };
  if (row.revoked_at) return 'already_revoked';
  await db.batch([
    stillInForce(db, id),
    auditStatement(db, actor, 'tokens.revoke', id, undefined, now),
    db.prepare('UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL').bind(id, now),
  ]);
  return 'revoked';
}

/** Records use at most once an hour, so reads do not turn into writes. */
export async function touchToken(db: D1Database, id: string, lastUsedAt: string | null, now: Date): Promise<void> {
  if (lastUsedAt && now.getTime() - Date.parse(lastUsedAt) < 3_600_000) return;
  await db.prepare('UPDATE tokens SET last_used_at = ?2 WHERE id = ?1').bind(id, now.toISOString()).run();
}

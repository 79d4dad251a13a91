/** Creating, listing, rotating and revoking tokens directly in D1, for bootstrapping a deployment. */
import { defaultExpiry, expiryProblem, TOKEN_LIFETIME_DAYS } from '../../shared/api/token-lifetime';
import { vietnamDay } from '../../shared/periods';
import { newToken, randomId, sha256Hex } from '../../worker/src/lib/crypto';
import { d1, sql, type LocalState, type Target } from './d1';

export type Role = 'unit' | 'dic' | 'auditor';

/** A command line the user got wrong (exit 2), told in Vietnamese. */
export class UsageError extends Error {}

/** The guard the worker's batches use: the rest of the execution stops when the token was changed meanwhile. */
const stillInForce = (id: string) => `INSERT INTO write_guards (what, ok) SELECT 'token', EXISTS (SELECT 1 FROM tokens WHERE id = ${sql(id)} AND revoked_at IS NULL);`;

/** The expiry asked for, checked against today in Viet Nam, or the default one. */
export function tokenExpiry(requested: string | undefined, at = new Date()): string {
  const today = vietnamDay(at);
  if (requested === undefined) return defaultExpiry(today);
  const problem = expiryProblem(requested, today);
  if (problem === 'format') throw new UsageError(`--expires "${requested}" không phải là một ngày có thật dạng YYYY-MM-DD (ví dụ 2027-12-31).`);
  if (problem === 'past') throw new Error(`--expires ${requested} đã qua.`);
  if (problem === 'too_far') throw new Error(`Mã thông báo có hiệu lực tối đa ${TOKEN_LIFETIME_DAYS.max} ngày.`);
  return requested;
}

export async function createTokenIn(
  target: Target,
  role: Role,
  unit: string | null,
  label: string | null,
  state: LocalState = {},
  expiresAt = tokenExpiry(undefined),
  person: string | null = null,
): Promise<{ id: string; token: string; expiresAt: string; personId: string | null }> {
  if (unit) {
    const found = await d1(target, `SELECT code FROM units WHERE code = ${sql(unit)} LIMIT 1`, state);
    if (found.length === 0) throw new Error(`Không có đơn vị mã ${unit} trong danh mục (nhập danh mục trước: npm run admin -- units import FILE.csv).`);
  }
  const personId = person ? await holderIn(target, person, role, unit, state) : null;
  const created = await newTokenSql(role, unit, label, expiresAt, '1', personId);
  await d1(target, created.sql, state);
  return { id: created.id, token: created.token, expiresAt: created.expiresAt, personId };
}

/** The person (id or login) a token is made for, who must hold its role today: a token gives no more than its holder has. */
async function holderIn(target: Target, person: string, role: Role, unit: string | null, state: LocalState): Promise<string> {
  const found = await d1(target, `SELECT id, name FROM people WHERE id = ${sql(person)} OR login = ${sql(person.toLowerCase())} LIMIT 1`, state);
  const row = found[0];
  if (!row) throw new Error(`Không có người dùng ${person} (đăng ký trước: PUT /api/v1/people).`);
  const today = vietnamDay(new Date());
  const held = await d1(
    target,
    `SELECT id FROM memberships WHERE person_id = ${sql(String(row.id))} AND role = ${sql(role)} AND (role <> 'unit' OR unit_code = ${sql(unit)})
     AND valid_from <= ${sql(today)} AND (valid_to IS NULL OR valid_to >= ${sql(today)}) LIMIT 1`,
    state,
  );
  if (held.length === 0) throw new Error(`${String(row.name)} không có vai trò ${role}${unit ? ` của đơn vị ${unit}` : ''} đang có hiệu lực; không cấp được mã thông báo.`);
  return String(row.id);
}

/**
 * A new token and the SQL that stores it with its audit line, for running alone or with other
 * statements; with `onlyIf` (an SQL condition) both are stored only where it holds.
 */
export async function newTokenSql(
  role: Role,
  unit: string | null,
  label: string | null,
  expiresAt = tokenExpiry(undefined),
  onlyIf = '1',
  personId: string | null = null,
): Promise<{ id: string; token: string; hash: string; expiresAt: string; sql: string }> {
  const token = newToken();
  const hash = await sha256Hex(token);
  const id = randomId('tok', 10);
  const now = new Date().toISOString();
  return {
    id,
    token,
    hash,
    expiresAt,
    sql: `INSERT INTO tokens (id, hash, role, unit_code, label, created_at, created_by, expires_at, person_id) SELECT ${sql(id)}, ${sql(hash)}, ${sql(role)}, ${sql(unit)}, ${sql(label)}, ${sql(now)}, 'admin', ${sql(expiresAt)}, ${sql(personId)} WHERE ${onlyIf};
     INSERT INTO audit_log (at, actor, role, action, target, detail) SELECT ${sql(now)}, 'admin', 'dic', 'tokens.create', ${sql(id)}, ${sql(JSON.stringify({ role, unit, label, expiresAt, ...(personId ? { person: personId } : {}) }))} WHERE ${onlyIf};`,
  };
}

/** A new secret for the same role, unit and label; the old token is revoked in the same execution. */
export async function rotateTokenIn(target: Target, id: string, state: LocalState = {}, expiresAt = tokenExpiry(undefined)): Promise<{ id: string; token: string; expiresAt: string } | 'not_found' | 'revoked'> {
  const rows = await d1(target, `SELECT role, unit_code, label, revoked_at, person_id FROM tokens WHERE id = ${sql(id)}`, state);
  const old = rows[0];
  if (!old) return 'not_found';
  if (old.revoked_at) return 'revoked';
  const token = newToken();
  const next = randomId('tok', 10);
  const now = new Date().toISOString();
  await d1(
    target,
    `${stillInForce(id)}
     UPDATE tokens SET revoked_at = ${sql(now)}, replaced_by = ${sql(next)} WHERE id = ${sql(id)} AND revoked_at IS NULL;
     INSERT INTO tokens (id, hash, role, unit_code, label, created_at, created_by, expires_at, person_id) VALUES (${sql(next)}, ${sql(await sha256Hex(token))}, ${sql(String(old.role))}, ${sql((old.unit_code as string | null) ?? null)}, ${sql((old.label as string | null) ?? null)}, ${sql(now)}, 'admin', ${sql(expiresAt)}, ${sql((old.person_id as string | null) ?? null)});
     INSERT INTO audit_log (at, actor, role, action, target, detail) VALUES (${sql(now)}, 'admin', 'dic', 'tokens.rotate', ${sql(id)}, ${sql(JSON.stringify({ replacedBy: next, expiresAt }))});`,
    state,
  );
  return { id: next, token, expiresAt };
}

export async function tokenExists(target: Target, token: string, state: LocalState = {}): Promise<boolean> {
  const rows = await d1(target, `SELECT id FROM tokens WHERE hash = ${sql(await sha256Hex(token))} AND revoked_at IS NULL`, state);
  return rows.length > 0;
}

export async function listTokensIn(target: Target, state: LocalState = {}) {
  return d1(target, 'SELECT t.id, t.role, t.unit_code AS unit, t.label, t.created_at, t.revoked_at, t.last_used_at, t.expires_at, p.login AS person FROM tokens t LEFT JOIN people p ON p.id = t.person_id ORDER BY t.created_at', state);
}

/** Revokes a token; revoking it again changes nothing and says so. */
export async function revokeTokenIn(target: Target, id: string, state: LocalState = {}): Promise<'revoked' | 'already_revoked' | 'not_found' | { replacedBy: string }> {
  const rows = await d1(target, `SELECT revoked_at, replaced_by FROM tokens WHERE id = ${sql(id)}`, state);
  if (rows.length === 0) return 'not_found';
  if (rows[0]!.replaced_by) return { replacedBy: String(rows[0]!.replaced_by) };
  if (rows[0]!.revoked_at) return 'already_revoked';
  const now = new Date().toISOString();
  await d1(
    target,
    `${stillInForce(id)}
     UPDATE tokens SET revoked_at = ${sql(now)} WHERE id = ${sql(id)} AND revoked_at IS NULL;
     INSERT INTO audit_log (at, actor, role, action, target) VALUES (${sql(now)}, 'admin', 'dic', 'tokens.revoke', ${sql(id)});`,
    state,
  );
  return 'revoked';
}

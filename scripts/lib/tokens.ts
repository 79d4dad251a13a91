/** Creating, listing and revoking tokens directly in D1, for bootstrapping a deployment. */
import { newToken, randomId, sha256Hex } from '../../worker/src/lib/crypto';
import { d1, sql, type LocalState, type Target } from './d1';

export type Role = 'unit' | 'dic' | 'auditor';

export async function createTokenIn(target: Target, role: Role, unit: string | null, label: string | null, state: LocalState = {}): Promise<{ id: string; token: string }> {
  if (unit) {
    const found = await d1(target, `SELECT code FROM units WHERE code = ${sql(unit)} LIMIT 1`, state);
    if (found.length === 0) throw new Error(`Không có đơn vị mã ${unit} trong danh mục (nhập danh mục trước: npm run admin -- units import FILE.csv).`);
  }
  const token = newToken();
  const id = randomId('tok', 10);
  const now = new Date().toISOString();
  await d1(
    target,
    `INSERT INTO tokens (id, hash, role, unit_code, label, created_at, created_by) VALUES (${sql(id)}, ${sql(await sha256Hex(token))}, ${sql(role)}, ${sql(unit)}, ${sql(label)}, ${sql(now)}, 'admin');
     INSERT INTO audit_log (at, actor, role, action, target, detail) VALUES (${sql(now)}, 'admin', 'dic', 'tokens.create', ${sql(id)}, ${sql(JSON.stringify({ role, unit, label }))});`,
    state,
  );
  return { id, token };
}

export async function tokenExists(target: Target, token: string, state: LocalState = {}): Promise<boolean> {
  const rows = await d1(target, `SELECT id FROM tokens WHERE hash = ${sql(await sha256Hex(token))} AND revoked_at IS NULL`, state);
  return rows.length > 0;
}

export async function listTokensIn(target: Target, state: LocalState = {}) {
  return d1(target, 'SELECT id, role, unit_code AS unit, label, created_at, revoked_at, last_used_at FROM tokens ORDER BY created_at', state);
}

export async function revokeTokenIn(target: Target, id: string, state: LocalState = {}): Promise<boolean> {
  const rows = await d1(target, `SELECT revoked_at FROM tokens WHERE id = ${sql(id)}`, state);
  if (rows.length === 0) return false;
  const now = new Date().toISOString();
  await d1(
    target,
    `UPDATE tokens SET revoked_at = ${sql(now)} WHERE id = ${sql(id)} AND revoked_at IS NULL;
     INSERT INTO audit_log (at, actor, role, action, target) VALUES (${sql(now)}, 'admin', 'dic', 'tokens.revoke', ${sql(id)});`,
    state,
  );
  return true;
}

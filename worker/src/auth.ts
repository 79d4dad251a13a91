/** Bearer-token authentication and role checks. */
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/api/schemas';
import { findTokenByHash, touchToken } from './db/tokens';
import type { AppEnv } from './env';
import { sha256Hex } from './lib/crypto';
import { fail } from './lib/problem';

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    fail('unauthorized', 'Thiếu mã thông báo: gửi tiêu đề Authorization: Bearer <mã>.', 'Missing token: send Authorization: Bearer <token>.');
  }
  const token = await findTokenByHash(c.env.DB, await sha256Hex(match[1]!));
  if (!token) fail('unauthorized', 'Mã thông báo không đúng.', 'The token is not valid.');
  if (token.revokedAt) fail('unauthorized', 'Mã thông báo đã bị thu hồi; hãy xin mã mới từ Sở Thông tin và Truyền thông.', 'The token has been revoked.');
  c.set('principal', { tokenId: token.id, role: token.role, unit: token.unit, label: token.label });
  c.executionCtx.waitUntil(touchToken(c.env.DB, token.id, token.lastUsedAt).catch(() => undefined));
  await next();
};

const ROLE_NAMES: Record<Role, string> = { unit: 'đơn vị', dic: 'Sở TT&TT', auditor: 'kiểm tra' };

export function allow(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role)) {
      fail(
        'forbidden',
        `Vai trò ${ROLE_NAMES[role]} không được làm việc này (cần: ${roles.map((r) => ROLE_NAMES[r]).join(', ')}).`,
        `The ${role} role may not do this (needs: ${roles.join(', ')}).`,
      );
    }
    await next();
  };
}

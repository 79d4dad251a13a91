/** Bearer-token authentication and role checks. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/api/schemas';
import { isExpired } from '../../shared/api/token-lifetime';
import { formatDateVi } from '../../shared/dates';
import { vietnamDay } from '../../shared/periods';
import { findTokenByHash, touchToken } from './db/tokens';
import type { AppEnv } from './env';
import { now } from './lib/clock';
import { sha256Hex } from './lib/crypto';
import { fail } from './lib/problem';

/** Seconds a client waits after too many failed sign-ins (the limiter's period, wrangler.toml). */
const SIGN_IN_RETRY_SECONDS = 60;

/**
 * A failed sign-in counts against the caller's address; past the limit the answer is 429, which
 * slows anyone guessing tokens. Successful requests are never counted: a commune office's clerks
 * share one address.
 */
async function refuse(c: Context<AppEnv>, vi: string, en: string): Promise<never> {
  const limiter = c.env.SIGN_IN_LIMITER;
  if (limiter) {
    const key = c.req.header('cf-connecting-ip') ?? 'unknown';
    const { success } = await limiter.limit({ key });
    if (!success) {
      fail('too-many-requests', `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${SIGN_IN_RETRY_SECONDS} giây.`, `Too many failed sign-ins; try again in ${SIGN_IN_RETRY_SECONDS} seconds.`, {
        retryAfter: SIGN_IN_RETRY_SECONDS,
      });
    }
  }
  fail('unauthorized', vi, en);
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    fail('unauthorized', 'Thiếu mã thông báo: gửi tiêu đề Authorization: Bearer <mã>.', 'Missing token: send Authorization: Bearer <token>.');
  }
  const token = await findTokenByHash(c.env.DB, await sha256Hex(match[1]!));
  if (!token) return refuse(c, 'Mã thông báo không đúng.', 'The token is not valid.');
  if (token.revokedAt) return refuse(c, 'Mã thông báo đã bị thu hồi; hãy xin mã mới từ cơ quan thường trực.', 'The token has been revoked; ask the coordinating department for a new one.');
  const at = now(c.env);
  if (isExpired(token.expiresAt, vietnamDay(at))) {
    return refuse(
      c,
      `Mã thông báo đã hết hạn từ sau ngày ${formatDateVi(token.expiresAt!)}; hãy xin mã mới từ cơ quan thường trực.`,
      `The token expired after ${token.expiresAt}; ask the coordinating department for a new one.`,
    );
  }
  c.set('principal', { tokenId: token.id, role: token.role, unit: token.unit, label: token.label });
  c.executionCtx.waitUntil(touchToken(c.env.DB, token.id, token.lastUsedAt, at).catch(() => undefined));
  await next();
};

const ROLE_NAMES: Record<Role, string> = { unit: 'đơn vị', dic: 'cơ quan thường trực', auditor: 'kiểm tra' };

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

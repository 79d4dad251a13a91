import type { MiddlewareHandler } from 'hono';
import type { Lang } from '../../../shared/i18n';
import type { AppEnv } from '../env';

/** Vietnamese unless the caller asks for English (`?lang=en` or `Accept-Language: en`). */
export function languageOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'vi') return query;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export const language: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('lang', languageOf(c.req.query('lang'), c.req.header('accept-language')));
  await next();
};

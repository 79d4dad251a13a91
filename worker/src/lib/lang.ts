import type { MiddlewareHandler } from 'hono';
import { isLang, langOf, type Lang } from '../../../shared/i18n';
import type { AppEnv } from '../env';

/** Vietnamese unless the caller asks for another language (`?lang=en`, or `Accept-Language: en` first). */
export function languageOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase().split(/[-;]/)[0];
  return langOf(first);
}

export const language: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('lang', languageOf(c.req.query('lang'), c.req.header('accept-language')));
  await next();
};

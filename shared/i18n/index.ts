/**
 * The languages of the product: Vietnamese, which every user reads, and English for those who ask.
 * Words live in catalogues, one table per language with the same shape, so adding a language is a
 * table the compiler checks is complete, never a hunt through the code.
 */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

/** A word or phrase in every language (a label in the catalogue of templates, a sheet name). */
export type Words = Readonly<Record<Lang, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language asked for, or Vietnamese. */
export function langOf(value: unknown): Lang {
  return isLang(value) ? value : DEFAULT_LANG;
}

/**
 * A catalogue: the Vietnamese table gives the shape, every other language must match it.
 * `catalogue({ vi, en })` keeps each table's own functions and strings.
 */
export function catalogue<T>(tables: { vi: T } & Record<Exclude<Lang, 'vi'>, T>): Readonly<Record<Lang, T>> {
  return tables;
}

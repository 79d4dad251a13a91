/** Writes numbers the way the reader's language writes them. */
import type { Lang } from '../i18n';
import { decimalsOf, roundTo, toPlainString } from './decimal';

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** `1345670` → `1.345.670`; `409.8` → `409,8`. Keeps the digits written unless `decimals` is given. */
export function formatNumber(n: number, lang: Lang = 'vi', decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const d = decimals ?? Math.min(decimalsOf(n), 6);
  const rounded = roundTo(n, d);
  const negative = rounded < 0;
  const plain = toPlainString(Math.abs(rounded));
  let [intPart = '0', frac = ''] = plain.split('.');
  if (decimals !== undefined) frac = frac.padEnd(d, '0').slice(0, d);
  const { group, decimal } = SEPARATORS[lang];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (negative ? '-' : '') + grouped + (frac ? decimal + frac : '');
}

/** Percent points: `74.65` → `74,65%`. */
export function formatPercent(points: number, lang: Lang = 'vi', decimals?: number): string {
  return formatNumber(points, lang, decimals) + '%';
}

/** The signature block printed under every template: who prepared it and the head of the unit. */
import type { Lang } from '../i18n';
import type { CellModel } from './model';
import { SHEET_WORDS } from './words';

export function signatureBlock(row: number, leftCol: number, rightCol: number, lang: Lang): CellModel[] {
  const { date, preparer, head, signHint, stampHint } = SHEET_WORDS[lang].signature;
  return [
    { row, col: rightCol, value: date, style: 'signatureHint' },
    { row: row + 1, col: leftCol, value: preparer, style: 'signature' },
    { row: row + 1, col: rightCol, value: head, style: 'signature' },
    { row: row + 2, col: leftCol, value: signHint, style: 'signatureHint' },
    { row: row + 2, col: rightCol, value: stampHint, style: 'signatureHint' },
  ];
}

/** Cell texts that mark the signature block, where a scanned list ends. */
export const SIGNATURE_MARKERS: ReadonlySet<string> = new Set(
  Object.values(SHEET_WORDS).flatMap(({ signature }) => [signature.preparer, signature.head, signature.date]),
);

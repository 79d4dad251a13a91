/** The signature block printed under every template: who prepared it and the head of the unit. */
import type { Lang } from '../numbers/format';
import type { CellModel } from './model';

const DATE_LINES: Record<Lang, string> = { vi: '……, ngày …… tháng …… năm ……', en: '……, date ……' };

export function signatureBlock(row: number, leftCol: number, rightCol: number, lang: Lang): CellModel[] {
  const [preparer, head, signHint, stampHint] =
    lang === 'vi'
      ? ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']
      : ['PREPARED BY', 'HEAD OF UNIT', '(signature and full name)', '(signature and seal)'];
  const dateLine = DATE_LINES[lang];
  return [
    { row, col: rightCol, value: dateLine, style: 'signatureHint' },
    { row: row + 1, col: leftCol, value: preparer, style: 'signature' },
    { row: row + 1, col: rightCol, value: head, style: 'signature' },
    { row: row + 2, col: leftCol, value: signHint, style: 'signatureHint' },
    { row: row + 2, col: rightCol, value: stampHint, style: 'signatureHint' },
  ];
}

/** Cell texts that mark the signature block, where a scanned list ends. */
export const SIGNATURE_MARKERS: ReadonlySet<string> = new Set([
  'NGƯỜI LẬP BIỂU',
  'THỦ TRƯỞNG ĐƠN VỊ',
  'PREPARED BY',
  'HEAD OF UNIT',
  ...Object.values(DATE_LINES),
]);

/** BM07 — Kinh phí chuyển đổi số, in tỷ đồng (seed 000 §12; seed 004 §III.5). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { FLOW, L, NOTE_COLUMN_DEF, RESULT_COLUMN, moneyRow, shareRow, sum, type RowInput } from './build';

const FILERS = ['department', 'district'] as const;
const PARTS = ['KP01', 'KP02', 'KP03', 'KP04', 'KP05', 'KP06', 'KP07', 'KP08'];

const rows: RowInput[] = [
  moneyRow('KP01', L('Chính quyền số: chi đầu tư', 'Digital government: investment'), { ...FLOW, level: 1 }),
  moneyRow('KP02', L('Chính quyền số: chi thường xuyên', 'Digital government: recurring'), { ...FLOW, level: 1 }),
  moneyRow('KP03', L('Kinh tế số: chi đầu tư', 'Digital economy: investment'), { ...FLOW, level: 1 }),
  moneyRow('KP04', L('Kinh tế số: chi thường xuyên', 'Digital economy: recurring'), { ...FLOW, level: 1 }),
  moneyRow('KP05', L('Xã hội số: chi đầu tư', 'Digital society: investment'), { ...FLOW, level: 1 }),
  moneyRow('KP06', L('Xã hội số: chi thường xuyên', 'Digital society: recurring'), { ...FLOW, level: 1 }),
  moneyRow('KP07', L('An toàn thông tin: chi đầu tư', 'Information security: investment'), { ...FLOW, level: 1 }),
  moneyRow('KP08', L('An toàn thông tin: chi thường xuyên', 'Information security: recurring'), { ...FLOW, level: 1 }),
  moneyRow('KP09', L('Tổng kinh phí chuyển đổi số', 'Total digital-transformation spending'), { ...FLOW, requiredFor: [...FILERS] }),
  shareRow('TL01', L('Tỷ lệ chi cho an toàn thông tin', 'Information-security share of spending'), ['KP07.KQ', 'KP08.KQ'], 'KP09.KQ'),
];

export const BM07 = defineTemplate({
  id: 'BM07',
  version: '2024.1',
  kind: 'indicator',
  title: L('Kinh phí chuyển đổi số', 'Digital-transformation spending'),
  source: 'Quyết định 3330/QĐ-UBND ngày 29/11/2021 của UBND tỉnh',
  periodKinds: ['Y'],
  filedBy: filedBy([...FILERS]),
  columns: [RESULT_COLUMN, NOTE_COLUMN_DEF],
  rows,
  rules: [
    sum('KP09.TONG', 'KP09.KQ', PARTS.map((p) => `${p}.KQ`), 'TEMPLATES.md BM07'),
    { id: 'TL01.TYLE', kind: 'ratio', share: 'TL01.KQ', numerator: ['KP07.KQ', 'KP08.KQ'], denominator: 'KP09.KQ' },
    {
      id: 'ATTT.10PT',
      kind: 'min_share',
      numerator: ['KP07.KQ', 'KP08.KQ'],
      denominator: 'KP09.KQ',
      min: 10,
      source: 'seed 004 §III.5: chi cho ATTT tối thiểu 10% tổng chi cho chuyển đổi số',
    },
  ],
});

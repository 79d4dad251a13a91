/** BM08 — Tự đánh giá chỉ số DTI: the eight pillars and their maximum points (seed 004 §II). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { L, NOTE_COLUMN_DEF, UNITS, sum, type RowInput } from './build';

const pillar = (code: string, label: ReturnType<typeof L>, max: number): RowInput => ({
  code,
  label,
  unit: UNITS.score,
  measure: 'score',
  max,
  columns: ['KQ', 'XH'],
  consolidate: 'same',
  level: 1,
  requiredFor: ['department'],
});

const PILLARS: RowInput[] = [
  pillar('D1', L('Nhận thức số', 'Digital awareness'), 100),
  pillar('D2', L('Thể chế số', 'Digital institutions'), 100),
  pillar('D3', L('Hạ tầng số', 'Digital infrastructure'), 100),
  pillar('D4', L('Nhân lực số', 'Digital workforce'), 100),
  pillar('D5', L('An toàn thông tin mạng', 'Cybersecurity'), 100),
  pillar('D6', L('Hoạt động chính quyền số', 'Digital government'), 200),
  pillar('D7', L('Hoạt động kinh tế số', 'Digital economy'), 150),
  pillar('D8', L('Hoạt động xã hội số', 'Digital society'), 150),
];

export const BM08 = defineTemplate({
  id: 'BM08',
  version: '2024.1',
  kind: 'indicator',
  title: L('Tự đánh giá chỉ số chuyển đổi số (DTI)', 'Digital Transformation Index (DTI) self-assessment'),
  source: 'seed 004 §II',
  periodKinds: ['Y'],
  filedBy: filedBy(['department']),
  scope: 'province',
  columns: [
    { key: 'KQ', label: L('Điểm đạt được', 'Score'), consolidate: 'row', width: 14 },
    { key: 'XH', label: L('Xếp hạng', 'Rank'), measure: 'rank', consolidate: 'same', width: 12 },
    NOTE_COLUMN_DEF,
  ],
  rows: [{ ...pillar('DT', L('Tổng điểm DTI', 'DTI total'), 1000), level: 0, requiredFor: undefined }, ...PILLARS],
  rules: [sum('DT.TONG', 'DT.KQ', PILLARS.map((p) => `${p.code}.KQ`), 'seed 004 §II')],
});

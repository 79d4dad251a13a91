/**
 * BM08 — Tự đánh giá chỉ số DTI, filed once for the province by the coordinating department. Two
 * schemes, dated by the DTI year (the period): the 2022 scheme (922/QĐ-BTTTT: eight pillars with
 * maximum points, 1000 in all; seed 004 §II) for DTI 2021–2023, and from DTI 2024 the scheme of
 * Quyết định 405/QĐ-BKHCN (3 April 2025): the same eight main indices and the index, each published
 * as a value from 0 to 1, ranked among the 34 provinces (DTI 2024 was published in October 2025 among 34).
 */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { nextVersion } from './versions';
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

const PILLARS: [string, ReturnType<typeof L>, number][] = [
  ['D1', L('Nhận thức số', 'Digital awareness'), 100],
  ['D2', L('Thể chế số', 'Digital institutions'), 100],
  ['D3', L('Hạ tầng số', 'Digital infrastructure'), 100],
  ['D4', L('Nhân lực số', 'Digital workforce'), 100],
  ['D5', L('An toàn thông tin mạng', 'Cybersecurity'), 100],
  ['D6', L('Hoạt động chính quyền số', 'Digital government'), 200],
  ['D7', L('Hoạt động kinh tế số', 'Digital economy'), 150],
  ['D8', L('Hoạt động xã hội số', 'Digital society'), 150],
];

const POINTS: RowInput[] = PILLARS.map(([code, label, max]) => pillar(code, label, max));

/**
 * The DTI of year N is assessed and published in year N+1, so it is filed then, by the coordinating
 * department of the filing day. It can be filed from 1 January N+1, once the year assessed is over. No
 * decision in the seeds dates the province's filing: seed 004 §VI asks for the plan's annual report
 * before 25 December of the year itself, which the DTI of that year cannot meet; the self-assessment
 * is taken as due at the end of the first quarter of N+1, before the Ministry's assessment, so filing in
 * March N+1 is on time.
 */
const FILED_AFTER_THE_YEAR = {
  opens: '01-01',
  deadline: '03-31',
  basis: 'DTI năm N được đánh giá, công bố trong năm N+1 (DOMAIN.md); tự đánh giá nộp trong quý I năm N+1',
};

/** The 2022 scheme (922/QĐ-BTTTT), for DTI 2021–2023: scores in points, the index the sum of the pillars. */
export const BM08 = defineTemplate({
  id: 'BM08',
  version: '2024.1',
  kind: 'indicator',
  title: L('Tự đánh giá chỉ số chuyển đổi số (DTI)', 'Digital Transformation Index (DTI) self-assessment'),
  source: 'Quyết định 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông',
  periodKinds: ['Y'],
  filedBy: filedBy(['department']),
  scope: 'province',
  // DTI 2021–2023 were ranked among the 63 provinces of their day.
  rankAmong: 63,
  filedAfterPeriod: FILED_AFTER_THE_YEAR,
  columns: [
    { key: 'KQ', label: L('Điểm đạt được', 'Score'), consolidate: 'row', width: 14 },
    { key: 'XH', label: L('Xếp hạng', 'Rank'), measure: 'rank', consolidate: 'same', width: 12 },
    NOTE_COLUMN_DEF,
  ],
  rows: [{ ...pillar('DT', L('Tổng điểm DTI', 'DTI total'), 1000), level: 0, requiredFor: undefined }, ...POINTS],
  rules: [sum('DT.TONG', 'DT.KQ', POINTS.map((p) => `${p.code}.KQ`), 'seed 004 §II')],
});

const INDEX_VALUE = L('(thang 0–1)', '(on a 0–1 scale)');
const indexRow = (code: string, label: ReturnType<typeof L>): RowInput => ({ ...pillar(code, label, 1), unit: INDEX_VALUE });

/**
 * The scheme of Quyết định 405/QĐ-BKHCN, from DTI 2024: the eight main indices and the index as values
 * from 0 to 1. Under 405 the index is a weighted combination of the main indices, not their sum, and
 * the weights are the Ministry's: each value is checked to lie in [0, 1] and no rule ties DT to D1–D8.
 */
export const BM08_405 = nextVersion(BM08, {
  version: '2025.1',
  from: '2024-01-01',
  source: 'Quyết định 405/QĐ-BKHCN (03/4/2025)',
  rankAmong: 34,
  columns: [
    { key: 'KQ', label: L('Giá trị chỉ số', 'Index value'), consolidate: 'row', width: 14 },
    { key: 'XH', label: L('Xếp hạng', 'Rank'), measure: 'rank', consolidate: 'same', width: 12 },
    NOTE_COLUMN_DEF,
  ],
  rows: [{ ...indexRow('DT', L('Chỉ số DTI', 'DTI')), level: 0, requiredFor: undefined }, ...PILLARS.map(([code, label]) => indexRow(code, label))],
  rules: [],
});

export const BM08_VERSIONS = [BM08, BM08_405];

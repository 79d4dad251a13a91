/** BM04 — Văn bản điện tử và hồ sơ công việc (seeds 000 §9, 001 §7, 003 §5a). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { nextVersion } from './versions';
import { TWO_LEVEL_LOCAL_GOVERNMENT_FROM } from '../settings';
import {
  DENOMINATOR_COLUMN, FLOW, L, NOTE_COLUMN_DEF, NUMERATOR_COLUMN, RESULT_COLUMN,
  countRow, fractionRow, fractionRules, le, shareRow, shareRules, sum, type RowInput,
} from './build';

const DOCS = L('văn bản', 'documents');
const ALL = ['department', 'district', 'commune'] as const;
const WORK_RECORDS = L('Tử số: hồ sơ công việc xử lý trên môi trường mạng; mẫu số: tổng hồ sơ công việc', 'Numerator: work records handled online; denominator: all work records');

const rows: RowInput[] = [
  countRow('VB01', L('Văn bản điện tử gửi, nhận (tổng)', 'Electronic documents sent and received (total)'), DOCS, { ...FLOW, requiredFor: [...ALL] }),
  countRow('VB02', L('Văn bản gửi, nhận trong tỉnh', 'Within the province'), DOCS, { ...FLOW, level: 1, requiredFor: [...ALL] }),
  countRow('VB03', L('Văn bản trao đổi với bộ, ngành, tỉnh khác', 'With ministries and other provinces'), DOCS, { ...FLOW, level: 1, requiredFor: [...ALL] }),
  countRow('VB04', L('Văn bản điện tử được ký số', 'Digitally signed documents'), DOCS, { ...FLOW, requiredFor: [...ALL] }),
  shareRow('TL01', L('Tỷ lệ văn bản điện tử được ký số', 'Signed documents / documents'), ['VB04.KQ'], 'VB01.KQ'),
  fractionRow('HC01', L('Hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng', 'Work records handled online, province level'), WORK_RECORDS, { ...FLOW, requiredFor: ['department'] }),
  fractionRow('HC02', L('Hồ sơ công việc cấp huyện xử lý trên môi trường mạng', 'Work records handled online, district level'), WORK_RECORDS, { ...FLOW, requiredFor: ['district'] }),
  fractionRow('HC03', L('Hồ sơ công việc cấp xã xử lý trên môi trường mạng', 'Work records handled online, commune level'), WORK_RECORDS, { ...FLOW, requiredFor: ['commune'] }),
];

export const BM04 = defineTemplate({
  id: 'BM04',
  version: '2024.1',
  kind: 'indicator',
  title: L('Văn bản điện tử và hồ sơ công việc', 'Electronic documents and work records'),
  source: 'Quyết định 3330/QĐ-UBND ngày 29/11/2021 của UBND tỉnh',
  periodKinds: ['Q', 'H', 'Y'],
  // Work records are kept by level: the district row ends with the districts, communes keep their own.
  filedBy: filedBy([...ALL], { standsForDistrict: false }),
  columns: [RESULT_COLUMN, NUMERATOR_COLUMN, DENOMINATOR_COLUMN, NOTE_COLUMN_DEF],
  rows,
  rules: [
    sum('VB01.TONG', 'VB01.KQ', ['VB02.KQ', 'VB03.KQ'], 'TEMPLATES.md BM04'),
    le('VB04.VB01', 'VB04.KQ', 'VB01.KQ'),
    ...shareRules(rows),
    ...fractionRules(rows),
  ],
});

/** From 1 July 2025 there is no district level (Resolution 202/2025/QH15): the district's work-records row ends. */
export const BM04_VERSIONS = [BM04, nextVersion(BM04, { version: '2025.1', from: TWO_LEVEL_LOCAL_GOVERNMENT_FROM, dropRows: ['HC02'] })];

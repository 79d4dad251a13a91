/** BM05 — An toàn thông tin mạng (seeds 000 §8, 001 §9, 003 §7). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { BALANCE, FLOW, L, NOTE_COLUMN_DEF, RESULT_COLUMN, countRow, le, shareRow, shareRules, type RowInput } from './build';

const SYSTEMS = L('hệ thống', 'systems');
const FILERS = ['department', 'district'] as const;
const required = { requiredFor: [...FILERS] };
// Systems, workstations and staff are held at the period's end; incidents happen during it.
const held = { ...BALANCE, ...required };
const happened = { ...FLOW, ...required };

const rows: RowInput[] = [
  countRow('AT01', L('Hệ thống thông tin cấp độ 2', 'Level-2 information systems'), SYSTEMS, held),
  countRow('AT02', L('Trong đó: đã phê duyệt hồ sơ đề xuất cấp độ', 'of which approved'), SYSTEMS, { ...held, level: 1 }),
  countRow('AT03', L('Hệ thống thông tin cấp độ 3', 'Level-3 information systems'), SYSTEMS, held),
  countRow('AT04', L('Trong đó: đã phê duyệt hồ sơ đề xuất cấp độ', 'of which approved'), SYSTEMS, { ...held, level: 1 }),
  countRow('AT05', L('Máy trạm có phần mềm phòng chống mã độc', 'Workstations with anti-malware'), L('máy', 'computers'), held),
  countRow('AT06', L('Sự cố an toàn thông tin được phát hiện', 'Security incidents detected'), L('sự cố', 'incidents'), happened),
  countRow('AT07', L('Sự cố đã được xử lý', 'Incidents handled'), L('sự cố', 'incidents'), { ...happened, level: 1 }),
  countRow('AT08', L('Cán bộ chuyên trách CNTT', 'Dedicated IT staff'), L('người', 'people'), held),
  countRow('AT09', L('Trong đó: được đào tạo về an toàn thông tin', 'of whom trained in information security'), L('người', 'people'), { ...held, level: 1 }),
  shareRow('TL01', L('Tỷ lệ HTTT cấp độ 2 đã phê duyệt', 'Approved level-2 systems'), ['AT02.KQ'], 'AT01.KQ'),
  shareRow('TL02', L('Tỷ lệ HTTT cấp độ 3 đã phê duyệt', 'Approved level-3 systems'), ['AT04.KQ'], 'AT03.KQ'),
  shareRow('TL03', L('Tỷ lệ sự cố đã xử lý', 'Incidents handled / detected'), ['AT07.KQ'], 'AT06.KQ'),
  shareRow('TL04', L('Tỷ lệ cán bộ chuyên trách được đào tạo ATTT', 'Trained IT staff / IT staff'), ['AT09.KQ'], 'AT08.KQ'),
];

export const BM05 = defineTemplate({
  id: 'BM05',
  version: '2024.1',
  kind: 'indicator',
  title: L('An toàn thông tin mạng', 'Information security'),
  source: 'Quyết định 3330/QĐ-UBND ngày 29/11/2021 của UBND tỉnh',
  periodKinds: ['H', 'Y'],
  filedBy: filedBy([...FILERS]),
  columns: [RESULT_COLUMN, NOTE_COLUMN_DEF],
  rows,
  rules: [
    le('AT02.AT01', 'AT02.KQ', 'AT01.KQ'),
    le('AT04.AT03', 'AT04.KQ', 'AT03.KQ'),
    le('AT07.AT06', 'AT07.KQ', 'AT06.KQ'),
    le('AT09.AT08', 'AT09.KQ', 'AT08.KQ'),
    ...shareRules(rows),
  ],
});

/** BM06 — Nhân lực số và xã hội số, mostly filled by districts (seeds 000 §7, §11; 001 §8). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { BALANCE, FLOW, L, NOTE_COLUMN_DEF, RESULT_COLUMN, countRow, type RowInput } from './build';

const DISTRICT = { requiredFor: ['district' as const] };
// Classes and trainees happen during the period; teams, households, products and accounts are held at its end.
const TRAINED = { ...FLOW, ...DISTRICT };
const HELD_BY_DISTRICT = { ...BALANCE, ...DISTRICT };

const rows: RowInput[] = [
  countRow('NL01', L('Lớp tập huấn, bồi dưỡng kỹ năng số', 'Digital-skills training classes'), L('lớp', 'classes'), TRAINED),
  countRow('NL02', L('Lượt học viên tham gia', 'Trainee attendances'), L('lượt', 'attendances'), TRAINED),
  countRow('XH01', L('Tổ công nghệ số cộng đồng', 'Community digital-technology teams'), L('tổ', 'teams'), HELD_BY_DISTRICT),
  countRow('XH02', L('Thành viên tổ công nghệ số cộng đồng', 'Team members'), L('người', 'people'), HELD_BY_DISTRICT),
  countRow('XH03', L('Hộ gia đình có kết nối Internet cáp quang', 'Households with fibre Internet'), L('hộ', 'households'), BALANCE),
  countRow('XH04', L('Hộ gia đình có người có điện thoại thông minh', 'Households with a smartphone user'), L('hộ', 'households'), BALANCE),
  countRow('XH05', L('Sản phẩm trên sàn thương mại điện tử', 'Products on e-commerce platforms'), L('sản phẩm', 'products'), BALANCE),
  countRow('XH06', L('Tài khoản định danh điện tử mức 1', 'Electronic ID accounts, level 1'), L('tài khoản', 'accounts'), BALANCE),
  countRow('XH07', L('Tài khoản định danh điện tử mức 2', 'Electronic ID accounts, level 2'), L('tài khoản', 'accounts'), BALANCE),
];

export const BM06 = defineTemplate({
  id: 'BM06',
  version: '2024.1',
  kind: 'indicator',
  title: L('Nhân lực số và xã hội số', 'Digital skills and digital society'),
  source: 'Quyết định 3330/QĐ-UBND ngày 29/11/2021 của UBND tỉnh',
  periodKinds: ['Q', 'H', 'Y'],
  filedBy: filedBy(['district', 'commune']),
  columns: [RESULT_COLUMN, NOTE_COLUMN_DEF],
  rows,
  rules: [
    { id: 'NL02.NL01', kind: 'plausible_ge', larger: 'NL02.KQ', smaller: 'NL01.KQ' },
    { id: 'XH02.XH01', kind: 'plausible_ge', larger: 'XH02.KQ', smaller: 'XH01.KQ' },
  ],
});

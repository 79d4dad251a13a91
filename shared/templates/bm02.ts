/** BM02 — Kết quả thực hiện nhiệm vụ (seed 001 §II.2–4): one row per task of a plan. */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { L } from './build';

export const BM02 = defineTemplate({
  id: 'BM02',
  version: '2024.1',
  kind: 'list',
  title: L('Kết quả thực hiện nhiệm vụ', 'Task progress'),
  source: 'Kế hoạch 30/KH-BCĐCĐS ngày 06/02/2024 của Ban Chỉ đạo về chuyển đổi số tỉnh',
  periodKinds: ['Q', 'H', 'Y'],
  filedBy: filedBy(['department', 'district']),
  listColumns: [
    { key: 'MA', label: L('Mã nhiệm vụ', 'Task code'), measure: 'text', required: true, width: 14 },
    { key: 'ND', label: L('Nội dung nhiệm vụ', 'Task'), measure: 'text', required: true, width: 60 },
    { key: 'DV', label: L('Đơn vị chủ trì', 'Lead unit'), measure: 'text', required: false, width: 24 },
    { key: 'TH', label: L('Thời hạn', 'Deadline'), measure: 'date', required: false, width: 14 },
    { key: 'TT', label: L('Trạng thái', 'Status'), measure: 'status', required: true, width: 18 },
    { key: 'KQ', label: L('Kết quả', 'Result'), measure: 'text', required: false, width: 40 },
  ],
  statuses: [
    { code: 'HT', label: L('Hoàn thành', 'Completed'), done: true },
    { code: 'TX', label: L('Thường xuyên', 'Ongoing (recurring)'), done: false },
    { code: 'DTH', label: L('Đang thực hiện', 'In progress'), done: false },
    { code: 'CTH', label: L('Chưa thực hiện', 'Not started'), done: false },
  ],
  blankRows: 100,
});

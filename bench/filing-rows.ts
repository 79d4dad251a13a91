/** The rows of the filing table: latency beside the floor, and D1 rows per request against their goals. */
import type { Latencies, RowCosts } from './filing';

type Row = { name: string; value: string; goal?: string; ok?: boolean };

/** p99 of a filing at 20 clients, at most this many times the floor's. */
export const FLOOR_RATIO_GOAL = 1.3;

export function filingRows(costs: RowCosts, single: { filing: Latencies; floor: Latencies }, load: { filing: Latencies; floor: Latencies }): Row[] {
  const ratio = load.filing.p99 / load.floor.p99;
  const failed = single.filing.failed + load.filing.failed + load.floor.failed;
  const rows = (m: { read: number; written: number }) => `${m.read} / ${m.written}`;
  const pair = (l: Latencies) => `${l.p50.toFixed(1)} / ${l.p99.toFixed(1)} ms`;
  return [
    { name: 'Nộp báo cáo, 1 máy khách: p50 / p99', value: pair(single.filing) },
    { name: 'Đối chứng GET /health, 1 máy khách: p50 / p99', value: pair(single.floor) },
    { name: 'Nộp báo cáo, 20 máy khách: số lần/giây', value: `${load.filing.perSecond.toFixed(0)}/s` },
    { name: 'Nộp báo cáo, 20 máy khách: p50 / p99', value: pair(load.filing) },
    { name: 'Đối chứng GET /health (SELECT 1), 20 máy khách: p50 / p99', value: pair(load.floor) },
    // Latencies of requests that failed say nothing: any failure fails the goal.
    { name: 'Nộp báo cáo, 20 máy khách: p99 so với đối chứng', value: `${ratio.toFixed(2)}×`, goal: `≤ ${FLOOR_RATIO_GOAL}×`, ok: failed === 0 && ratio <= FLOOR_RATIO_GOAL },
    { name: 'Nộp báo cáo: lỗi', value: String(failed), goal: '0', ok: failed === 0 },
    { name: 'D1 mỗi lần nộp (loạt mới): dòng đọc / ghi', value: rows(costs.firstFiling) },
    { name: 'D1 mỗi lần nộp (bản sửa đổi): dòng đọc / ghi', value: rows(costs.revision) },
    { name: 'D1 mỗi lần tổng hợp BM03, 220 đơn vị: dòng đọc / ghi', value: rows(costs.consolidation) },
    { name: 'D1 mỗi bảng tính tổng hợp .xlsx: dòng đọc / ghi', value: rows(costs.workbook) },
    { name: 'D1 mỗi dự thảo báo cáo .docx: dòng đọc / ghi', value: rows(costs.report) },
  ];
}

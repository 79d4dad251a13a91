/** The rows of the filing table: latency beside the floor, and D1 rows per request against their goals. */
import type { AgainstFloors, Latencies, RowCosts } from './filing';

type Row = { name: string; value: string; goal?: string; ok?: boolean };

/** p99 of a filing at 20 clients, at most this many times the floor's. */
export const FLOOR_RATIO_GOAL = 1.3;

/**
 * Rows a filing may read and write, whatever the registry and the history hold: its unit's lineage,
 * its series and its period's lock; a new series, its revision, the audit entry and their indexes.
 */
export const FILING_ROWS = { read: 25, written: 15 };

/** D1 rows of one request against a goal; a read of the province's figures writes nothing. */
function rowsRow(name: string, m: { read: number; written: number }, goal: { read: number; written: number }): Row {
  return { name, value: `${m.read} / ${m.written}`, goal: `≤ ${goal.read} / ${goal.written}`, ok: m.read <= goal.read && m.written <= goal.written };
}

/**
 * Goals of a consolidation, a workbook and a report grow with the province's `units`: its registry
 * record, then per filing its series, latest and first revision and the token it was filed with (who
 * filed, on the filing-status sheet): 5 rows a unit for one template, plus the request's own sign-in and
 * close look-ups; 16 and 17 for the period's templates (the report reads the year before too).
 */
/** What any request reads before its own work: its bearer, and whether its period is closed. */
const REQUEST_ROWS = 10;

export function filingRows(units: number, costs: RowCosts, single: AgainstFloors, load: AgainstFloors): Row[] {
  const ratio = load.filing.p99 / load.floor.p99;
  const failed = single.filing.failed + load.filing.failed + load.floor.failed + (load.writeFloor?.failed ?? 0);
  const pair = (l: Latencies) => `${l.p50.toFixed(1)} / ${l.p99.toFixed(1)} ms`;
  const cpu = (l?: Latencies) => (l?.cpuMs === undefined ? '–' : l.cpuMs.toFixed(2));
  const write = load.writeFloor;
  return [
    { name: 'Nộp báo cáo, 1 máy khách: p50 / p99', value: pair(single.filing) },
    { name: 'Đối chứng GET /health, 1 máy khách: p50 / p99', value: pair(single.floor) },
    { name: 'Nộp báo cáo, 20 máy khách: số lần/giây', value: `${load.filing.perSecond.toFixed(0)}/s (đối chứng ${load.floor.perSecond.toFixed(0)}/s)` },
    { name: 'Nộp báo cáo, 20 máy khách: p50 / p99', value: pair(load.filing) },
    { name: 'Đối chứng GET /health (SELECT 1), 20 máy khách: p50 / p99', value: pair(load.floor) },
    // Latencies of requests that failed say nothing: any failure fails the goal.
    { name: 'Nộp báo cáo, 20 máy khách: p99 so với đối chứng', value: `${ratio.toFixed(2)}×`, goal: `≤ ${FLOOR_RATIO_GOAL}×`, ok: failed === 0 && ratio <= FLOOR_RATIO_GOAL },
    ...(write
      ? [
          { name: 'Sàn ghi (một INSERT trần, D1 cục bộ), 20 máy khách: p50 / p99', value: pair(write) },
          { name: 'Sàn ghi: p99 so với đối chứng', value: `${(write.p99 / load.floor.p99).toFixed(2)}×` },
          { name: 'Nộp báo cáo: p99 so với sàn ghi', value: `${(load.filing.p99 / write.p99).toFixed(2)}×` },
        ]
      : []),
    // CPU time is the process's own: other load on the machine does not change it, unlike latency.
    { name: 'CPU workerd mỗi yêu cầu: nộp / đối chứng / sàn ghi', value: `${cpu(load.filing)} / ${cpu(load.floor)} / ${cpu(write)} ms` },
    { name: 'Nộp báo cáo: lỗi', value: String(failed), goal: '0', ok: failed === 0 },
    rowsRow('D1 mỗi lần nộp (loạt mới): dòng đọc / ghi', costs.firstFiling, FILING_ROWS),
    rowsRow('D1 mỗi lần nộp (bản sửa đổi): dòng đọc / ghi', costs.revision, FILING_ROWS),
    rowsRow(`D1 mỗi lần tổng hợp BM03, ${units} đơn vị: dòng đọc / ghi`, costs.consolidation, { read: 5 * units + REQUEST_ROWS, written: 0 }),
    rowsRow('D1 mỗi bảng tính tổng hợp .xlsx: dòng đọc / ghi', costs.workbook, { read: 16 * units, written: 0 }),
    rowsRow('D1 mỗi dự thảo báo cáo .docx: dòng đọc / ghi', costs.report, { read: 17 * units, written: 0 }),
  ];
}

/** Tasks counted by status, and each status's share: "18/66 nhiệm vụ, đạt 27,27%". */
import { roundTo } from '../numbers/decimal';
import type { ListTemplate } from '../templates/schema';
import type { StatusCounts } from './schema';

/** Each status's share of the total, in percent points to two decimals. */
function withShares(counts: Record<string, number>, total: number): StatusCounts {
  const shares = Object.fromEntries(Object.entries(counts).map(([code, n]) => [code, total === 0 ? null : roundTo((n / total) * 100, 2)]));
  return { total, counts, shares };
}

/** Rows carry status codes (as the engine normalises them); unknown statuses count in the total only. */
export function countByStatus(template: ListTemplate, rows: readonly Record<string, string>[]): StatusCounts {
  const counts: Record<string, number> = Object.fromEntries(template.statuses.map((s) => [s.code, 0]));
  for (const row of rows) {
    const code = row.TT ?? '';
    if (code in counts) counts[code]! += 1;
  }
  return withShares(counts, rows.length);
}

/** Adds the status counts of several units. */
export function addStatusCounts(template: ListTemplate, parts: readonly StatusCounts[]): StatusCounts {
  const counts: Record<string, number> = Object.fromEntries(template.statuses.map((s) => [s.code, 0]));
  let total = 0;
  for (const part of parts) {
    total += part.total;
    for (const [code, n] of Object.entries(part.counts)) counts[code] = (counts[code] ?? 0) + n;
  }
  return withShares(counts, total);
}

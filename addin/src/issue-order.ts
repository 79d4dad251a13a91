/** Issues in the order a clerk reads the sheet: row by row, left to right; those without a cell last. */
import type { Issue } from '../../shared/validation';
import { parseSheetAddress } from '../../shared/workbook';

function sheetOrder(issue: Pick<Issue, 'addresses'>): [number, number] {
  const at = issue.addresses?.[0] ? parseSheetAddress(issue.addresses[0]) : undefined;
  return at ? [at.row, at.col] : [Number.MAX_SAFE_INTEGER, 0];
}

export function inSheetOrder<T extends Pick<Issue, 'addresses'>>(issues: readonly T[]): T[] {
  return issues
    .map((issue, i) => ({ issue, i, at: sheetOrder(issue) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i)
    .map((x) => x.issue);
}

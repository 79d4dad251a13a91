/** Checks of a list template (BM02): one row per task, each with a code, a status from its list and a deadline. */
import type { ListRow } from '../submission';
import type { Period } from '../periods';
import { parseDeadline } from '../dates';
import { listRowIds } from '../templates/cells';
import type { ListTemplate, Status } from '../templates/schema';
import type { DraftIssue } from './normalize';

export interface NormalizedList {
  rows: Record<string, string>[];
  issues: DraftIssue[];
  /** Row identity (`MA`, or `#n` for a row without a code of its own) by index in `rows`. */
  ids: string[];
  /** Row identity by place in the list as submitted (blank rows included). */
  idsByPlace: string[];
}

export function statusFor(template: ListTemplate, written: string): Status | undefined {
  const s = written.normalize('NFC').trim().toLowerCase();
  return template.statuses.find(
    (st) => st.code.toLowerCase() === s || st.label.vi.toLowerCase() === s || st.label.en.toLowerCase() === s,
  );
}

/** Text without diacritics, case or extra spaces: `Hoan  thanh` and `Hoàn thành` read alike. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The status a near miss (`Hoan thanh`, `hoàn  thành`) was meant to be, to suggest it. */
export function statusNearMiss(template: ListTemplate, written: string): Status | undefined {
  const s = folded(written);
  return template.statuses.find((st) => folded(st.label.vi) === s || folded(st.label.en) === s || st.code.toLowerCase() === s);
}

export function validateList(template: ListTemplate, rows: readonly ListRow[], period: Period | undefined): NormalizedList {
  const issues: DraftIssue[] = [];
  const out: Record<string, string>[] = [];
  const ids: string[] = [];
  const columns = new Map(template.listColumns.map((c) => [c.key, c]));
  const unknownReported = new Set<string>();
  const seen = new Map<string, number>();
  const textOf = (row: ListRow, key: string): string => {
    const v = row[key];
    return v === null || v === undefined ? '' : String(v).trim();
  };
  const rowIds = listRowIds(rows.map((row) => textOf(row, 'MA')));

  rows.forEach((row, index) => {
    const text = (key: string): string => textOf(row, key);
    const isBlank = template.listColumns.every((c) => text(c.key) === '');
    for (const key of Object.keys(row)) {
      if (!columns.has(key) && !unknownReported.has(key) && text(key) !== '') {
        unknownReported.add(key);
        issues.push({ code: 'unknown_column', severity: 'error', cells: [`#${index + 1}.${key}`], values: { [`#${index + 1}.${key}`]: row[key] ?? null } });
      }
    }
    if (isBlank) return;

    const code = text('MA');
    const id = rowIds[index]!;
    const ref = (key: string) => `${id}.${key}`;
    const normalized: Record<string, string> = {};

    for (const column of template.listColumns) {
      const value = text(column.key);
      if (value === '') {
        if (column.required) {
          issues.push({ code: 'list_missing_field', severity: 'error', cells: [ref(column.key)], values: { [ref(column.key)]: null }, params: { column: column.key, row: index + 1 } });
        }
        normalized[column.key] = '';
        continue;
      }
      if (column.measure === 'status') {
        const status = statusFor(template, value);
        if (!status) {
          const near = statusNearMiss(template, value);
          issues.push({ code: 'status_unknown', severity: 'error', cells: [ref(column.key)], values: { [ref(column.key)]: value }, params: { text: value, ...(near ? { suggestion: near.code } : {}) } });
          normalized[column.key] = value;
        } else {
          normalized[column.key] = status.code;
        }
        continue;
      }
      if (column.measure === 'date') {
        const raw = row[column.key];
        const parsed = parseDeadline(typeof raw === 'number' ? raw : value);
        if (!parsed.ok) {
          issues.push({ code: 'date_invalid', severity: 'error', cells: [ref(column.key)], values: { [ref(column.key)]: value }, params: { text: value } });
          normalized[column.key] = value;
        } else {
          normalized[column.key] = parsed.date ?? value;
        }
        continue;
      }
      normalized[column.key] = value;
    }

    if (code !== '') {
      const first = seen.get(code);
      if (first !== undefined) {
        issues.push({ code: 'duplicate_task', severity: 'error', cells: [ref('MA')], values: { [ref('MA')]: code }, params: { rows: [first + 1, index + 1] } });
      } else {
        seen.set(code, index);
      }
    }

    const status = template.statuses.find((s) => s.code === normalized.TT);
    const deadline = normalized.TH;
    if (period && status && !status.done && status.code !== 'TX' && deadline && /^\d{4}-\d{2}-\d{2}$/.test(deadline) && deadline <= period.end) {
      issues.push({
        code: 'task_overdue',
        severity: 'warning',
        cells: [ref('TT'), ref('TH')],
        values: { [ref('TT')]: status.code, [ref('TH')]: deadline },
        params: { status: status.code, deadline },
      });
    }
    out.push(normalized);
    ids.push(id);
  });

  return { rows: out, issues, ids, idsByPlace: rowIds };
}

/**
 * An issue of the list with its rows (`row`, `rows`: places in the list, from 1) numbered as the sheet the
 * list was read from numbers them, so that the row named is the one the clerk sees.
 */
export function inSheetRows(issue: DraftIssue, idsByPlace: readonly string[], locate: (ref: string) => string | undefined): DraftIssue {
  const sheetRow = (place: unknown): unknown => {
    const id = typeof place === 'number' ? idsByPlace[place - 1] : undefined;
    const address = id === undefined ? undefined : locate(`${id}.MA`);
    const row = address ? /(\d+)$/.exec(address)?.[1] : undefined;
    return row ? Number(row) : place;
  };
  const params = issue.params;
  if (!params || (params.row === undefined && params.rows === undefined)) return issue;
  return {
    ...issue,
    params: {
      ...params,
      ...(params.row !== undefined ? { row: sheetRow(params.row) } : {}),
      ...(Array.isArray(params.rows) ? { rows: params.rows.map(sheetRow) } : {}),
    } as DraftIssue['params'],
  };
}

/**
 * The unit registry as CSV, the way DIC keeps it in a spreadsheet:
 * `code,name,kind,parent,coordinator,valid_from,valid_to,successors,change,province,catalogue,contact`,
 * UTF-8, comma separated, quoted where needed; `successors` holds the codes that took over,
 * separated by spaces, and `change` how (merge, split, rename); `province` the other province a
 * unit belonged to during the record (empty for this one), `catalogue` marks the keeper of the
 * province's catalogue of procedures, `contact` whom to call. Every column after `valid_to` may be
 * left out of an older file.
 */
import { DEFAULT_LANG, type Lang } from '../i18n';
import { renderField, zodErrors, type FieldCode, type ProblemParams } from '../problems';
import { neutraliseFormula, restoreNeutralised } from '../text';
import { canonicalUnit, UnitSchema, type Unit } from './units';

export const UNIT_CSV_HEADER = ['code', 'name', 'kind', 'parent', 'coordinator', 'valid_from', 'valid_to', 'successors', 'change', 'province', 'catalogue', 'contact'] as const;

/** The file's column of a record field, where they are spelled differently. */
const COLUMN_OF: Record<string, string> = { validFrom: 'valid_from', validTo: 'valid_to' };

/** How a spreadsheet marks a yes. */
const YES = ['1', 'true', 'x', 'có'];

export type UnitCsvColumn = (typeof UNIT_CSV_HEADER)[number];

/** The record fields each optional column holds. */
const FIELDS_OF: Partial<Record<UnitCsvColumn, (keyof Unit)[]>> = {
  parent: ['parent'],
  coordinator: ['coordinator'],
  valid_to: ['validTo'],
  successors: ['successors'],
  change: ['change'],
  province: ['province'],
  catalogue: ['catalogue'],
  contact: ['contact'],
};

/**
 * Records read from a file without some optional columns (an older file) keep what the registry
 * holds for those columns: a column left out changes nothing, it is not read as blank.
 */
export function keepAbsentColumns(units: readonly Unit[], columns: readonly UnitCsvColumn[], existing: readonly Unit[]): Unit[] {
  const absent = (Object.keys(FIELDS_OF) as UnitCsvColumn[]).filter((c) => !columns.includes(c)).flatMap((c) => FIELDS_OF[c]!);
  if (absent.length === 0) return [...units];
  const current = new Map(existing.map((u) => [`${u.code}|${u.validFrom}`, u]));
  return units.map((u) => {
    const before = current.get(`${u.code}|${u.validFrom}`);
    if (!before) return u;
    const kept: Record<string, unknown> = { ...u };
    for (const f of absent) kept[f] = before[f];
    return canonicalUnit(kept as Unit);
  });
}

export interface CsvProblem {
  line: number;
  field?: string;
  message: string;
}

/** A field as written: a text a spreadsheet would take for a formula goes behind an apostrophe, then quoted where needed. */
function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function unitsToCsv(units: readonly Unit[]): string {
  const lines = [UNIT_CSV_HEADER.join(',')];
  for (const u of units) {
    lines.push([u.code, u.name, u.kind, u.parent ?? '', u.coordinator ? '1' : '0', u.validFrom, u.validTo ?? '', u.successors.join(' '), u.change ?? '', u.province ?? '', u.catalogue ? '1' : '0', u.contact ?? ''].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * RFC 4180 records: quoted fields may hold commas, quotes and line breaks; text after a closing
 * quote is kept as written. Blank records are left out. One pass: each character is looked at a
 * bounded number of times (no search runs past the end of its field) and nothing is kept for a
 * blank line, so a megabyte of quotes or line breaks costs what a megabyte of units does.
 */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let blank = true;
  /** Empty fields not yet stored: kept as a count, so a record of commas alone costs nothing. */
  let emptyRun = 0;
  const flushEmpty = () => {
    for (; emptyRun > 0; emptyRun--) fields.push('');
  };
  let line = 1;
  let recordLine = 1;
  let i = 0;
  for (;;) {
    // Fast paths, so a text of separators costs no more per character than a text of units: a
    // blank line at the start of a record, and an empty field.
    if (fields.length === 0 && emptyRun === 0) {
      for (let c = s.charCodeAt(i); c === 0x0a || c === 0x0d; c = s.charCodeAt(i)) {
        i += c === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        line++;
      }
      recordLine = line;
    }
    if (s.charCodeAt(i) === 0x2c) {
      emptyRun++;
      i++;
      continue;
    }
    let field = '';
    if (s.charCodeAt(i) === 0x22) {
      // The closing quote is the first one not doubled; the field is what lies between, undoubled in one pass.
      let close = s.indexOf('"', i + 1);
      while (close >= 0 && s.charCodeAt(close + 1) === 0x22) close = s.indexOf('"', close + 2);
      const end = close < 0 ? n : close;
      field = s.slice(i + 1, end);
      for (let nl = field.indexOf('\n'); nl >= 0; nl = field.indexOf('\n', nl + 1)) line++;
      if (field.includes('"')) field = field.replaceAll('""', '"');
      i = close < 0 ? n : close + 1;
    }
    let j = i;
    for (let c = s.charCodeAt(j); j < n && c !== 0x2c && c !== 0x0a && c !== 0x0d; c = s.charCodeAt(++j));
    field += s.slice(i, j);
    if (field === '') emptyRun++;
    else {
      flushEmpty();
      fields.push(field);
      if (blank && field.trim() !== '') blank = false;
    }
    if (j < n && s.charCodeAt(j) === 0x2c) {
      i = j + 1;
      continue;
    }
    if (!blank) {
      flushEmpty();
      records.push({ line: recordLine, fields });
    }
    if (j >= n) return records;
    fields = [];
    blank = true;
    emptyRun = 0;
    i = j + (s.charCodeAt(j) === 0x0d && s.charCodeAt(j + 1) === 0x0a ? 2 : 1);
    line++;
    recordLine = line;
  }
}

/**
 * Reads a registry CSV. Every problem is reported with its line, in the reader's language; the
 * caller imports nothing unless there are none. `known` are the units already in the registry (for
 * parent codes).
 */
export function parseUnitsCsv(text: string, lang: Lang = DEFAULT_LANG): { units: Unit[]; lines: number[]; columns: UnitCsvColumn[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const report = (line: number, field: string | undefined, code: FieldCode, params?: ProblemParams) =>
    problems.push({ line, ...(field ? { field } : {}), message: renderField({ code, ...(params ? { params } : {}) }, lang) });
  const records = parseCsvRecords(text);
  const [header, ...rows] = records;
  if (!header) {
    report(1, undefined, 'csv_empty');
    return { units: [], lines: [], columns: [], problems };
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map(names.map((n, i) => [n, i]));
  for (const required of ['code', 'name', 'kind', 'valid_from']) {
    if (!index.has(required)) report(header.line, required, 'csv_missing_column', { column: required, header: UNIT_CSV_HEADER.join(',') });
  }
  if (problems.length > 0) return { units: [], lines: [], columns: [], problems };

  const units: Unit[] = [];
  const unitLines: number[] = [];
  const seen = new Map<string, number>();
  const errors = zodErrors(lang);
  for (const record of rows) {
    const get = (name: string) => {
      const i = index.get(name);
      return i === undefined ? '' : restoreNeutralised((record.fields[i] ?? '').trim());
    };
    const coordinator = get('coordinator').toLowerCase();
    const catalogue = get('catalogue').toLowerCase();
    const candidate = {
      code: get('code').toUpperCase(),
      name: get('name'),
      kind: get('kind'),
      parent: get('parent') === '' ? null : get('parent').toUpperCase(),
      coordinator: YES.includes(coordinator),
      validFrom: get('valid_from'),
      validTo: get('valid_to') === '' ? null : get('valid_to'),
      successors: get('successors').toUpperCase().split(/[\s;]+/).filter(Boolean),
      change: get('change') === '' ? null : get('change').toLowerCase(),
      ...(get('province') === '' ? {} : { province: get('province') }),
      ...(YES.includes(catalogue) ? { catalogue: true } : {}),
      ...(get('contact') === '' ? {} : { contact: get('contact') }),
    };
    const parsed = UnitSchema.safeParse(candidate, { error: errors });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ line: record.line, field: COLUMN_OF[field] ?? field, message: issue.message });
      }
      continue;
    }
    const u = canonicalUnit(parsed.data);
    const key = `${u.code}|${u.validFrom}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) report(record.line, 'code', 'csv_duplicate', { code: u.code, from: u.validFrom, line: earlier });
    seen.set(key, record.line);
    if (u.validTo !== null && u.validTo < u.validFrom) report(record.line, 'valid_to', 'csv_valid_to_before');
    if (u.kind !== 'commune' && u.parent) report(record.line, 'parent', 'csv_only_commune_parent');
    if (u.coordinator && u.kind !== 'department') report(record.line, 'coordinator', 'csv_coordinator_department');
    if (u.catalogue && u.kind !== 'department') report(record.line, 'catalogue', 'csv_catalogue_department');
    units.push(u);
    unitLines.push(record.line);
  }
  problems.sort((a, b) => a.line - b.line);
  return { units, lines: unitLines, columns: UNIT_CSV_HEADER.filter((c) => index.has(c)), problems };
}

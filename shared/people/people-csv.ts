/**
 * DIC's people file: `login,name,role,unit,valid_from,valid_to`, one membership a line (a person with
 * two units has two lines), UTF-8, comma separated, quoted where needed, read like the registry's.
 */
import { DEFAULT_LANG, type Lang } from '../i18n';
import { renderField, zodErrors } from '../problems';
import { parseCsvRecords, type CsvProblem } from '../registry/units-csv';
import { neutraliseFormula, restoreNeutralised } from '../text';
import { PersonMembershipSchema, type Person, type PersonMembership } from './people';

export const PEOPLE_CSV_HEADER = ['login', 'name', 'role', 'unit', 'valid_from', 'valid_to'] as const;

function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function peopleToCsv(people: readonly Person[]): string {
  const lines = [PEOPLE_CSV_HEADER.join(',')];
  for (const p of people) {
    for (const m of p.memberships) {
      if (m.source !== 'registered') continue;
      lines.push([p.login, p.name, m.role, m.unit ?? '', m.validFrom, m.validTo ?? ''].map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** Reads a people file; every problem is reported with its line, in the reader's language. */
export function parsePeopleCsv(text: string, lang: Lang = DEFAULT_LANG): { rows: PersonMembership[]; lines: number[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const [header, ...records] = parseCsvRecords(text);
  if (!header) return { rows: [], lines: [], problems: [{ line: 1, message: renderField({ code: 'csv_empty' }, lang) }] };
  const index = new Map(header.fields.map((f, i) => [f.trim().toLowerCase(), i]));
  for (const required of ['login', 'name', 'role', 'valid_from']) {
    if (!index.has(required)) {
      problems.push({ line: header.line, field: required, message: renderField({ code: 'csv_missing_column', params: { column: required, header: PEOPLE_CSV_HEADER.join(',') } }, lang) });
    }
  }
  if (problems.length > 0) return { rows: [], lines: [], problems };
  const rows: PersonMembership[] = [];
  const lines: number[] = [];
  const errors = zodErrors(lang);
  for (const record of records) {
    const get = (name: string) => {
      const i = index.get(name);
      return i === undefined ? '' : restoreNeutralised((record.fields[i] ?? '').trim());
    };
    const parsed = PersonMembershipSchema.safeParse(
      {
        login: get('login'),
        name: get('name'),
        role: get('role').toLowerCase(),
        unit: get('unit') === '' ? null : get('unit').toUpperCase(),
        validFrom: get('valid_from'),
        validTo: get('valid_to') === '' ? null : get('valid_to'),
      },
      { error: errors },
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line: record.line, field: columnOf(String(issue.path[0] ?? '')), message: issue.message });
      continue;
    }
    rows.push(parsed.data);
    lines.push(record.line);
  }
  return { rows, lines, problems };
}

/** The file's column a field of the record comes from: a refusal names what the person sees in the file. */
function columnOf(field: string): string {
  return field === 'validFrom' ? 'valid_from' : field === 'validTo' ? 'valid_to' : field;
}

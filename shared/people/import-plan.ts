/**
 * What importing DIC's people file (or the JSON route's list) would change, decided without the
 * database: people created or renamed, memberships added or ended. A membership is identified by
 * person, role, unit and first day; its first day is never moved and it is never deleted — to change
 * it, end it (`valid_to`) and add another. Nothing is changed unless the whole list is sound.
 */
import type { FieldCode, ProblemParams } from '../problems';
import type { Membership, Person, PersonMembership } from './people';

export type PeopleChange =
  | { action: 'person_created'; login: string; name: string }
  | { action: 'person_renamed'; login: string; before: string; name: string }
  | { action: 'membership_created'; login: string; role: Membership['role']; unit: string | null; validFrom: string; validTo: string | null }
  | { action: 'membership_updated'; login: string; id: number; role: Membership['role']; unit: string | null; validFrom: string; before: string | null; validTo: string | null };

export interface PeopleProblem {
  index: number;
  field: string;
  code: FieldCode;
  params?: ProblemParams;
}

export interface PeoplePlan {
  changes: PeopleChange[];
  unchanged: number;
  problems: PeopleProblem[];
}

const key = (m: { role: string; unit: string | null; validFrom: string }) => `${m.role}|${m.unit ?? ''}|${m.validFrom}`;

/**
 * `unitKnown(code)` says whether the registry has the unit (a membership of a unit it does not have
 * is a typing slip); `lineOf` names a row where the list came from a file.
 */
export function planPeopleImport(
  existing: readonly Person[],
  rows: readonly PersonMembership[],
  unitKnown: (code: string) => boolean,
  lineOf: (index: number) => number = (index) => index + 1,
): PeoplePlan {
  const problems: PeopleProblem[] = [];
  const changes: PeopleChange[] = [];
  let unchanged = 0;
  const byLogin = new Map(existing.map((p) => [p.login, p]));
  const names = new Map<string, { name: string; index: number }>();
  const seen = new Map<string, number>();

  rows.forEach((row, index) => {
    if (row.unit !== null && !unitKnown(row.unit)) problems.push({ index, field: 'unit', code: 'people_unit_unknown', params: { unit: row.unit } });
    const named = names.get(row.login);
    if (named && named.name !== row.name) problems.push({ index, field: 'name', code: 'people_name_differs', params: { login: row.login, line: lineOf(named.index) } });
    if (!named) names.set(row.login, { name: row.name, index });
    const k = `${row.login}|${key(row)}`;
    const earlier = seen.get(k);
    if (earlier !== undefined) problems.push({ index, field: 'login', code: 'people_duplicate', params: { login: row.login, line: lineOf(earlier) } });
    seen.set(k, index);
  });
  if (problems.length > 0) return { changes: [], unchanged: 0, problems };

  for (const [login, { name }] of names) {
    const person = byLogin.get(login);
    if (!person) changes.push({ action: 'person_created', login, name });
    else if (person.name !== name) changes.push({ action: 'person_renamed', login, before: person.name, name });
  }
  for (const row of rows) {
    const current = byLogin.get(row.login)?.memberships.find((m) => key(m) === key(row));
    if (!current) {
      changes.push({ action: 'membership_created', login: row.login, role: row.role, unit: row.unit, validFrom: row.validFrom, validTo: row.validTo });
    } else if (current.validTo !== row.validTo) {
      changes.push({ action: 'membership_updated', login: row.login, id: current.id, role: row.role, unit: row.unit, validFrom: row.validFrom, before: current.validTo, validTo: row.validTo });
    } else unchanged++;
  }
  return { changes, unchanged, problems };
}

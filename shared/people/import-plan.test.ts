import { describe, expect, it } from 'vitest';
import { planPeopleImport } from './import-plan';
import type { Person, PersonMembership } from './people';

const hoa: Person = {
  id: 'per_1',
  login: 'hoa@krongpac.daklak.gov.vn',
  name: 'Nguyễn Thị Hoa',
  memberships: [{ id: 7, personId: 'per_1', role: 'unit', unit: 'KPA', validFrom: '2025-01-01', validTo: null, source: 'registered' }],
};
const row = (over: Partial<PersonMembership> = {}): PersonMembership => ({
  login: hoa.login, name: hoa.name, role: 'unit', unit: 'KPA', validFrom: '2025-01-01', validTo: null, ...over,
});
const known = (code: string) => ['KPA', 'EAKAR', 'STTTT'].includes(code);

describe('planning a people import', () => {
  it('adds people and memberships, ends a membership by its valid_to, and counts what is unchanged', () => {
    const plan = planPeopleImport([hoa], [
      row({ validTo: '2026-06-30' }),
      row({ unit: 'EAKAR', validFrom: '2026-07-01' }),
      { login: 'lan@stttt.gov.vn', name: 'Trần Lan', role: 'dic', unit: 'STTTT', validFrom: '2026-01-01', validTo: null },
    ], known);
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([
      { action: 'person_created', login: 'lan@stttt.gov.vn', name: 'Trần Lan' },
      { action: 'membership_updated', login: hoa.login, id: 7, role: 'unit', unit: 'KPA', validFrom: '2025-01-01', before: null, validTo: '2026-06-30' },
      { action: 'membership_created', login: hoa.login, role: 'unit', unit: 'EAKAR', validFrom: '2026-07-01', validTo: null },
      { action: 'membership_created', login: 'lan@stttt.gov.vn', role: 'dic', unit: 'STTTT', validFrom: '2026-01-01', validTo: null },
    ]);
    expect(planPeopleImport([hoa], [row()], known)).toEqual({ changes: [], unchanged: 1, problems: [] });
  });

  it('refuses the whole list for an unknown unit, two names of one person or a line given twice, naming the lines', () => {
    const plan = planPeopleImport([], [row(), row({ unit: 'NOPE' }), row({ name: 'Hoa khác', unit: 'EAKAR' }), row()], known, (i) => i + 2);
    expect(plan.changes).toEqual([]);
    expect(plan.problems).toEqual([
      { index: 1, field: 'unit', code: 'people_unit_unknown', params: { unit: 'NOPE' } },
      { index: 2, field: 'name', code: 'people_name_differs', params: { login: hoa.login, line: 2 } },
      { index: 3, field: 'login', code: 'people_duplicate', params: { login: hoa.login, line: 2 } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeopleCsv, peopleToCsv } from './people-csv';

describe('the people file', () => {
  it('reads one membership a line, in lower-case logins and upper-case units, and writes it back the same', () => {
    const text = 'login,name,role,unit,valid_from,valid_to\r\nHoa@KrongPac.gov.vn,"Nguyễn Thị Hoa",unit,kpa,2025-01-01,\r\nlan,=Trần Lan,dic,,2026-01-01,2026-12-31\r\n';
    const { rows, lines, problems } = parsePeopleCsv(text);
    expect(problems).toEqual([]);
    expect(lines).toEqual([2, 3]);
    expect(rows).toEqual([
      { login: 'hoa@krongpac.gov.vn', name: 'Nguyễn Thị Hoa', role: 'unit', unit: 'KPA', validFrom: '2025-01-01', validTo: null },
      { login: 'lan', name: '=Trần Lan', role: 'dic', unit: null, validFrom: '2026-01-01', validTo: '2026-12-31' },
    ]);
    const csv = peopleToCsv([{ id: 'p', login: 'lan', name: '=Trần Lan', memberships: [{ id: 1, personId: 'p', role: 'dic', unit: null, validFrom: '2026-01-01', validTo: '2026-12-31', source: 'registered' }] }]);
    expect(csv).toBe("login,name,role,unit,valid_from,valid_to\r\nlan,'=Trần Lan,dic,,2026-01-01,2026-12-31\r\n");
    expect(parsePeopleCsv(csv).rows[0]!.name).toBe('=Trần Lan');
  });

  it('names each bad line and field, in Vietnamese or English', () => {
    const text = 'login,name,role,unit,valid_from,valid_to\nhoa ở huyện,Hoa,unit,,2025-01-01,\nx,X,auditor,KPA,2025-01-01,2024-01-01\n';
    const vi = parsePeopleCsv(text).problems;
    expect(vi.map((p) => [p.line, p.field])).toEqual([[2, 'login'], [2, 'unit'], [3, 'unit'], [3, 'valid_to']]);
    expect(vi[0]!.message).toContain('tên đăng nhập');
    expect(parsePeopleCsv(text, 'en').problems[2]!.message).toBe('an auditor is not tied to a unit');
    expect(parsePeopleCsv('name,role\n').problems.map((p) => p.field)).toEqual(['login', 'valid_from']);
  });
});

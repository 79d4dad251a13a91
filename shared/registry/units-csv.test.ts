import { describe, expect, it } from 'vitest';
import { parseUnitsCsv, unitsToCsv } from './units-csv';
import type { Unit } from './units';

const unit = (code: string, name: string): Unit => ({ code, name, kind: 'department', parent: null, coordinator: false, validFrom: '2020-01-01', validTo: null });

describe('the registry as CSV', () => {
  it('writes a name a spreadsheet would take for a formula behind an apostrophe, and reads it back unchanged', () => {
    const hostile = [unit('A', '=HYPERLINK("http://x.example","Sở")'), unit('B', '+1'), unit('C', '-1+1'), unit('D', '@SUM(A1)'), unit('E', '\tSở "Tài chính", Đắk Lắk')];
    const csv = unitsToCsv(hostile);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.map((l) => l.split(',')[1]!.replace(/^"/, '')[0])).toEqual(["'", "'", "'", "'", "'"]);
    const { units, problems } = parseUnitsCsv(csv);
    expect(problems).toEqual([]);
    expect(units).toEqual(hostile);
  });

  it('leaves every other name as it is', () => {
    const plain = [unit('STTTT', "Sở Thông tin và Truyền thông"), unit('X', "Ban Quản lý 'dự án'")];
    expect(unitsToCsv(plain)).toContain(",Sở Thông tin và Truyền thông,");
    expect(parseUnitsCsv(unitsToCsv(plain)).units).toEqual(plain);
  });
});

import { describe, expect, it } from 'vitest';
import { parseUnitsCsv, unitsToCsv } from './units-csv';
import type { Unit } from './units';
import { DEMO_REGISTRY } from '../demo/registry';

const unit = (code: string, name: string): Unit => ({ code, name, kind: 'department', parent: null, coordinator: false, validFrom: '2020-01-01', validTo: null, successors: [], change: null });

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

  it('carries the province before and after the reform, with every successor link, and round-trips exactly', () => {
    const csv = unitsToCsv(DEMO_REGISTRY);
    expect(csv).toContain('KPA-EAKLY,UBND xã Ea Kly,commune,KPA,0,2020-01-01,2025-06-30,EAKLY,merge\r\n');
    expect(csv).toContain('EAKLY,UBND xã Ea Kly,commune,,0,2025-07-01,,,\r\n');
    const { units, problems } = parseUnitsCsv(csv);
    expect(problems).toEqual([]);
    expect(units).toEqual(DEMO_REGISTRY);
    expect(unitsToCsv(units)).toBe(csv);
  });

  it('reads an older file without the successors and change columns', () => {
    const { units, problems } = parseUnitsCsv('code,name,kind,parent,coordinator,valid_from,valid_to\nX1,UBND xã Một,commune,,0,2025-07-01,\n');
    expect(problems).toEqual([]);
    expect(units).toEqual([{ code: 'X1', name: 'UBND xã Một', kind: 'commune', parent: null, coordinator: false, validFrom: '2025-07-01', validTo: null, successors: [], change: null }]);
  });

  it('names the line and field of a link that is not one', () => {
    const { problems } = parseUnitsCsv('code,name,kind,parent,coordinator,valid_from,valid_to,successors,change\nX1,UBND xã Một,commune,,0,2020-01-01,2025-06-30,x y!,fold\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'successors'],
      [2, 'change'],
    ]);
  });
});

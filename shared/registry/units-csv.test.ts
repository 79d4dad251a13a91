import { describe, expect, it } from 'vitest';
import { keepAbsentColumns, parseUnitsCsv, unitsToCsv } from './units-csv';
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
    expect(csv).toContain('KPA-EAKLY,UBND xã Ea Kly,commune,KPA,0,2020-01-01,2025-06-30,EAKLY,merge,,0,');
    expect(csv).toContain('EAKLY,UBND xã Ea Kly,commune,,0,2025-07-01,,,,,0,');
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

  it('reads the province, catalogue and contact columns, and a file that has only some of them', () => {
    const csv = 'code,name,kind,parent,coordinator,valid_from,valid_to,successors,change,province,catalogue,contact\n' +
      'PY-STC,Sở Tài chính tỉnh Phú Yên,department,,0,2020-01-01,2025-06-30,STC,merge,Phú Yên,0,\n' +
      'VPUBND,Văn phòng UBND tỉnh,department,,0,2020-01-01,,,,,1,"Nguyễn Văn A, 0262 3852 000"\n';
    const { units, problems } = parseUnitsCsv(csv);
    expect(problems).toEqual([]);
    expect(units[0]).toMatchObject({ code: 'PY-STC', province: 'Phú Yên' });
    expect(units[0]).not.toHaveProperty('catalogue');
    expect(units[1]).toEqual({ ...unit('VPUBND', 'Văn phòng UBND tỉnh'), catalogue: true, contact: 'Nguyễn Văn A, 0262 3852 000' });
    expect(parseUnitsCsv(unitsToCsv(units)).units).toEqual(units);
    const partial = parseUnitsCsv('code,name,kind,valid_from,catalogue\nVP,Văn phòng,department,2020-01-01,x\nX1,Xã Một,commune,2020-01-01,1\n');
    expect(partial.units[0]).toMatchObject({ code: 'VP', catalogue: true });
    expect(partial.problems.map((p) => [p.line, p.field])).toEqual([[3, 'catalogue']]);
  });
  it.each(['2025-06-31', '2025-13-01', '0000-00-00', '2027-02-30'])('names the line and field of the impossible date %s', (day) => {
    const { units, problems } = parseUnitsCsv(`code,name,kind,parent,coordinator,valid_from,valid_to,successors,change\nS1,Sở Một,department,,0,2020-01-01,${day},S2,merge\nS2,Sở Hai,department,,0,${day},,,\n`);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'valid_to'],
      [3, 'valid_from'],
    ]);
    expect(problems[0]!.message).toContain('YYYY-MM-DD');
    expect(units).toEqual([]);
  });
  it('refuses a contact longer than 200 characters or one no file can hold', () => {
    const long = parseUnitsCsv(`code,name,kind,valid_from,contact\nS1,Sở Một,department,2020-01-01,${'a'.repeat(201)}\nS2,Sở Hai,department,2020-01-01,a\u0001b\n`);
    expect(long.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'contact'],
      [3, 'contact'],
    ]);
  });
  it('names the line and field of a link that is not one', () => {
    const { problems } = parseUnitsCsv('code,name,kind,parent,coordinator,valid_from,valid_to,successors,change\nX1,UBND xã Một,commune,,0,2020-01-01,2025-06-30,x y!,fold\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'successors'],
      [2, 'change'],
    ]);
  });
});

describe('an older file', () => {
  it('keeps what the registry holds for the columns it leaves out', () => {
    const stored = { ...unit('VP', 'Văn phòng'), catalogue: true as const, contact: 'Chị B, 0262 000' };
    const { units, columns } = parseUnitsCsv('code,name,kind,parent,coordinator,valid_from,valid_to\nVP,Văn phòng UBND tỉnh,department,,0,2020-01-01,\n');
    expect(keepAbsentColumns(units, columns, [stored])).toEqual([{ ...stored, name: 'Văn phòng UBND tỉnh' }]);
    const cleared = parseUnitsCsv('code,name,kind,parent,coordinator,valid_from,valid_to,successors,change,province,catalogue,contact\nVP,Văn phòng,department,,0,2020-01-01,,,,,0,\n');
    expect(keepAbsentColumns(cleared.units, cleared.columns, [stored])).toEqual([unit('VP', 'Văn phòng')]);
  });
});

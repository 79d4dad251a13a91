import { beforeAll, describe, expect, it } from 'vitest';
import { parseUnitsCsv } from '../../../shared/registry/units-csv';
import { z } from 'zod';
import { AuditEntrySchema, UnitSchema } from '../../../shared/api/schemas';
import { api, count, json, makeToken, read, seedUnits } from '../../test/helpers';

let dic: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
});

const put = (csv: string) => api('/units', { method: 'PUT', token: dic, body: csv, headers: { 'content-type': 'text/csv' } });

describe('the unit registry as CSV', () => {
  it('exports every record, and the export imports back unchanged', async () => {
    const r = await api('/units.csv', { token: dic });
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await r.text();
    expect(csv).toContain('"Sở Văn hóa, Thể thao và Du lịch"');
    const { units, problems } = parseUnitsCsv(csv);
    expect(problems).toEqual([]);
    expect(units.length).toBeGreaterThanOrEqual(43);
    expect(await json(await put(csv))).toEqual({ created: 0, updated: 0, unchanged: units.length });
  });

  it('adds new units and closes old ones: a commune merged on 1 July 2025', async () => {
    const csv = [
      'code,name,kind,parent,coordinator,valid_from,valid_to',
      'KPA-EAPHE,UBND xã Ea Phê,commune,KPA,0,2020-01-01,2025-06-30',
      'KPA-EAPHE2,"UBND xã Ea Phê (mới, sáp nhập)",commune,KPA,0,2025-07-01,',
    ].join('\n');
    expect(await json(await put(csv))).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const before = await read(await api('/units?period=2025-H1', { token: dic }), z.array(UnitSchema));
    const after = await read(await api('/units?period=2025-H2', { token: dic }), z.array(UnitSchema));
    expect(before.map((u) => u.code)).toContain('KPA-EAPHE');
    expect(before.map((u) => u.code)).not.toContain('KPA-EAPHE2');
    expect(after.map((u) => u.code)).toContain('KPA-EAPHE2');
  });

  it('refuses a file with any error, names each line, and changes nothing', async () => {
    const units = await count('units');
    const audit = await count('audit_log');
    const csv = [
      'code,name,kind,parent,coordinator,valid_from,valid_to',
      'NEW1,UBND xã Mới,commune,KPA,0,2024-01-01,',
      'NEW2,UBND xã Lạc,commune,XYZ,0,2024-01-01,',
      'NEW3,,district,,0,2024-01-01,',
      'NEW4,Sở Mới,department,,0,01/01/2024,',
    ].join('\n');
    const r = await put(csv);
    expect(r.status).toBe(422);
    const problem = await json(r);
    expect(problem.problems.map((p: { line: number; field: string }) => [p.line, p.field])).toEqual([
      [3, 'parent'],
      [4, 'name'],
      [5, 'validFrom'],
    ]);
    expect(problem.detail).toContain('chưa nhập đơn vị nào');
    expect(await count('units')).toBe(units);
    expect(await count('audit_log')).toBe(audit);
  });

  it('records the import in the audit log', async () => {
    await put('code,name,kind,parent,coordinator,valid_from,valid_to\nSNEW,Sở Mới,department,,0,2024-01-01,\n');
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    expect(log[0]).toMatchObject({ action: 'units.import', detail: { created: 1, updated: 0, unchanged: 0 } });
  });

  it('refuses a non-CSV body and a period that is not one', async () => {
    expect((await api('/units', { method: 'PUT', token: dic, json: [] })).status).toBe(415);
    expect((await api('/units?period=2024-13', { token: dic })).status).toBe(422);
  });
});

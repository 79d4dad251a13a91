/**
 * The unit registry as DIC keeps it: CSV in and out, a history that is never rewritten, previews,
 * retractions and an audit log with the before and after of every record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseUnitsCsv, unitsToCsv } from '../../../shared/registry/units-csv';
import { AuditEntrySchema, UnitImportResultSchema, UnitSchema } from '../../../shared/api/schemas';
import { TEMPLATES, filesTemplate, isFiledFor, versionOf } from '../../../shared/templates';
import { parsePeriod } from '../../../shared/periods';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { api, apiAt, count, makeToken, problem, read, seedUnits } from '../../test/helpers';

let dic: string;
/** The consolidated 2024-H1 as DIC pulled it before any change to the registry, at a fixed time. */
let published: { xlsx: Uint8Array; json: string };

const HEADER = 'code,name,kind,parent,coordinator,valid_from,valid_to,successors,change';
/** A record of the demo registry as seeded. */
const record = (code: string, validFrom?: string) => DEMO_REGISTRY.find((u) => u.code === code && (!validFrom || u.validFrom === validFrom))!;
/** A record as a file without the contact column creates it. */
const withoutContact = ({ contact: _, ...u }: (typeof DEMO_REGISTRY)[number]) => u;
const OK = { 'HS01.KQ': 1000, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 };

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
  // Krông Pắc filed BM03 for 2024-H1 and 2025-H1; Tân Lợi everything it was due for in 2024-H1.
  for (const period of ['2024-H1', '2025-H1']) {
    const r = await api('/submissions', { token: dic, json: { template: 'BM03', version: versionOf('BM03'), unit: 'KPA', period, values: OK } });
    expect(r.status).toBe(201);
  }
  const tanLoi = record('BMT-TANLOI');
  const h1 = parsePeriod('2024-H1')!;
  for (const template of TEMPLATES.filter((t) => isFiledFor(t, h1) && filesTemplate(t, tanLoi, h1.end))) {
    const r = await api('/submissions', { token: dic, json: demoSubmission(template.id, tanLoi, h1.code) });
    expect(r.status).toBe(201);
  }
  published = await consolidated2024H1();
});

const atFixedTime = (path: string) => apiAt('2026-11-29T03:00:00Z', path, { token: dic });

async function consolidated2024H1(): Promise<{ xlsx: Uint8Array; json: string }> {
  return {
    xlsx: new Uint8Array(await (await atFixedTime('/consolidations/2024-H1.xlsx')).arrayBuffer()),
    json: await (await atFixedTime('/consolidations/2024-H1')).text(),
  };
}

const put = (csv: string, query = '') => api(`/units${query}`, { method: 'PUT', token: dic, body: csv, headers: { 'content-type': 'text/csv' } });
const csvOf = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('the unit registry as CSV', () => {
  it('exports every record with its successors, and the export imports back unchanged', async () => {
    const r = await api('/units.csv', { token: dic });
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await r.text();
    expect(csv).toContain('"Sở Văn hóa, Thể thao và Du lịch"');
    expect(csv).toContain('STTTT,Sở Thông tin và Truyền thông,department,,1,2020-01-01,2025-02-28,SKHCN,merge');
    const { units, problems } = parseUnitsCsv(csv);
    expect(problems).toEqual([]);
    expect(units).toHaveLength(DEMO_REGISTRY.length);
    expect(await read(await put(csv), UnitImportResultSchema)).toEqual({ created: 0, updated: 0, unchanged: units.length, periodsChanged: [], dryRun: false, changes: [] });
    expect(await (await api('/units.csv', { token: dic })).text()).toBe(csv);
  });

  it('takes a commune straight under the province, with the communes it took over', async () => {
    const csv = csvOf(
      'KPA-EAPHE,UBND xã Ea Phê,commune,KPA,0,2020-01-01,2025-06-30,EAPHE,merge',
      'EAPHE,"UBND xã Ea Phê (mới, sáp nhập)",commune,,0,2025-07-01,,,',
    );
    const result = await read(await put(csv), UnitImportResultSchema);
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 0, dryRun: false });
    const before = await read(await api('/units?period=2025-H1', { token: dic }), z.array(UnitSchema));
    const after = await read(await api('/units?period=2025-H2', { token: dic }), z.array(UnitSchema));
    expect(before.find((u) => u.code === 'KPA-EAPHE')).toMatchObject({ successors: ['EAPHE'], change: 'merge' });
    expect(before.map((u) => u.code)).not.toContain('EAPHE');
    expect(after.find((u) => u.code === 'EAPHE')).toMatchObject({ parent: null, kind: 'commune' });
  });

  it('refuses a file with any error, names each line, and changes nothing', async () => {
    const units = await count('units');
    const audit = await count('audit_log');
    const csv = csvOf('NEW1,UBND xã Mới,commune,,0,2025-07-01,,,', 'NEW3,,district,,0,2024-01-01,,,', 'NEW4,Sở Mới,department,,0,01/01/2024,,,');
    const r = await put(csv);
    expect(r.status).toBe(422);
    const body = await problem(r);
    expect(body.problems!.map((p) => [p.line, p.field])).toEqual([
      [3, 'name'],
      [4, 'valid_from'],
    ]);
    expect(body.detail).toContain('chưa nhập đơn vị nào');
    expect(await count('units')).toBe(units);
    expect(await count('audit_log')).toBe(audit);
  });

  it.each([
    ['a commune under a unit that is no district', 'NEW2,UBND xã Lạc,commune,SYT,0,2024-01-01,2025-06-30,,', 'parent', 'không có đơn vị cấp huyện mã SYT'],
    ['a commune that outlives its district', 'NEW2,UBND xã Lạc,commune,KPA,0,2024-01-01,,,', 'parent', 'không có hiệu lực suốt thời gian'],
    ['a second record of one code at the same time', 'SYT,Sở Y tế (mới),department,,0,2024-01-01,,,', 'valid_from', 'trùng thời gian hiệu lực'],
    ['a second coordinator at once', 'SNEW2,Sở Mới,department,,1,2026-01-01,,,', 'coordinator', 'cơ quan thường trực SKHCN'],
    ['a successor that does not take over the next day', 'SNEW,Sở Mới,department,,0,2024-01-01,2024-12-31,NOPE,merge', 'successors', 'NOPE không có hiệu lực từ ngày 01/01/2025'],
    ['a day without a coordinator', 'SKHCN,Sở Khoa học và Công nghệ,department,,1,2025-03-01,2026-06-30,,', 'valid_to', 'từ ngày 01/07/2026 không có cơ quan thường trực'],
  ])('refuses %s, naming the line and field', async (_, line, field, message) => {
    const units = await count('units');
    const r = await put(csvOf(line));
    expect(r.status).toBe(422);
    const body = await problem(r);
    expect(body.code).toBe('registry_invalid');
    expect(body.problems).toMatchObject([{ line: 2, field }]);
    expect(body.problems![0]!.message).toContain(message);
    expect(await count('units')).toBe(units);
  });
});

describe('history is never rewritten', () => {
  it('refuses to edit in place a record with filings, naming the periods, and stores nothing', async () => {
    const csv = await (await api('/units.csv', { token: dic })).text();
    // The complaint of the field: a district turned into a commune in its 2020 record.
    const r = await put(csvOf('KPA,UBND huyện Krông Pắc,commune,,0,2020-01-01,2025-06-30,,'));
    expect(r.status).toBe(409);
    const body = await problem(r);
    expect(body).toMatchObject({ code: 'registry_history_conflict', conflicts: [{ code: 'KPA', validFrom: '2020-01-01', periods: ['2024-H1', '2025-H1'] }] });
    expect(body.detail).toContain('2024-H1, 2025-H1');
    expect(await (await api('/units.csv', { token: dic })).text()).toBe(csv);
  });

  it('refuses to end a record before a period it filed for', async () => {
    const r = await put(csvOf('KPA,UBND huyện Krông Pắc,district,,0,2020-01-01,2024-12-31,,'));
    expect(r.status).toBe(409);
    expect((await problem(r)).conflicts).toEqual([{ code: 'KPA', validFrom: '2020-01-01', periods: ['2025-H1'] }]);
  });

  it('previews an import as a diff with ?dryRun=true, storing and logging nothing', async () => {
    const units = await count('units');
    const audit = await count('audit_log');
    const r = await put(csvOf('SYT,Sở Y tế,department,,0,2020-01-01,2026-12-31,SYTM,rename', 'SYTM,Sở Y tế tỉnh Đắk Lắk,department,,0,2027-01-01,,,'), '?dryRun=true');
    const result = await read(r, UnitImportResultSchema);
    expect(result).toMatchObject({ created: 1, updated: 1, dryRun: true });
    expect(result.changes).toEqual([
      { action: 'updated', before: record('SYT'), after: { ...record('SYT'), validTo: '2026-12-31', successors: ['SYTM'], change: 'rename' } },
      { action: 'created', before: null, after: { ...withoutContact(record('SYT')), code: 'SYTM', name: 'Sở Y tế tỉnh Đắk Lắk', validFrom: '2027-01-01' } },
    ]);
    expect(await count('units')).toBe(units);
    expect(await count('audit_log')).toBe(audit);
  });

  it('keeps the before and after of every changed record in the audit log', async () => {
    await put(csvOf('SNEW,Sở Mới,department,,0,2026-01-01,,,'));
    await put(csvOf('SNEW,Sở Mới thành lập,department,,0,2026-01-01,,,'));
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    expect(log.slice(0, 2)).toMatchObject([
      { action: 'units.update', target: 'SNEW@2026-01-01', detail: { before: { name: 'Sở Mới' }, after: { name: 'Sở Mới thành lập' } } },
      { action: 'units.create', target: 'SNEW@2026-01-01', detail: { before: null, after: { name: 'Sở Mới' } } },
    ]);
  });

  it('retracts a record made by mistake, and refuses one that reports were filed under', async () => {
    const retracted = await api('/units/SNEW/2026-01-01', { method: 'DELETE', token: dic });
    expect(retracted.status).toBe(204);
    expect((await read(await api('/units', { token: dic }), z.array(UnitSchema))).map((u) => u.code)).not.toContain('SNEW');
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    expect(log[0]).toMatchObject({ action: 'units.retract', target: 'SNEW@2026-01-01', detail: { before: { name: 'Sở Mới thành lập' }, after: null } });

    const inUse = await api('/units/KPA/2020-01-01', { method: 'DELETE', token: dic });
    expect(inUse.status).toBe(409);
    expect((await problem(inUse)).detail).toContain('2024-H1, 2025-H1');
    expect((await api('/units/NOPE/2020-01-01', { method: 'DELETE', token: dic })).status).toBe(404);
    // A district its communes hang under cannot go while they stay.
    const parent = await api('/units/BMT/2020-01-01', { method: 'DELETE', token: dic });
    expect(parent.status).toBe(422);
  });

  it('leaves a past consolidation identical, byte for byte, after every change above and a rename', async () => {
    expect(published.json).toContain('UBND huyện Krông Pắc');
    // The coordinator renamed from 1 December 2026: its record ends and a new one of the same code follows.
    // (After the drafting day of the workbook compared: its annex line names the issuer of that day.)
    const renamed = await put(
      csvOf('SKHCN,Sở Khoa học và Công nghệ,department,,1,2025-03-01,2026-11-30,,rename', 'SKHCN,Sở Khoa học và Công nghệ tỉnh Đắk Lắk,department,,1,2026-12-01,,,'),
    );
    expect(renamed.status).toBe(200);
    // Tân Lợi, which filed everything it was due for in 2024-H1, renamed on 1 April 2024: the period's
    // end now sees the new name, the consolidation keeps the name it filed under.
    const midPeriod = await put(
      csvOf(
        'BMT-TANLOI,UBND phường Tân Lợi,commune,BMT,0,2020-01-01,2024-03-31,,rename',
        'BMT-TANLOI,UBND phường Tân Lợi (tên mới),commune,BMT,0,2024-04-01,2025-06-30,BUONMATHUOT,merge',
      ),
    );
    expect(midPeriod.status).toBe(200);
    expect((await read(await api('/units?period=2024-H1', { token: dic }), z.array(UnitSchema))).filter((u) => u.code === 'BMT-TANLOI')).toHaveLength(2);
    const now = await consolidated2024H1();
    expect(now.json).toBe(published.json);
    expect(now.xlsx.length).toBe(published.xlsx.length);
    expect(now.xlsx.every((byte, i) => byte === published.xlsx[i])).toBe(true);
  });
});

describe('the registry API', () => {
  it('refuses a non-CSV body and a period that is not one', async () => {
    expect((await api('/units', { method: 'PUT', token: dic, json: [] })).status).toBe(415);
    expect((await api('/units?period=2024-13', { token: dic })).status).toBe(422);
  });
});

describe('edits that can be undone, and history that cannot be rewritten', () => {
  it('refuses clearing the end of a district that has filed, or changing its successors, and changes nothing', async () => {
    const csv = await (await api('/units.csv', { token: dic })).text();
    for (const line of ['KPA,UBND huyện Krông Pắc,district,,0,2020-01-01,,,', 'KPA,UBND huyện Krông Pắc,district,,0,2020-01-01,2025-09-30,,', 'KPA,UBND huyện Krông Pắc,district,,0,2020-01-01,2025-06-30,KRONGPAC,merge']) {
      const r = await put(csvOf(line), '?dryRun=true');
      expect(r.status).toBe(409);
      expect(await problem(r)).toMatchObject({ code: 'registry_history_conflict', conflicts: [{ code: 'KPA', validFrom: '2020-01-01', periods: ['2024-H1', '2025-H1'] }] });
    }
    expect(await (await api('/units.csv', { token: dic })).text()).toBe(csv);
  });

  it('undoes every accepted edit by its inverse, back to the same registry', async () => {
    expect((await put(csvOf('SFILED,Sở Thử nghiệm,department,,0,2026-07-01,,,'))).status).toBe(200);
    const filed = await api('/submissions', { token: dic, json: { template: 'BM03', version: versionOf('BM03'), unit: 'SFILED', period: '2026-Q3', values: OK } });
    expect(filed.status).toBe(201);
    const start = await (await api('/units.csv', { token: dic })).text();
    // Ended and succeeded after it filed, a new department, and a rename of a unit that never filed.
    const edit = await read(
      await put(csvOf('SFILED,Sở Thử nghiệm,department,,0,2026-07-01,2026-09-30,SYT,merge', 'SNEXT,Sở Kế tiếp,department,,0,2027-01-01,,,', 'CTK,Cục Thống kê tỉnh Đắk Lắk,department,,0,2020-01-01,,,')),
      UnitImportResultSchema,
    );
    expect(edit).toMatchObject({ created: 1, updated: 2 });
    const restore = edit.changes.flatMap((c) => (c.before ? [c.before] : []));
    const undo = await put(unitsToCsv(restore));
    expect(undo.status).toBe(200);
    for (const c of edit.changes.filter((c) => c.before === null)) expect((await api(`/units/${c.after.code}/${c.after.validFrom}`, { method: 'DELETE', token: dic })).status).toBe(204);
    expect(await (await api('/units.csv', { token: dic })).text()).toBe(start);
  });

  it.each(['2025-06-31', '2025-13-01', '0000-00-00', '2027-02-30'])('answers the impossible date %s with a 422 naming the line and field, even on a dry run', async (day) => {
    const units = await count('units');
    for (const query of ['?dryRun=true', '']) {
      const r = await put(csvOf(`SYT,Sở Y tế,department,,0,2020-01-01,${day},SNEXT2,merge`, `SNEXT2,Sở Kế tiếp,department,,0,${day},,,`), query);
      expect(r.status).toBe(422);
      expect((await problem(r)).problems!.map((p) => [p.line, p.field])).toEqual([
        [2, 'valid_to'],
        [3, 'valid_from'],
      ]);
    }
    expect(await count('units')).toBe(units);
    const retract = await api(`/units/SYT/${day}`, { method: 'DELETE', token: dic });
    expect(retract.status).toBe(422);
    const token = await api('/tokens', { token: dic, json: { role: 'auditor', expiresAt: day } });
    expect(token.status).toBe(422);
    expect((await problem(token)).detail).toContain(day);
    expect((await api(`/audit?since=${day}T00:00:00Z`, { token: dic })).status).toBe(422);
  });
});

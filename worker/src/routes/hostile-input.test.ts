/**
 * What an attacker or a slip of the keyboard sends through JSON: implausible numbers, characters
 * no file can hold, periods that have not begun, formulas in names. Each gets a 422 naming the
 * place, and nothing stored changes.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiAt, count, json, makeToken, seedUnits } from '../../test/helpers';
import { versionOf } from '../../../shared/templates';

let dic: string;
let clerk: string;
beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  clerk = await makeToken('unit', 'PHUOCAN');
});

const OK = { 'HS01.KQ': 1000, 'HS02.KQ': 300, 'HS03.KQ': 900, 'HS04.KQ': 890 };
const bm03 = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period: '2026-Q3', values, ...extra });

describe('hostile JSON', () => {
  it('refuses a figure no report holds, naming the cell, and stores nothing', async () => {
    const before = await count('revisions');
    const r = await api('/submissions', { token: clerk, json: bm03({ 'HS01.KQ': 1e300, 'HS02.KQ': 10 }) });
    expect(r.status).toBe(422);
    const problem = await json(r);
    expect(problem.issues.map((i: { code: string; cells: string[] }) => [i.code, i.cells[0]])).toContainEqual(['implausibly_large', 'HS01.KQ']);
    expect(await count('revisions')).toBe(before);
  });

  it('refuses characters no Excel file can hold, naming the field', async () => {
    for (const [body, field] of [
      [bm03({ 'HS01.KQ': 10 }, { notes: { HS01: 'iGate\uFFFF' } }), 'notes.HS01'],
      [bm03({ 'HS01.KQ': 'hơn 5.092\u0007' }), 'values.HS01.KQ'],
      [bm03({ 'HS01.KQ': 10 }, { notes: { HS01: 'a\uD800b' } }), 'notes.HS01'],
    ] as const) {
      const r = await api('/submissions', { token: clerk, json: body });
      expect(r.status, field).toBe(422);
      const problem = await json(r);
      expect(problem.problems.map((p: { field: string }) => p.field)).toContain(field);
      expect(problem.detail).toMatch(/U\+(FFFF|0007|D800)/);
    }
  });

  it('refuses a period that has not begun, and takes the current one', async () => {
    const r = await api('/submissions', { token: clerk, json: bm03(OK, { period: '2030-H1' }) });
    expect(r.status).toBe(422);
    expect((await json(r)).issues.map((i: { code: string }) => i.code)).toEqual(['period_not_begun']);
    expect((await api('/submissions', { token: clerk, json: bm03(OK, { period: '2026-Q4' }) })).status).toBe(201);
  });

  it('takes the clock from FIXED_NOW, so a test or a demo can stand on any day', async () => {
    const file = (now: string) => apiAt(now, '/submissions', { token: clerk, json: bm03(OK, { period: '2026-Q3' }) });
    const early = await file('2026-06-30T16:59:00Z');
    expect(early.status).toBe(422);
    const onTime = await file('2026-06-30T17:00:00Z');
    expect(onTime.status).toBe(201);
    expect(await onTime.json()).toMatchObject({ receivedAt: '2026-06-30T17:00:00.000Z', late: false });
  });

  it('exports a unit name that starts like a formula behind an apostrophe', async () => {
    const csv = 'code,name,kind,parent,coordinator,valid_from,valid_to\nEVIL,"=HYPERLINK(""http://x.example"",""Sở"")",department,,0,2024-01-01,\n';
    expect((await api('/units', { method: 'PUT', token: dic, body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    const exported = await (await api('/units.csv', { token: dic })).text();
    expect(exported).toContain(`EVIL,"'=HYPERLINK(""http://x.example"",""Sở"")",department`);
  });
});

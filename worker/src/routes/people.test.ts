import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntrySchema } from '../../../shared/api/schemas';
import { PersonSchema } from '../../../shared/people';
import { vietnamDay } from '../../../shared/periods';
import { versionOf } from '../../../shared/templates';
import { api, count, json, makeToken, problem, read, seedUnits, signInAs as signIn } from '../../test/helpers';
import { sha256Hex } from '../lib/crypto';

let dic: string;
const today = vietnamDay(new Date());
const CSV = [
  'login,name,role,unit,valid_from,valid_to',
  'hoa@phuocan.daklak.gov.vn,Nguyễn Thị Hoa,unit,PHUOCAN,2025-07-01,',
  'lan@skhcn.daklak.gov.vn,Trần Thị Lan,dic,SKHCN,2025-03-01,',
  'minh@ttra.daklak.gov.vn,Lê Văn Minh,auditor,,2025-01-01,',
].join('\r\n');

const putPeople = (body: string, query = '') => api(`/people${query}`, { method: 'PUT', token: dic, body, headers: { 'content-type': 'text/csv' } });

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
});

describe('DIC registers people', () => {
  it('previews a CSV import without storing anything, then imports it all, audited', async () => {
    const preview = await json(await putPeople(CSV, '?dryRun=true'));
    expect(preview).toMatchObject({ dryRun: true, created: 6, updated: 0 });
    expect(await count('people')).toBe(0);
    const done = await json(await putPeople(CSV));
    expect(done).toMatchObject({ dryRun: false, created: 6 });
    const people = await read(await api('/people', { token: dic }), z.array(PersonSchema));
    expect(people.map((p) => [p.login, p.memberships.map((m) => `${m.role}:${m.unit}`)])).toEqual([
      ['hoa@phuocan.daklak.gov.vn', ['unit:PHUOCAN']],
      ['lan@skhcn.daklak.gov.vn', ['dic:SKHCN']],
      ['minh@ttra.daklak.gov.vn', ['auditor:null']],
    ]);
    expect(await json(await putPeople(CSV))).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    expect(log.filter((e) => e.action === 'memberships.create')).toHaveLength(3);
    const csv = await (await api('/people.csv', { token: dic })).text();
    expect(csv).toContain('hoa@phuocan.daklak.gov.vn,Nguyễn Thị Hoa,unit,PHUOCAN,2025-07-01,');
  });

  it('takes the same lines as JSON', async () => {
    const r = await api('/people', { method: 'PUT', token: dic, json: { people: [{ login: 'tuan@krongpac.gov.vn', name: 'Phạm Tuấn', role: 'unit', unit: 'KPA', validFrom: '2024-01-01', validTo: '2025-06-30' }] } });
    expect(await json(r)).toMatchObject({ created: 2 });
  });

  it('refuses a file with a bad line as a whole, naming the line, and stores nothing', async () => {
    const before = await count('memberships');
    const bad = 'login,name,role,unit,valid_from,valid_to\nan@x.vn,An,unit,NOPE,2026-01-01,\nbinh,Bình,unit,,2026-01-01,\n';
    const p = await problem(await putPeople(bad));
    expect(p.status).toBe(422);
    expect(p.problems!.map((x) => [x.line, x.field])).toEqual([[3, 'unit']]);
    const second = await problem(await putPeople('login,name,role,unit,valid_from,valid_to\nan@x.vn,An,unit,NOPE,2026-01-01,\n'));
    expect(second.detail).toContain('dòng 2 (unit): danh mục không có đơn vị NOPE');
    expect(await count('memberships')).toBe(before);
    expect((await putPeople('')).status).toBe(422);
    expect((await api('/people', { method: 'PUT', token: dic, body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('never deletes a membership, even by a statement written around the API', async () => {
    await expect(env.DB.prepare('DELETE FROM memberships').run()).rejects.toThrow(/not deleted/);
  });
});

describe('sessions', () => {
  it('a person signs in, files a report, and the audit and Lịch sử name them; DIC ends the session and the next request is refused', async () => {
    const { token, personId } = await signIn('hoa@phuocan.daklak.gov.vn');
    expect(token).toMatch(/^cts_/);
    expect(await json(await api('/me', { token }))).toMatchObject({ role: 'unit', unit: { code: 'PHUOCAN' } });
    const filed = await api('/submissions', { token, json: { template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period: '2026-Q4', values: { 'HS01.KQ': 10, 'HS02.KQ': 3, 'HS03.KQ': 9, 'HS04.KQ': 8 } } });
    expect(filed.status).toBe(201);
    const receipt = await json(filed);
    expect(receipt.filedBy).toEqual({ id: personId, name: 'Nguyễn Thị Hoa' });
    const detail = await json(await api(`/submissions/${receipt.id}`, { token: dic }));
    expect(detail.revisions[0].submitterName).toBe('Nguyễn Thị Hoa');
    const log = await read(await api('/audit', { token: dic }), z.array(AuditEntrySchema));
    const filing = log.find((e) => e.action === 'submissions.create')!;
    expect(filing.person).toEqual({ id: personId, name: 'Nguyễn Thị Hoa' });
    expect(filing.membershipId).toEqual(expect.any(Number));

    const open = await json(await api('/sessions', { token: dic }));
    const mine = open.find((s: { person: { id: string } }) => s.person.id === personId);
    expect(mine).toMatchObject({ role: 'unit', unit: 'PHUOCAN', person: { name: 'Nguyễn Thị Hoa' } });
    expect(JSON.stringify(open)).not.toContain(token);
    expect((await api(`/sessions/${mine.id}`, { method: 'DELETE', token: dic })).status).toBe(204);
    const refused = await problem(await api('/me', { token }));
    expect(refused.status).toBe(401);
    expect(refused.detail).toContain('Phiên đăng nhập đã kết thúc');
    expect((await api(`/sessions/${mine.id}`, { method: 'DELETE', token: dic })).status).toBe(404);
  });

  it('stores sessions and hand-back codes as hashes only, and a code is traded once', async () => {
    const person = await env.DB.prepare("SELECT p.id, m.id AS membership FROM people p JOIN memberships m ON m.person_id = p.id WHERE p.login = 'minh@ttra.daklak.gov.vn'").first<{ id: string; membership: number }>();
    const code = 'cth_once';
    await env.DB.prepare('INSERT INTO hand_backs (code_hash, person_id, membership_id, expires_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(await sha256Hex(code), person!.id, person!.membership, new Date(Date.now() + 60_000).toISOString()).run();
    const [first, second] = await Promise.all([api('/auth/exchange', { json: { code } }), api('/auth/exchange', { json: { code } })]);
    expect([first.status, second.status].sort()).toEqual([200, 401]);
    const token = (await json(first.status === 200 ? first : second)).token;
    const rows = await env.DB.prepare('SELECT hash FROM sessions').all<{ hash: string }>();
    expect(rows.results.map((r) => r.hash)).toContain(await sha256Hex(token));
    expect(JSON.stringify(rows.results)).not.toContain(token);
    const late = 'cth_late';
    await env.DB.prepare('INSERT INTO hand_backs (code_hash, person_id, membership_id, expires_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(await sha256Hex(late), person!.id, person!.membership, new Date(Date.now() - 1000).toISOString()).run();
    const expired = await problem(await api('/auth/exchange', { json: { code: late }, headers: { 'accept-language': 'en' } }));
    expect(expired).toMatchObject({ status: 401, detail: 'The sign-in hand-back code is wrong, used or expired; sign in again.' });
  });

  it('signing out ends the session; DIC ends every session of a person', async () => {
    const a = await signIn('lan@skhcn.daklak.gov.vn');
    expect((await api('/auth/logout', { method: 'POST', token: a.token })).status).toBe(204);
    expect((await api('/me', { token: a.token })).status).toBe(401);
    const b = await signIn('lan@skhcn.daklak.gov.vn');
    const c = await signIn('lan@skhcn.daklak.gov.vn');
    expect(await json(await api(`/people/${b.personId}/sessions`, { method: 'DELETE', token: dic }))).toEqual({ ended: 2 });
    expect((await api('/me', { token: b.token })).status).toBe(401);
    expect((await api('/me', { token: c.token })).status).toBe(401);
    expect((await api('/people/per_nobody/sessions', { method: 'DELETE', token: dic })).status).toBe(404);
  });

  it('a person whose membership ended is refused at the next request, in Vietnamese and English', async () => {
    const { token } = await signIn('minh@ttra.daklak.gov.vn');
    expect((await api('/me', { token })).status).toBe(200);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await putPeople(`login,name,role,unit,valid_from,valid_to\nminh@ttra.daklak.gov.vn,Lê Văn Minh,auditor,,2025-01-01,${yesterday}\n`)).status).toBe(200);
    const vi = await problem(await api('/me', { token }));
    expect(vi).toMatchObject({ status: 403 });
    expect(vi.detail).toContain('Lê Văn Minh không còn được giao vai trò kiểm tra');
    expect((await problem(await api('/me', { token, headers: { 'accept-language': 'en' } }))).detail).toContain('no longer holds the auditor role');
  });
});

describe('a person with several memberships', () => {
  it('lists those in force and switches the session to another; the old session ends, a token cannot switch', async () => {
    await putPeople('login,name,role,unit,valid_from,valid_to\nthu@ea.gov.vn,Đỗ Thu,unit,PHUOCAN,2025-07-01,\nthu@ea.gov.vn,Đỗ Thu,unit,BUONMATHUOT,2025-07-01,\nthu@ea.gov.vn,Đỗ Thu,unit,KPA,2024-01-01,2025-06-30\n');
    const { token } = await signIn('thu@ea.gov.vn');
    expect(await json(await api('/me', { token }))).toMatchObject({ unit: { code: 'PHUOCAN' } });
    const mine = await json(await api('/me/memberships', { token }));
    expect(mine.map((m: { unit: string }) => m.unit)).toEqual(['BUONMATHUOT', 'PHUOCAN']);
    const switched = await api('/auth/switch', { token, json: { membershipId: mine[0].id } });
    expect(switched.status).toBe(200);
    const next = await json(switched);
    expect(next).toMatchObject({ role: 'unit', unit: 'BUONMATHUOT', person: { name: 'Đỗ Thu' } });
    expect((await api('/me', { token })).status).toBe(401);
    expect(await json(await api('/me', { token: next.token }))).toMatchObject({ unit: { code: 'BUONMATHUOT' } });
    const ended = (await json(await api('/people', { token: dic }))).find((p: { login: string }) => p.login === 'thu@ea.gov.vn').memberships.find((m: { unit: string }) => m.unit === 'KPA');
    expect((await api('/auth/switch', { token: next.token, json: { membershipId: ended.id } })).status).toBe(404);
    expect((await api('/auth/switch', { token: dic, json: { membershipId: ended.id } })).status).toBe(409);
  });
});

describe('tokens for scripts belong to a person', () => {
  it('names the person, who must hold the role; the token stops when the membership ends', async () => {
    const created = await json(await api('/tokens', { token: dic, json: { role: 'unit', unit: 'PHUOCAN', person: 'hoa@phuocan.daklak.gov.vn', label: 'tải tự động' } }));
    expect(created.personId).toMatch(/^per_/);
    expect((await api('/me', { token: created.token })).status).toBe(200);
    const wrongUnit = await problem(await api('/tokens', { token: dic, json: { role: 'unit', unit: 'KPA', person: 'hoa@phuocan.daklak.gov.vn' } }));
    expect(wrongUnit).toMatchObject({ status: 422, field: 'person' });
    expect((await api('/tokens', { token: dic, json: { role: 'dic', person: 'nobody@x.vn' } })).status).toBe(422);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await putPeople(`login,name,role,unit,valid_from,valid_to\nhoa@phuocan.daklak.gov.vn,Nguyễn Thị Hoa,unit,PHUOCAN,2025-07-01,${yesterday}\n`);
    expect((await api('/me', { token: created.token })).status).toBe(403);
  });
});

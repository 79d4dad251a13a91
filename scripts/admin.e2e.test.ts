/** `npm run admin`: the registry and tokens of a deployment, run as an administrator runs it, against a local D1 of its own. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, WRANGLER_ENV, d1, migrate } from './lib/d1';

let dir: string;
const state = () => ({ persistTo: join(dir, 'state') });

function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return adminRaw(...args, '--local', '--persist-to', state().persistTo);
}

function adminRaw(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/admin.ts', ...args], { cwd: ROOT, env: WRANGLER_ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chitieu-admin-'));
  await migrate('local', state());
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run admin', () => {
  it('imports the unit registry from CSV, and refuses a file with a bad line, importing nothing', async () => {
    const good = join(dir, 'don-vi.csv');
    await writeFile(
      good,
      'code,name,kind,parent,coordinator,valid_from,valid_to\nSTTTT,Sở Thông tin và Truyền thông,department,,1,2020-01-01,\nKPA,UBND huyện Krông Pắc,district,,0,2020-01-01,\nKPA-A,UBND xã Ea Phê,commune,KPA,0,2020-01-01,\n',
    );
    const imported = await admin('units', 'import', good);
    expect(imported.stdout).toContain('Đã nhập 3 đơn vị: 3 thêm, 0 sửa, 0 không đổi.');
    expect(imported.code).toBe(0);

    const bad = join(dir, 'sai.csv');
    await writeFile(bad, 'code,name,kind,parent,coordinator,valid_from,valid_to\nKBU,UBND huyện Krông Búk,huyen,,0,2020-01-01,\n');
    const refused = await admin('units', 'import', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/dòng 2 \(kind\)/);
    expect(await d1('local', "SELECT code FROM units WHERE code = 'KBU'", state())).toEqual([]);

    const exported = await admin('units', 'export');
    expect(exported.stdout.split('\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['code', 'STTTT', 'KPA', 'KPA-A']);
  });

  it('creates a token that expires, prints it alone on its last line; lists it; rotates it; revokes it, twice without harm', async () => {
    const created = await admin('token', 'create', '--role', 'unit', '--unit', 'kpa', '--label', 'Văn thư Krông Pắc', '--expires', '2099-12-31');
    expect(created.code).toBe(1);
    expect(created.stderr).toContain('tối đa 1095 ngày');
    const made = await admin('token', 'create', '--role', 'unit', '--unit', 'kpa', '--label', 'Văn thư Krông Pắc');
    expect(made.code).toBe(0);
    const lines = made.stdout.trim().split('\n');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^\S{20,}$/);
    const id = /Đã tạo mã (\S+)/.exec(lines[0]!)![1]!;
    const expiry = /hết hạn sau ngày (\d{4}-\d{2}-\d{2})/.exec(lines[0]!)![1]!;

    const listed = await admin('token', 'list');
    expect(listed.stdout).toContain(`${id}\tunit\tKPA\t-\thiệu lực đến hết ${expiry}\tVăn thư Krông Pắc`);

    const rotated = await admin('token', 'rotate', id);
    expect(rotated.code).toBe(0);
    const next = /bằng (\S+)/.exec(rotated.stdout)![1]!;
    expect(rotated.stdout.trim().split('\n').at(-1)).not.toBe(token);
    expect((await admin('token', 'list')).stdout).toMatch(new RegExp(`${id}\\tunit\\tKPA\\t-\\tthu hồi `));

    expect((await admin('token', 'revoke', next)).stdout).toContain(`Đã thu hồi ${next}.`);
    const again = await admin('token', 'revoke', next);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('đã được thu hồi từ trước');
  });

  it('refuses an impossible date with a clear message and exit 2, storing nothing', async () => {
    const expiry = await admin('token', 'create', '--role', 'auditor', '--expires', '2027-02-30');
    expect(expiry.code).toBe(2);
    expect(expiry.stderr).toContain('--expires "2027-02-30" không phải là một ngày có thật');
    const file = join(dir, 'ngay-sai.csv');
    await writeFile(file, 'code,name,kind,parent,coordinator,valid_from,valid_to,successors,change\nKPA,UBND huyện Krông Pắc,district,,0,2020-01-01,2025-13-01,KPA2,merge\n');
    const refused = await admin('units', 'import', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('dòng 2 (valid_to)');
    expect(refused.stderr).not.toMatch(/RangeError|at .*\.ts:/);
    expect(await d1('local', "SELECT valid_to FROM units WHERE code = 'KPA'", state())).toEqual([{ valid_to: null }]);
  });

  it('refuses a token for a unit the registry does not have, and one for an auditor tied to a unit', async () => {
    const unknown = await admin('token', 'create', '--role', 'unit', '--unit', 'XYZ');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có đơn vị mã XYZ');
    const auditor = await admin('token', 'create', '--role', 'auditor', '--unit', 'KPA');
    expect(auditor.code).toBe(1);
  });

  it('refuses a local state directory for the database on Cloudflare, before touching anything', async () => {
    const r = await adminRaw('token', 'list', '--remote', '--persist-to', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--persist-to chỉ dùng với --local');
  });

  it('writes every change in the audit log', async () => {
    const actions = (await d1('local', 'SELECT action FROM audit_log ORDER BY id', state())).map((r) => r.action);
    expect(actions).toEqual(['units.create', 'units.create', 'units.create', 'tokens.create', 'tokens.rotate', 'tokens.revoke']);
  });

  // Closing a period
  it('refuses a registry import that would alter a closed period, naming it, and takes one that does not', async () => {
    await d1('local', "INSERT INTO period_locks (period, first_day, last_day, state, holder, since) VALUES ('2024-H1', '2024-01-01', '2024-06-30', 'closed', 'test', '2026-01-01T00:00:00Z')", state());
    const renamed = join(dir, 'doi-ten.csv');
    await writeFile(renamed, 'code,name,kind,parent,coordinator,valid_from,valid_to\nKPA,UBND huyện Krông Pắc (mới),district,,0,2020-01-01,\n');
    const refused = await admin('units', 'import', renamed);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Kỳ 2024-H1 đã chốt số liệu');
    expect(await d1('local', "SELECT name FROM units WHERE code = 'KPA'", state())).toEqual([{ name: 'UBND huyện Krông Pắc' }]);
    const later = join(dir, 'don-vi-moi.csv');
    await writeFile(later, 'code,name,kind,parent,coordinator,valid_from,valid_to\nSMOI,Sở Mới,department,,0,2030-01-01,\n');
    expect((await admin('units', 'import', later)).code).toBe(0);
  });

  it('makes a token that belongs to a person who holds the role, and refuses one for a role the person does not hold', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await d1('local', `INSERT INTO people (id, login, name, created_at) VALUES ('per_hoa', 'hoa@krongpac.gov.vn', 'Nguyễn Thị Hoa', '${today}');
      INSERT INTO memberships (person_id, role, unit_code, valid_from, created_at) VALUES ('per_hoa', 'unit', 'KPA', '2020-01-01', '${today}');`, state());
    const made = await admin('token', 'create', '--role', 'unit', '--unit', 'KPA', '--person', 'Hoa@KrongPac.gov.vn', '--label', 'tải tự động');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('của Hoa@KrongPac.gov.vn');
    expect((await admin('token', 'list')).stdout).toContain('\tunit\tKPA\thoa@krongpac.gov.vn\t');
    const refused = await admin('token', 'create', '--role', 'dic', '--person', 'hoa@krongpac.gov.vn');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nguyễn Thị Hoa không có vai trò dic');
  });
});

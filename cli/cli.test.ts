import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BM04_2021_PUBLISHED, BM07_2023, BM03_2024_H1 } from '../shared/demo/seed-figures';
import { MAX_UPLOAD_BYTES } from '../shared/api/media';
import { appendRow, withInflatingPart } from '../test/crafted-xlsx';
import { runCaptured } from './run-captured';
import { versionOf } from '../shared/templates';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chitieu-cli-'));
});

const run = runCaptured;

const json = async (name: string, data: unknown) => {
  const file = join(dir, name);
  await writeFile(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

describe('chitieu template', () => {
  it('writes a blank, formatted workbook for a unit and a period', async () => {
    const out = join(dir, 'bm03.xlsx');
    const r = await run('template', 'BM03', '--unit', 'KPA', '--unit-name', 'UBND huyện Krông Pắc', '--unit-kind', 'district', '--period', '2024-Q3', '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('BM03');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('BM03')!.getCell('A2').value).toBe('Đơn vị báo cáo: UBND huyện Krông Pắc (KPA)');
    expect(wb.getWorksheet('_chitieu')!.state).toBe('veryHidden');
  });

  it('refuses a period the template is not filed for, an unknown template, a missing --out', async () => {
    expect(await run('template', 'BM07', '--period', '2024-H1', '--out', join(dir, 'x.xlsx'))).toMatchObject({ code: 2 });
    expect((await run('template', 'BM07', '--period', '2024-H1', '--out', join(dir, 'x.xlsx'))).stderr).toContain('Mẫu BM07 không báo cáo cho kỳ 2024-H1');
    expect((await run('template', 'BM99', '--out', join(dir, 'x.xlsx'))).stderr).toContain('Không có mẫu báo cáo BM99. Các mẫu: BM01');
    expect((await run('template', 'BM03')).stderr).toContain('--out');
    expect((await run('template', 'BM03', '--bogus', '--out', 'x')).code).toBe(2);
  });
});

describe('template versions on the command line', () => {
  it('writes the version in force for the period, and validates a DTI of each scheme against its own', async () => {
    const dti2021 = join(dir, 'bm08-2021.xlsx');
    const dti2024 = join(dir, 'bm08-2024.xlsx');
    expect((await run('template', 'BM08', '--period', '2021', '--out', dti2021)).stdout).toContain('2024.1');
    expect((await run('template', 'BM08', '--period', '2024', '--out', dti2024)).stdout).toContain('2025.1');
    const filled = await json('dti-2024.json', { template: 'BM08', version: '2025.1', unit: 'SKHCN', period: '2024', values: { 'DT.KQ': '0,6961', 'DT.XH': 17, 'D1.KQ': '0,81' } });
    expect(await run('validate', filled)).toMatchObject({ code: 0 });
    const points = await json('dti-2024-points.json', { template: 'BM08', version: '2025.1', unit: 'SKHCN', period: '2024', values: { 'DT.KQ': '398,49' } });
    expect((await run('validate', points)).code).toBe(1);
  });

  it('lists each template’s versions and the periods they serve', async () => {
    const r = await run('templates');
    expect(r.stdout).toContain('phiên bản: 2024.1; 2025.1 cho các kỳ kết thúc từ 01/07/2025');
    expect(r.stdout).toContain('phiên bản: 2024.1; 2025.1 cho các kỳ kết thúc từ 01/01/2024');
  });
});

describe('chitieu validate', () => {
  it('exits 0 on a valid submission JSON', async () => {
    const r = await run('validate', await json('ok.json', BM03_2024_H1));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hợp lệ');
  });

  it('exits 1 on errors, printing every issue at its cell', async () => {
    const r = await run('validate', await json('broken.json', BM04_2021_PUBLISHED));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('VB01.KQ');
    expect(r.stdout).toContain('619.820');
    expect(r.stdout).toContain('2 lỗi, 0 cảnh báo.');
  });

  it('prints the report as JSON on stdout with --json, in English with --lang en', async () => {
    const r = await run('validate', await json('budget.json', BM07_2023), '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ valid: true, submittable: false, template: 'BM07', lang: 'en' });
    expect(report.warnings[0].message).toContain('3.86%');
  });

  it('exits 2 with a clear message when the file cannot be read', async () => {
    const cases = [
      [join(dir, 'missing.json'), 'không có tệp này'],
      [await json('bad.json', '{"template": "BM03",'), 'tệp JSON không hợp lệ'],
      [await json('wrong.json', { template: 'BM03', values: { 'TT01.KQ': [1] } }), 'không đúng định dạng báo cáo'],
      [await json('text.csv', 'TT01;1683'), 'chỉ đọc được tệp .xlsx hoặc .json'],
    ];
    for (const [file, message] of cases) {
      const r = await run('validate', file!);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('checks a filled .xlsx and locates issues in the sheet', async () => {
    const out = join(dir, 'filled.xlsx');
    await run('template', 'BM04', '--unit', 'STTTT', '--period', '2021', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('BM04')!;
    ws.getCell('E7').value = 619120;
    ws.getCell('E8').value = 579445;
    ws.getCell('E9').value = 40375;
    await wb.xlsx.writeFile(out);
    const r = await run('validate', out, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.errors[0]).toMatchObject({ code: 'sum_mismatch', addresses: ["'BM04'!E7", "'BM04'!E8", "'BM04'!E9"] });
  });

  it('refuses a workbook of another version as it refuses such JSON: an error, exit 1', async () => {
    const out = join(dir, 'old.xlsx');
    await run('template', 'BM03', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('_chitieu')!.getCell('C2').value = '2023.1';
    await wb.xlsx.writeFile(out);
    const r = await run('validate', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`phiên bản 2023.1, nhưng phiên bản hiện hành là ${versionOf('BM03')}`);
    const json = await run('validate', out, '--json');
    expect(JSON.parse(json.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['version_mismatch']);
  });
});

describe('chitieu validate on hostile files', () => {
  it('refuses, with the server’s bounds and words, a file too large, a far-away cell and a file that inflates past its bound', async () => {
    const blank = join(dir, 'blank.xlsx');
    await run('template', 'BM03', '--out', blank);
    const bytes = new Uint8Array(await readFile(blank));
    const cases: [string, Uint8Array, string][] = [
      ['huge.json', new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x20), 'Tệp lớn hơn 1 MB'],
      ['far.xlsx', appendRow(bytes, 1048576, '<c r="XFD1048576"><v>1</v></c>'), "Ô 'BM03'!XFD1048576 có dữ liệu ở xa ngoài vùng của mẫu"],
      ['bomb.xlsx', withInflatingPart(bytes, 100 * 1024 * 1024), 'khi giải nén lớn hơn 8 MB'],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      await writeFile(file, content);
      const r = await run('validate', file);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(message);
    }
    const english = await run('validate', join(dir, 'far.xlsx'), '--lang', 'en');
    expect(english.stderr).toContain('outside the template');
  });
});

describe('the installed command', () => {
  it('runs as `chitieu` through its bin entry', async () => {
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const bin = join(import.meta.dirname, '..', pkg.bin.chitieu);
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [bin, 'validate', await json('bin.json', BM03_2024_H1)]);
    expect(ok.stdout).toContain('Hợp lệ');
    await expect(exec(process.execPath, [bin, 'validate', await json('bin-bad.json', BM04_2021_PUBLISHED)])).rejects.toMatchObject({ code: 1 });
  });
});

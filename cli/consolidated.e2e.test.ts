/** `chitieu consolidated` against the worker on a local D1: the province's workbook written to a file. */
import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BM03_2024_H1 } from '../shared/demo/seed-figures';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { EVERY_SHEET, readWorkbook } from '../xlsx/read';
import { readTemplateGrid } from '../shared/workbook';
import { templateFor } from '../shared/templates';
import { roundTo } from '../shared/numbers/decimal';
import { startLocalWorker, freePort, type LocalWorker } from '../scripts/lib/local-worker';
import { runCaptured } from './run-captured';

let worker: LocalWorker;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chitieu-consolidated-'));
  worker = await startLocalWorker({
    units: DEMO_REGISTRY,
    tokens: { dic: { role: 'dic', unit: 'STTTT' }, vp: { role: 'unit', unit: 'VPUBND' } },
  });
  const r = await fetch(`${worker.origin}/api/v1/submissions`, {
    method: 'POST',
    // The Office of the People's Committee keeps the province's catalogue of procedures: its figures are the province's.
    headers: { authorization: `Bearer ${worker.tokens.vp}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...BM03_2024_H1, unit: 'VPUBND', values: { ...BM03_2024_H1.values, 'HS01.KQ': '400.000', 'HS02.KQ': '120.000' } }),
  });
  expect(r.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

const run = runCaptured;

describe('chitieu consolidated', () => {
  it('writes the province’s workbook for a period', async () => {
    const out = join(dir, 'tong-hop-2024-H1.xlsx');
    const r = await run('consolidated', '--period', '2024-H1', '--out', out, '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('tong-hop-2024-H1.xlsx');
    const contents = readWorkbook(new Uint8Array(await readFile(out)), EVERY_SHEET);
    expect(contents.sheets.map((s) => s.sheet)).toContain('TH_BM03');
    const bm03 = templateFor('BM03', '2024-H1')!;
    const totals = readTemplateGrid(bm03, contents.sheets.find((s) => s.sheet === 'TH_BM03')!, { names: contents.names });
    expect(totals.submission.values).toMatchObject({ 'TT01.KQ': 1683, 'HS03.KQ': 384618 });
    // The province's share is recomputed from its numerator and denominator, not copied from the 99,57% written.
    expect(totals.submission.values['TL08.KQ']).toBe(roundTo((382982 / 384618) * 100, 8));
  });

  it('writes the drafted periodic report of a period, its sentences on the seed figures', async () => {
    const out = join(dir, 'bao-cao-2024-H1.docx');
    const r = await run('report', '--period', '2024-H1', '--out', out, '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('dự thảo báo cáo kỳ 2024-H1');
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(out)))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('là 1.683 thủ tục, trong đó 676 dịch vụ công trực tuyến toàn trình (40,17%)');
    expect(text).toContain('đạt tỷ lệ 99,57%');
  });

  it('names what went wrong: no token, a wrong token, no server, a bad period', async () => {
    const out = join(dir, 'x.xlsx');
    const noToken = await run('consolidated', '--period', '2024-H1', '--out', out, '--server', worker.origin);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('CHITIEU_TOKEN');
    const wrong = await run('consolidated', '--period', '2024-H1', '--out', out, '--server', worker.origin, '--token', 'ctk_wrong');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Máy chủ từ chối (401): Mã thông báo không đúng.');
    const unit = await run('consolidated', '--period', '2024-H1', '--out', out, '--server', worker.origin, '--token', worker.tokens.vp!);
    expect(unit.stderr).toContain('(403)');
    const port = await freePort();
    const down = await run('consolidated', '--period', '2024-H1', '--out', out, '--server', `http://127.0.0.1:${port}`, '--token', 'x');
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('Không kết nối được máy chủ');
    expect((await run('consolidated', '--period', '2024-H9', '--out', out, '--token', 'x')).stderr).toContain('không hợp lệ');
  });
});

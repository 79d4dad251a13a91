/** `chitieu close` against the worker on a local D1: the period is closed and its files are downloaded as closed. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BM03_2024_H1 } from '../shared/demo/seed-figures';
import { DEMO_REGISTRY } from '../shared/demo/registry';
import { startLocalWorker, type LocalWorker } from '../scripts/lib/local-worker';
import { runCaptured } from './run-captured';

let worker: LocalWorker;
let dir: string;

const fileKpa = () =>
  fetch(`${worker.origin}/api/v1/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${worker.tokens.kpa}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...BM03_2024_H1, unit: 'KPA', values: { ...BM03_2024_H1.values, 'HS01.KQ': '400.000', 'HS02.KQ': '120.000' } }),
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chitieu-close-'));
  worker = await startLocalWorker({ units: DEMO_REGISTRY, tokens: { dic: { role: 'dic', unit: 'SKHCN' }, kpa: { role: 'unit', unit: 'KPA' } } });
  expect((await fileKpa()).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

const run = runCaptured;

describe('chitieu close', () => {
  it('closes a period and prints each closed file’s hash, which the downloaded files then have', async () => {
    const r = await run('close', '--period', '2024-H1', '--note', 'Gửi UBND tỉnh', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Đã chốt số liệu kỳ 2024-H1, lần 1');
    const hashes = Object.fromEntries([...r.stdout.matchAll(/^ {2}(json|xlsx|docx) {2}([0-9a-f]{64}) {2}(\d+)$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(hashes).sort()).toEqual(['docx', 'json', 'xlsx']);

    const xlsx = join(dir, 'tong-hop.xlsx');
    const docx = join(dir, 'bao-cao.docx');
    // The English download of a closed period is the Vietnamese file that was closed.
    expect((await run('consolidated', '--period', '2024-H1', '--out', xlsx, '--lang', 'en', '--server', worker.origin, '--token', worker.tokens.dic!)).code).toBe(0);
    expect((await run('report', '--period', '2024-H1', '--out', docx, '--server', worker.origin, '--token', worker.tokens.dic!)).code).toBe(0);
    const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
    expect(await sha(xlsx)).toBe(hashes.xlsx);
    expect(await sha(docx)).toBe(hashes.docx);

    // From now on the period takes no filing.
    const late = await fileKpa();
    expect(late.status).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe('period_closed');
  });

  it('says what went wrong: closed already, not DIC, a bad period, no token', async () => {
    const again = await run('close', '--period', '2024-H1', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Máy chủ từ chối (409): Kỳ 2024-H1 đã chốt số liệu (lần 1)');
    const english = await run('close', '--period', '2024-H1', '--lang', 'en', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(english.stderr).toContain('The server refused (409): Period 2024-H1 is closed (version 1)');
    const unit = await run('close', '--period', '2024-H2', '--server', worker.origin, '--token', worker.tokens.kpa!);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('(403)');
    expect((await run('close', '--period', '2024-H9', '--server', worker.origin, '--token', 'x')).stderr).toContain('không hợp lệ');
    expect((await run('close', '--server', worker.origin)).stderr).toContain('--period');
    expect((await run('close', '--period', '2024-H2', '--server', worker.origin)).stderr).toContain('CHITIEU_TOKEN');
  });

  it('reopens with a reason, after which the period takes filings and closes again as version 2', async () => {
    const noReason = await run('reopen', '--period', '2024-H1', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    const reopened = await run('reopen', '--period', '2024-H1', '--reason', 'Krông Pắc bổ sung số liệu', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(reopened).toMatchObject({ code: 0, stderr: '' });
    expect(reopened.stdout).toContain('Đã mở lại kỳ 2024-H1 (lần chốt 1 vẫn được giữ)');
    expect((await fileKpa()).status).toBe(201);
    const again = await run('close', '--period', '2024-H1', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(again.stdout).toContain('Đã chốt số liệu kỳ 2024-H1, lần 2');
    const twice = await run('reopen', '--period', '2024-H2', '--reason', 'x', '--server', worker.origin, '--token', worker.tokens.dic!);
    expect(twice.stderr).toContain('Máy chủ từ chối (409): Kỳ 2024-H2 chưa chốt số liệu');
  });
});

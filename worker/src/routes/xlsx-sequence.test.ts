/**
 * One isolate, many spreadsheet requests: uploads, template downloads and consolidated workbooks
 * interleaved, hostile files among them. Nothing a request leaves behind may break the next one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import { appendRow, withInflatingPart, withLyingSizes } from '../../../test/crafted-xlsx';
import { api, count, json, makeToken, seedUnits } from '../../test/helpers';

let dic: string;
let kpa: string;
beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  kpa = await makeToken('unit', 'KPA');
});

const upload = (token: string, bytes: Uint8Array) => api('/submissions', { token, body: bytes, headers: { 'content-type': XLSX_MEDIA_TYPE } });

async function template(): Promise<Uint8Array> {
  const r = await api('/templates/BM03.xlsx?unit=KPA&period=2024-H1', { token: kpa });
  expect(r.status).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
}

describe('spreadsheet requests in one long-lived worker', () => {
  it('answers upload → download → upload → consolidated workbook, again and again, never with a 5xx', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const blank = await template();
      for (const r of [await upload(kpa, blank), await upload(kpa, blank)]) {
        statuses.push(r.status);
        expect(await json(r)).toMatchObject({ type: 'urn:chitieu:problem:validation' });
      }
      const workbook = await api('/consolidations/2024-H1.xlsx', { token: dic });
      statuses.push(workbook.status);
      expect((await workbook.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([422, 200]));
  });

  it('refuses crafted files with a clear problem, stores nothing, and stays healthy for the next request', async () => {
    const blank = await template();
    const before = await count('revisions');
    const cases: [Uint8Array, string][] = [
      [appendRow(blank, 1048576, '<c r="XFD1048576"><v>1</v></c>'), 'cell_outside_area'],
      [withInflatingPart(blank, 20 * 1024 * 1024), 'part_too_large'],
      // A part the reader needs, whose declared size lies: inflating stops at the bound.
      [withLyingSizes(withInflatingPart(blank, 9 * 1024 * 1024, 'xl/sharedStrings.xml')), 'part_too_large'],
      [blank.slice(0, 3000), 'corrupt'],
    ];
    for (const [bytes, code] of cases) {
      const r = await upload(kpa, bytes);
      expect(r.status, code).toBe(422);
      const problem = await json(r);
      expect(problem).toMatchObject({ type: 'urn:chitieu:problem:invalid', code });
      expect(problem.detail).not.toMatch(/\n\s+at /);
      const english = await json(await api('/submissions', { token: kpa, body: bytes, headers: { 'content-type': XLSX_MEDIA_TYPE, 'accept-language': 'en' } }));
      expect(english.detail).not.toBe(problem.detail);
      expect((await api('/consolidations/2024-H1.xlsx', { token: dic })).status).toBe(200);
    }
    expect(await count('revisions')).toBe(before);
  });
});

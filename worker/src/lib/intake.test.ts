/**
 * Crafted spreadsheets at the worker: each answered at once with a 422 naming what is wrong, nothing
 * stored, and the same isolate answering other requests meanwhile and after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import { editPart } from '../../../test/crafted-xlsx';
import { craftedFiles, filledBm03, withDuplicateEntry, withHiddenSheetSaying } from '../../../test/crafted-excel';
import { api, count, json, makeToken, seedUnits } from '../../test/helpers';

let dic: string;
let kpa: string;
beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  kpa = await makeToken('unit', 'KPA');
});

const upload = (token: string, bytes: Uint8Array, lang = 'vi') =>
  api('/submissions', { token, body: bytes, headers: { 'content-type': XLSX_MEDIA_TYPE, 'accept-language': lang } });

/** A relationship with a 200,000-letter attribute-like word: quadratic for a scanner that retries a pattern from each position. */
const attributeBomb = (): Uint8Array => editPart(filledBm03(), '_rels/.rels', (s) => s.replace('<Relationship ', `<Relationship ${'a'.repeat(200_000)} `));

describe('crafted spreadsheets at the worker', () => {
  it('answers a file built to be slow with a 422, and answers /health meanwhile', async () => {
    const bomb = attributeBomb();
    expect(bomb.length).toBeLessThan(20_000);
    const [refused, health] = await Promise.all([upload(kpa, bomb), api('/health')]);
    expect(health.status).toBe(200);
    expect(refused.status).toBe(422);
    expect(await json(refused)).toMatchObject({ code: 'malformed_xml', detail: expect.stringContaining('"_rels/.rels"') });
  });

  it('refuses what Excel would call damaged, and a sheet name no file can hold, naming the part, in both languages; nothing is stored', async () => {
    const filled = filledBm03();
    const sheetName = (name: string) => editPart(filled, 'xl/workbook.xml', (s) => s.replace('name="BM03"', `name="${name}"`));
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['hex number', editPart(filled, 'xl/worksheets/sheet1.xml', (s) => s.replace('<v>676</v>', '<v>0x48</v>')), 'malformed_cell', /E8.*sheet1\.xml.*0x48/],
      ['duplicate entry', withDuplicateEntry(filled, 'xl/worksheets/sheet1.xml', (s) => s.replace('<v>676</v>', '<v>72000</v>')), 'corrupt', /sheet1\.xml.*appears twice/],
      ['U+FFFF in a sheet name', sheetName('BM03\uFFFF'), 'malformed_xml', /workbook\.xml.*U\+FFFF/],
      ['a lone surrogate in a sheet name', sheetName('BM03&#xDC00;'), 'malformed_xml', /workbook\.xml.*&#xDC00;/],
      ['U+0001 in a sheet name', sheetName('BM03&#1;'), 'malformed_xml', /workbook\.xml.*&#1;/],
      ['U+0001 written raw', sheetName('BM03\u0001'), 'malformed_xml', /workbook\.xml.*U\+0001/],
    ];
    const before = await count('revisions');
    for (const [name, bytes, code, english] of cases) {
      const vi = await upload(kpa, bytes);
      expect(vi.status, name).toBe(422);
      const problem = await json(vi);
      expect(problem.code, name).toBe(code);
      const en = await json(await upload(kpa, bytes, 'en'));
      expect(en.detail, name).toMatch(english);
      expect(en.detail).not.toBe(problem.detail);
    }
    expect(await count('revisions')).toBe(before);
    // The same file without the damage is read: what is left to say is about its figures.
    expect(await json(await upload(kpa, filled))).toMatchObject({ type: 'urn:chitieu:problem:validation' });
  });

  it('refuses a workbook whose hidden sheet says another unit and period than its heading shows, naming both', async () => {
    const before = await count('revisions');
    const r = await upload(dic, withHiddenSheetSaying({ unit: 'BMT', unitName: 'UBND TP Buôn Ma Thuột', period: '2026-Q3' }));
    expect(r.status).toBe(422);
    const problem = await json(r);
    expect(problem.code).toBe('heading_mismatch');
    expect(problem.detail).toContain('UBND xã Phước An (PAN)');
    expect(problem.detail).toContain('UBND TP Buôn Ma Thuột (BMT)');
    expect(await count('revisions')).toBe(before);
  });

  it('answers every crafted file as the file reader does: each refusal a 422 with its code, nothing stored', async () => {
    const before = await count('revisions');
    for (const crafted of craftedFiles()) {
      if (typeof crafted.expected !== 'string') continue;
      const r = await upload(dic, crafted.bytes);
      expect(r.status, crafted.name).toBe(422);
      expect((await json(r)).code, crafted.name).toBe(crafted.expected);
    }
    expect(await count('revisions')).toBe(before);
  });
});


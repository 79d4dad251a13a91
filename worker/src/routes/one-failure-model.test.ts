/** The same problem gives the same answer whatever the door: JSON or .xlsx, Vietnamese or English. */
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import { editPart } from '../../../test/crafted-xlsx';
import { api, json, makeToken, seedUnits } from '../../test/helpers';
import { versionOf } from '../../../shared/templates';

let clerk: string;
beforeAll(async () => {
  await seedUnits();
  clerk = await makeToken('unit', 'PHUOCAN');
});

describe('one failure model', () => {
  it('a report of another template version is the same problem as JSON and as .xlsx', async () => {
    const viaJson = await json(await api('/submissions', { token: clerk, json: { template: 'BM03', version: '2023.1', unit: 'PHUOCAN', period: '2026-Q3', values: { 'HS01.KQ': 1 } } }));
    const blank = new Uint8Array(await (await api('/templates/BM03.xlsx?unit=PHUOCAN&period=2026-Q3', { token: clerk })).arrayBuffer());
    // The metadata sheet's version cell: a shared string of its own.
    const old = editPart(blank, 'xl/sharedStrings.xml', (xml) => xml.replace(`>${versionOf('BM03')}</t>`, '>2023.1</t>'));
    const viaXlsx = await json(await api('/submissions', { token: clerk, body: old, headers: { 'content-type': XLSX_MEDIA_TYPE } }));
    for (const problem of [viaJson, viaXlsx]) {
      expect(problem).toMatchObject({ status: 422, type: 'urn:chitieu:problem:validation', code: 'report_refused' });
      expect(problem.issues.map((i: { code: string }) => i.code)).toEqual(['version_mismatch']);
    }
    expect(viaXlsx.issues[0].message).toBe(viaJson.issues[0].message);
  });

  it('words the shape of a body in the caller’s language, never zod’s English inside a Vietnamese answer', async () => {
    const body = { template: 'BM03', version: versionOf('BM03'), period: 7, values: { 'HS01.KQ': [1] } };
    const vi = await json(await api('/submissions', { token: clerk, json: body }));
    const en = await json(await api('/submissions', { token: clerk, json: body, headers: { 'accept-language': 'en' } }));
    expect(vi).toMatchObject({ code: 'invalid_data', type: 'urn:chitieu:problem:invalid' });
    expect(en).toMatchObject({ code: 'invalid_data', type: 'urn:chitieu:problem:invalid' });
    expect(vi.problems.map((p: { field: string }) => p.field)).toEqual(en.problems.map((p: { field: string }) => p.field));
    expect(vi.detail).toContain('Đầu vào không hợp lệ');
    expect(vi.detail).not.toMatch(/Invalid input|expected/);
    expect(en.detail).toMatch(/Invalid input/);
    expect(en.detail).not.toContain('Đầu vào');
  });

  it('words a problem of the product in the caller’s language, with its code', async () => {
    const vi = await json(await api('/submissions/sub_none', { token: clerk }));
    const en = await json(await api('/submissions/sub_none', { token: clerk, headers: { 'accept-language': 'en-GB,en;q=0.9' } }));
    expect(vi).toMatchObject({ status: 404, code: 'submission_not_found', detail: 'Không có báo cáo sub_none.', title: 'Không tìm thấy' });
    expect(en).toMatchObject({ status: 404, code: 'submission_not_found', detail: 'There is no submission sub_none.', title: 'Not found' });
  });
});

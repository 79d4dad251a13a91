/**
 * The province's workbook says who filed and who reviewed each report: the person signed in, else the
 * token's label. Names are people's own text, so one that looks like a formula stays text; read back
 * with exceljs, a third-party reader.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { COMPLETENESS_SHEET } from '../../../shared/workbook';
import { api, json, makeToken, seedUnits, signInAs } from '../../test/helpers';

const PERIOD = '2024';
const CLERK = '=HYPERLINK("http://example.invalid","Nguyễn Thị Hoa")';
const REVIEWER = '+Trần Thị Lan';
let rows: unknown[][] = [];
let formulas = 0;
let dic: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  const registered = await api('/people', {
    method: 'PUT',
    token: dic,
    json: {
      people: [
        { login: 'hoa@syt.daklak.gov.vn', name: CLERK, role: 'unit', unit: 'SYT', validFrom: '2024-01-01', validTo: null },
        { login: 'lan@stttt.daklak.gov.vn', name: REVIEWER, role: 'dic', unit: 'STTTT', validFrom: '2024-01-01', validTo: null },
      ],
    },
  });
  expect(registered.status).toBe(200);
  const clerk = await signInAs('hoa@syt.daklak.gov.vn');
  const reviewer = await signInAs('lan@stttt.daklak.gov.vn');
  const unit = (code: string) => DEMO_REGISTRY.find((u) => u.code === code)!;
  // SYT's clerk files and DIC's reviewer returns it; STTTT's report is filed by the script token of DIC and not reviewed.
  const filed = await api('/submissions', { token: clerk.token, json: demoSubmission('BM03', unit('SYT'), PERIOD) });
  expect(filed.status).toBe(201);
  const review = await api(`/submissions/${(await json(filed)).id}/review`, { token: reviewer.token, json: { decision: 'return', comment: 'Kiểm tra lại' } });
  expect(review.status).toBe(201);
  expect((await api('/submissions', { token: dic, json: demoSubmission('BM03', unit('STTTT'), PERIOD) })).status).toBe(201);

  const r = await api(`/consolidations/${PERIOD}.xlsx`, { token: dic });
  expect(r.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await r.arrayBuffer());
  const sheet = book.getWorksheet(COMPLETENESS_SHEET.vi)!;
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values);
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
    });
  });
}, 60_000);

describe('the filing status sheet', () => {
  it('names who filed and who reviewed, as text, in their own columns', () => {
    const header = rows.find((r) => r.includes('Người nộp'))!;
    const filer = header.indexOf('Người nộp');
    const reviewer = header.indexOf('Người duyệt');
    expect(reviewer).toBe(filer + 1);
    const line = (template: string, unit: string) => rows.find((r) => r[5] === template && r[1] === unit)!;
    expect(line('BM03', 'SYT')[filer]).toBe(CLERK);
    expect(line('BM03', 'SYT')[reviewer]).toBe(REVIEWER);
    expect(line('BM03', 'SYT')[6]).toBe('Trả lại');
    // A token for scripts names itself by its label; nobody reviewed yet.
    expect(line('BM03', 'STTTT')[filer]).toBe('test dic');
    expect(line('BM03', 'STTTT')[reviewer] ?? '').toBe('');
    // A unit that did not file has nobody in either column.
    const missing = rows.find((r) => r[5] === 'BM03' && r[6] === 'Chưa nộp')!;
    expect([missing[filer] ?? '', missing[reviewer] ?? '']).toEqual(['', '']);
    expect(formulas).toBe(0);
  });
});

describe('the API names the filer as the sheet does', () => {
  it('gives the filing token’s label where no person filed, in summaries and revisions, and none where a person did', async () => {
    const list = await json(await api(`/submissions?period=${PERIOD}&template=BM03`, { token: dic }));
    const byUnit = (code: string) => list.find((s: { unit: string }) => s.unit === code);
    expect(byUnit('STTTT')).toMatchObject({ submitterName: null, filerLabel: 'test dic' });
    expect(byUnit('SYT').submitterName).toBe(CLERK);
    expect(byUnit('SYT').filerLabel).toBeUndefined();
    const detail = await json(await api(`/submissions/${byUnit('STTTT').id}`, { token: dic }));
    expect(detail.revisions[0]).toMatchObject({ submitterName: null, filerLabel: 'test dic' });
  });
});

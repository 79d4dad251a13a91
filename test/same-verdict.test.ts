/**
 * One verdict everywhere: the same filled sheet checked by the task pane (names and values), by the
 * auditor's custom function (values only) and by the worker (the submission) gives the same issues,
 * in the same words, from the same engine and template versions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue, Report } from '../shared/validation';
import { templateFor } from '../shared/templates';
import { buildTemplateSheet, sheetMetadataFor } from '../shared/workbook';
import { checkGrid } from '../addin/src/check';
import { MemoryWorkbook } from '../addin/src/excel/memory-workbook';
import { kiemtra } from '../addin/src/functions/kiemtra';
import { api, json, makeToken, seedUnits } from '../worker/test/helpers';
import { versionOf } from '../shared/templates';

// Krông Pắc's 2024-H1 sheet, in the version of that period (2024.1).
const bm03 = templateFor('BM03', '2024-H1')!;
let kpa: string;

beforeAll(async () => {
  await seedUnits();
  kpa = await makeToken('unit', 'KPA');
});

/** A clerk's BM03 for Krông Pắc, typed as in Excel. */
async function clerkSheet(entries: Record<string, string>): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const options = { period: '2024-H1', unit: { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' as const } };
  await wb.writeSheets([buildTemplateSheet(bm03, options)], [sheetMetadataFor(bm03, options)]);
  // The clerk lifts the sheet's protection (no password) to type a share over its formula, as some do.
  wb.unprotect('BM03');
  for (const [address, text] of Object.entries(entries)) wb.type(address, text, 'BM03');
  return wb;
}

const SEED = {
  E7: '1.684', // TT01: one more than 676 + 753 + 254
  E8: '676',
  E9: '753',
  E10: '254',
  E16: '400.000',
  E17: 'hơn 120.000', // an approximate figure: a warning
  E18: '384.618',
  E19: '382.982',
  E31: '99,58%', // TL08 written as 99,58% where 382.982 / 384.618 is 99,57%
};

const shape = (issues: readonly Issue[]) => issues.map((i) => ({ code: i.code, cells: i.cells, message: i.message }));
const where = (issues: readonly Issue[]) => issues.map((i) => [i.code, (i.addresses?.[0] ?? '').replace(/^.*!/, '')]);

async function taskPane(wb: MemoryWorkbook) {
  const read = await wb.readSheet('BM03');
  const [check] = checkGrid(read.grid, 'BM03', { names: read.names, period: read.metadata!.period!, unit: 'KPA', unitKind: 'district', version: read.metadata!.version });
  return check!;
}

describe('the same verdict from the task pane, the custom function and the worker', () => {
  it('on a sheet with errors and a warning', async () => {
    const wb = await clerkSheet(SEED);
    const pane = await taskPane(wb);
    expect(pane.report.errors.map((e) => e.code)).toEqual(['sum_mismatch', 'share_mismatch']);
    expect(pane.report.warnings.map((w) => w.code)).toEqual(['approximate_value']);

    const values = wb.values('BM03');
    const spilled = kiemtra(values, 'BM03', `'BM03'!A1:F${values.length}`, '2024-H1');
    const rows = spilled.slice(1, -1);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([...where(pane.report.errors), ...where(pane.report.warnings)]);
    expect(rows.slice(0, 2).map((r) => r[2])).toEqual(pane.report.errors.map((e) => e.message));
    expect(spilled[spilled.length - 1]).toEqual(['chitieu', pane.report.engineVersion, `Mẫu BM03 phiên bản ${versionOf('BM03', '2024-H1')}: 2 lỗi, 1 cảnh báo`]);

    const r = await api('/submissions', { token: kpa, json: pane.submission });
    expect(r.status).toBe(422);
    const server = (await json(r)).report as Report;
    expect(shape(server.errors)).toEqual(shape(pane.report.errors));
    expect(shape(server.warnings)).toEqual(shape(pane.report.warnings));
    expect([server.engineVersion, server.templateVersion]).toEqual([pane.report.engineVersion, pane.report.templateVersion]);
  });

  it('on the corrected sheet: valid everywhere, and the worker stores what the pane checked', async () => {
    const wb = await clerkSheet({ ...SEED, E7: '1.683', E17: '120.000', E31: '99,57%' });
    const pane = await taskPane(wb);
    expect(pane.report.valid && pane.report.submittable).toBe(true);
    const values = wb.values('BM03');
    expect(kiemtra(values, 'BM03', `'BM03'!A1:F${values.length}`)).toEqual([['OK']]);
    const r = await api('/submissions', { token: kpa, json: pane.submission });
    expect(r.status).toBe(201);
    const receipt = await json(r);
    expect(receipt.report.values).toEqual(pane.report.values);
    expect(receipt.report.valid).toBe(true);
  });
});

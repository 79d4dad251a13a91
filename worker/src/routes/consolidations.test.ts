import { beforeAll, describe, expect, it } from 'vitest';
import { BM03_2023, plan30Tasks } from '../../../shared/demo/seed-figures';
import { DEMO_REGISTRY, DEPARTMENTS, DISTRICTS } from '../../../shared/demo/registry';
import { recordsOn } from '../../../shared/registry';

/** The province as it stood at the end of 2023. */
const PROVINCE_2023 = recordsOn(DEMO_REGISTRY, '2023-12-31');
import { demoSubmission } from '../../../shared/demo/generate';
import { z } from 'zod';
import { FiledPeriodSummarySchema } from '../../../shared/api/schemas';
import { api, json, makeToken, read, seedUnits } from '../../test/helpers';
import { roundTo } from '../../../shared/numbers/decimal';
import { SHARE_DECIMALS } from '../../../shared/consolidation';
import { versionOf } from '../../../shared/templates';

let dic: string;
let auditor: string;
const submitted: Record<string, Record<string, number | string>> = {};

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  auditor = await makeToken('auditor');
  // The 2023 figures of seed 000 §9 as filed by the body that keeps the catalogue, and every other department and Buôn Ma Thuột with its communes.
  const file = async (body: unknown) => {
    const r = await api('/submissions', { token: dic, json: body });
    if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
    const receipt = await json(r);
    if (receipt.report.template === 'BM03') submitted[receipt.report.unit] = receipt.report.values;
    return receipt;
  };
  await file({ ...BM03_2023, unit: 'VPUBND', values: { ...BM03_2023.values, 'HS03.KQ': '920.518', 'HS04.KQ': '906.810' } });
  for (const unit of PROVINCE_2023.filter((u) => u.code !== 'VPUBND' && (u.kind === 'department' || u.code === 'BMT' || u.parent === 'BMT'))) {
    await file(demoSubmission('BM03', unit, '2023'));
  }
  const returned = await file(demoSubmission('BM03', DEPARTMENTS[2]!, '2023', 'second'));
  await api(`/submissions/${returned.id}/review`, { token: dic, json: { decision: 'return', comment: 'Kiểm tra lại HS04' } });
  await file({ template: 'BM02', version: versionOf('BM02'), unit: 'STTTT', period: '2024-H1', rows: plan30Tasks() });
});

describe('GET /consolidations/:template/:period', () => {
  it('adds departments and districts; takes the catalogue once from its keeper; ratios come from the provincial numerators and denominators', async () => {
    const r = await api('/consolidations/BM03/2023', { token: auditor });
    expect(r.status).toBe(200);
    const c = await json(r);
    const topLevel = Object.entries(submitted).filter(([code]) => !code.includes('-'));
    const sum = (ref: string) => topLevel.reduce((n, [, values]) => n + (values[ref] as number), 0);
    // One catalogue for the province: the keeper's 1.586, never the sum over units.
    expect(c.total.values['TT01.KQ']).toBe(1586);
    // Every other unit files the records it handled, not the catalogue.
    expect(topLevel.filter(([code]) => code !== 'VPUBND').every(([, values]) => values['TT01.KQ'] === undefined)).toBe(true);
    expect(c.total.values['HS05.KQ']).toBe(sum('HS05.KQ'));
    expect(c.total.values['TL09.KQ']).toBe(roundTo((sum('HS05.KQ') / sum('HS01.KQ')) * 100, SHARE_DECIMALS));
    // The seed's own line keeps the published figures: 1.586 TTHC, 71,34% digitised.
    const own = c.units.find((u: { code: string }) => u.code === 'VPUBND');
    expect(own.values['TT01.KQ']).toBe(1586);
    expect(own.values['TL09.KQ']).toBe(71.34);
  });

  it('knows who is missing, who was returned, and flags a district that differs from its communes', async () => {
    const c = await json(await api('/consolidations/BM03/2023', { token: dic }));
    const expectedCodes = PROVINCE_2023.map((u) => u.code);
    const submittedCodes = Object.keys(submitted);
    expect(c.completeness.expected).toBe(expectedCodes.length);
    expect([...c.completeness.missing].sort()).toEqual(expectedCodes.filter((code) => !submittedCodes.includes(code)).sort());
    expect(c.completeness.missing).toContain('KPA');
    expect(c.completeness.returned).toEqual([DEPARTMENTS[2]!.code]);
    expect(c.completeness.late).toHaveLength(submittedCodes.length);
    // Demo figures of Buôn Ma Thuột are not the sum of its communes': each such cell is flagged.
    expect(c.districtChecks.length).toBeGreaterThan(0);
    expect(c.districtChecks[0]).toMatchObject({ district: 'BMT', complete: true });
    expect(c.units.find((u: { code: string }) => u.code === DEPARTMENTS[2]!.code).submission).toMatchObject({ revision: 2, status: 'returned', reviewComment: 'Kiểm tra lại HS04' });
  });

  it('counts tasks by status: 18/66 completed is 27,27% (seed 001 §II.3)', async () => {
    const c = await json(await api('/consolidations/BM02/2024-H1', { token: dic }));
    const line = c.units.find((u: { code: string }) => u.code === 'STTTT');
    expect(line.statusCounts).toEqual({ total: 66, counts: { HT: 18, TX: 13, DTH: 35, CTH: 0 }, shares: { HT: 27.27, TX: 19.7, DTH: 53.03, CTH: 0 } });
    expect(c.total.statusCounts.total).toBe(66);
  });

  it('refuses what it cannot consolidate, naming it', async () => {
    expect(await json(await api('/consolidations/BM99/2023', { token: dic }))).toMatchObject({ status: 404, detail: 'Không có mẫu báo cáo BM99.' });
    expect((await api('/consolidations/BM03/2023-H3', { token: dic })).status).toBe(404);
    expect(await json(await api('/consolidations/BM07/2023-Q1', { token: dic }))).toMatchObject({ status: 404, detail: 'Mẫu BM07 không báo cáo cho kỳ 2023-Q1.' });
  });
});

describe('GET /periods/:period/status', () => {
  it('summarises every template of the period and each unit’s state', async () => {
    const r = await api('/periods/2023/status', { token: dic });
    expect(r.status).toBe(200);
    const s = await json(r);
    expect(s.templates.map((t: { template: string }) => t.template)).toEqual(['BM01', 'BM02', 'BM03', 'BM04', 'BM05', 'BM06', 'BM07', 'BM08']);
    const bm03 = s.templates.find((t: { template: string }) => t.template === 'BM03');
    expect(bm03).toMatchObject({ expected: PROVINCE_2023.length, submitted: Object.keys(submitted).length, returned: 1, missing: PROVINCE_2023.length - Object.keys(submitted).length });
    const bm08 = s.templates.find((t: { template: string }) => t.template === 'BM08');
    expect(bm08).toMatchObject({ expected: 1, submitted: 0 });
    expect(s.units.find((u: { code: string }) => u.code === 'KPA').templates.BM03).toBe('missing');
    expect(s.units.find((u: { code: string }) => u.code === 'STTTT').templates).toMatchObject({ BM03: 'late', BM08: 'missing' });
    expect(s.units.map((u: { code: string }) => u.code).slice(0, DEPARTMENTS.length)).toEqual(DEPARTMENTS.map((d) => d.code));
    expect(s.units.filter((u: { kind: string }) => u.kind === 'district')).toHaveLength(DISTRICTS.length);
  });
});

describe('GET /periods', () => {
  it('lists the periods with filings, the one ending latest first, and a unit only its own', async () => {
    const all = await read(await api('/periods', { token: auditor }), z.array(FiledPeriodSummarySchema));
    expect(all.map((p) => p.period)).toEqual(['2024-H1', '2023']);
    expect(all[1]).toMatchObject({ submissions: Object.keys(submitted).length, units: Object.keys(submitted).length });
    const unit = Object.keys(submitted).find((code) => code !== 'STTTT')!;
    const own = await read(await api('/periods', { token: await makeToken('unit', unit) }), z.array(FiledPeriodSummarySchema));
    expect(own.map((p) => p.period)).toEqual(['2023']);
    expect(own[0]).toMatchObject({ submissions: 1, units: 1 });
  });
});

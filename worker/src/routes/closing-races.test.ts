/**
 * Closing races what would alter the period, in one workerd isolate on a real D1: filings, reviews,
 * registry changes, a second close, a second reopen. Whatever order they land in, a stored change is in
 * the closed files or the change was refused: the live consolidation of a closed period always equals
 * the closed one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PeriodConsolidationSchema } from '../../../shared/api/schemas';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY, DEPARTMENTS } from '../../../shared/demo/registry';
import { unitsToCsv } from '../../../shared/registry/units-csv';
import { api, json, makeToken, seedUnits } from '../../test/helpers';

let dic: string;
const department = (code: string) => DEPARTMENTS.find((d) => d.code === code)!;
const file = (code: string, salt: string) => api('/submissions', { token: dic, json: demoSubmission('BM03', department(code), '2024-H1', salt) });
const close = () => api('/periods/2024-H1/close', { token: dic, json: {} });
const reopen = () => api('/periods/2024-H1/reopen', { token: dic, json: { reason: 'bổ sung số liệu' } });
const REFUSED = ['period_closed', 'period_closing'];

/** The closed consolidation, and the live one: after any race they must be the same. */
async function closedAndLive() {
  const [closed, live] = await Promise.all([api('/consolidations/2024-H1', { token: dic }), api('/consolidations/2024-H1?live=true', { token: dic })]);
  expect(closed.headers.get('chitieu-closed-version')).not.toBeNull();
  return { closed: PeriodConsolidationSchema.parse(await json(closed)), live: PeriodConsolidationSchema.parse(await json(live)) };
}

async function expectClosedIsLive() {
  const { closed, live } = await closedAndLive();
  expect(live.consolidations).toEqual(closed.consolidations);
  return closed;
}

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
  expect((await file('SNV', 'first')).status).toBe(201);
});

describe('a close racing what would alter the period', () => {
  it('filings and a review racing a close are either in the closed files or refused, never stored beside them', async () => {
    const units = ['STC', 'SYT', 'SCT', 'SGDDT', 'SXD', 'STP', 'TTT', 'CAT'];
    const outcomes = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      const [snv] = await json(await api('/submissions?unit=SNV&period=2024-H1', { token: dic }));
      const racers = units.slice(round % 4, (round % 4) + 3);
      // The close starts a little later each round, so that it lands before, among and after the filings.
      const [closing, review, ...filings] = await Promise.all([
        new Promise((resolve) => setTimeout(resolve, round * 6)).then(close),
        api(`/submissions/${snv.id}/review`, { token: dic, json: { decision: round % 2 ? 'accept' : 'return', comment: `lần ${round}`, revision: snv.revision } }),
        ...racers.map((u) => file(u, `r${round}`)),
      ]);
      expect((closing as Response).status).toBe(201);
      for (const r of [review, ...filings]) {
        outcomes.set(String(r.status), (outcomes.get(String(r.status)) ?? 0) + 1);
        if (r.status !== 201) expect(REFUSED).toContain((await json(r)).code);
      }
      const closed = await expectClosedIsLive();
      const bm03 = closed.consolidations.find((c) => c.template.id === 'BM03')!;
      for (const [i, r] of filings.entries()) {
        const line = bm03.units.find((u) => u.code === racers[i])!;
        if (r.status === 201) expect(line.submission?.revision).toBe((await json(r)).revision);
      }
      expect((await reopen()).status).toBe(201);
    }
    // Both outcomes happen over the rounds is likely but not certain; what matters is checked each round.
    expect([...outcomes.keys()].every((s) => s === '201' || s === '409')).toBe(true);
  });

  it('a registry change racing a close is in the closed files or refused', async () => {
    // A department that files nothing here, so that only the close can stand in the rename's way.
    const svh = DEMO_REGISTRY.find((u) => u.code === 'SVHTTDL')!;
    const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let round = 0; round < 6; round++) {
      const csv = unitsToCsv([{ ...svh, name: `Sở Văn hóa, Thể thao và Du lịch (${round})` }]);
      const importing = () => api('/units', { method: 'PUT', token: dic, body: csv, headers: { 'content-type': 'text/csv' } });
      // Each goes first in turn, by a little more each round.
      const lead = Math.floor(round / 2) * 4;
      const [closing, imported] = await Promise.all([after(round % 2 ? lead : 0).then(close), after(round % 2 ? 0 : lead).then(importing)]);
      expect((closing as Response).status).toBe(201);
      expect([200, 409]).toContain(imported.status);
      if (imported.status === 409) expect(REFUSED).toContain((await json(imported)).code);
      const closed = await expectClosedIsLive();
      const line = closed.consolidations.find((c) => c.template.id === 'BM03')!.units.find((u) => u.code === 'SVHTTDL')!;
      if (imported.status === 200) expect(line.name).toBe(`Sở Văn hóa, Thể thao và Du lịch (${round})`);
      expect((await reopen()).status).toBe(201);
    }
  });

  it('two closes racing: one closes, the other is told so; two reopens racing: one reopens', async () => {
    const before = (await json(await api('/periods/2024-H1', { token: dic }))).versions.length;
    const answers = await Promise.all([close(), close(), close()]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of answers.filter((r) => r.status === 409)) expect(REFUSED).toContain((await json(r)).code);
    const state = await json(await api('/periods/2024-H1', { token: dic }));
    expect(state.versions.map((v: { version: number }) => v.version)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    expect(state.closed).toBe(true);

    const reopens = await Promise.all([reopen(), reopen()]);
    expect(reopens.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = await json(await api('/periods/2024-H1', { token: dic }));
    expect(after.closed).toBe(false);
    expect(after.versions.filter((v: { reopened: unknown }) => v.reopened === null)).toEqual([]);
  });
});

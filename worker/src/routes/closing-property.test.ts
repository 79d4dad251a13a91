/**
 * A property of closing, in workerd on a real D1: any sequence of registry imports, retractions, filings
 * and reviews either is refused or leaves every closed period byte-identical, its files as served and its
 * figures as the live consolidation now computes them.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PeriodConsolidationSchema, UnitSchema } from '../../../shared/api/schemas';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEPARTMENTS } from '../../../shared/demo/registry';
import { unitsToCsv } from '../../../shared/registry/units-csv';
import type { Unit } from '../../../shared/registry/units';
import { api, json, makeToken, seedUnits } from '../../test/helpers';
import { sha256Hex } from '../lib/crypto';
import { z } from 'zod';

let dic: string;
/** The closed periods and the hashes of their files as closed. */
const closedFiles = new Map<string, Record<'json' | 'xlsx' | 'docx', string>>();
const CLOSED = ['2024-H1', '2024'];
const PATHS = (period: string) => ({ json: `/consolidations/${period}`, xlsx: `/consolidations/${period}.xlsx`, docx: `/reports/${period}.docx` });

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
  for (const [unit, period] of [['SNV', '2024-H1'], ['STC', '2024-H1'], ['SYT', '2024'], ['SNV', '2024-Q3']] as const) {
    const r = await api('/submissions', { token: dic, json: demoSubmission('BM03', DEPARTMENTS.find((d) => d.code === unit)!, period) });
    expect(r.status).toBe(201);
  }
  for (const period of CLOSED) {
    const r = await api(`/periods/${period}/close`, { token: dic, json: {} });
    expect(r.status).toBe(201);
    const files = (await json(r)).files;
    closedFiles.set(period, { json: files.json.sha256, xlsx: files.xlsx.sha256, docx: files.docx.sha256 });
  }
});

const DAYS = ['2023-12-31', '2024-01-01', '2024-03-31', '2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01', '2025-06-30', '2026-01-01'];
const UNITS = ['SNV', 'STC', 'SYT', 'SCT', 'SGDDT', 'LAK', 'KPA', 'KPA-PHUOCAN', 'SMOI'];
const PERIODS = ['2024-H1', '2024', '2024-Q2', '2024-H2', '2025-H1'];

const operation = fc.oneof(
  // An import of one record: an existing one edited (name, end, start), or a new one.
  fc.record({
    kind: fc.constant('import' as const),
    unit: fc.constantFrom(...UNITS),
    edit: fc.constantFrom('name', 'validTo', 'validFrom', 'clearEnd'),
    day: fc.constantFrom(...DAYS),
  }),
  fc.record({ kind: fc.constant('retract' as const), unit: fc.constantFrom(...UNITS), which: fc.nat(3) }),
  fc.record({ kind: fc.constant('file' as const), unit: fc.constantFrom('SNV', 'STC', 'SYT', 'SCT', 'SGDDT'), period: fc.constantFrom(...PERIODS), salt: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('review' as const), which: fc.nat(20), accept: fc.boolean() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function registry(): Promise<Unit[]> {
  return z.array(UnitSchema).parse(await json(await api('/units', { token: dic })));
}

async function apply(op: Operation): Promise<Response> {
  if (op.kind === 'file') {
    return api('/submissions', { token: dic, json: demoSubmission('BM03', DEPARTMENTS.find((d) => d.code === op.unit)!, op.period, op.salt) });
  }
  if (op.kind === 'review') {
    const all = await json(await api('/submissions', { token: dic }));
    const target = all[op.which % all.length];
    return api(`/submissions/${target.id}/review`, { token: dic, json: { decision: op.accept ? 'accept' : 'return', comment: 'xem lại' } });
  }
  const records = (await registry()).filter((u) => u.code === op.unit);
  if (op.kind === 'retract') {
    const record = records[op.which % Math.max(1, records.length)];
    return api(`/units/${op.unit}/${record?.validFrom ?? '2024-01-01'}`, { method: 'DELETE', token: dic });
  }
  const base: Unit = records.at(-1) ?? { code: op.unit, name: `Đơn vị ${op.unit}`, kind: 'department', parent: null, coordinator: false, validFrom: op.day, validTo: null, successors: [], change: null };
  const edited: Unit =
    op.edit === 'name' ? { ...base, name: `${base.name} (${op.day})` }
    : op.edit === 'validTo' ? { ...base, validTo: op.day >= base.validFrom ? op.day : base.validFrom }
    : op.edit === 'clearEnd' ? { ...base, validTo: null, successors: [], change: null }
    : { ...base, validFrom: op.day, validTo: base.validTo !== null && base.validTo < op.day ? null : base.validTo };
  return api('/units', { method: 'PUT', token: dic, body: unitsToCsv([edited]), headers: { 'content-type': 'text/csv' } });
}

describe('closed periods under any sequence of changes', () => {
  it('every change is refused or leaves each closed period byte-identical, and its live figures equal the closed ones', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const op of ops) {
          const r = await apply(op);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          expect(r.status, `${JSON.stringify(op)} → ${await r.clone().text()}`).toBeLessThan(500);
        }
        for (const period of CLOSED) {
          const paths = PATHS(period);
          for (const kind of ['json', 'xlsx', 'docx'] as const) {
            const served = new Uint8Array(await (await api(paths[kind], { token: dic })).arrayBuffer());
            expect(await sha256Hex(served), `${period} ${kind}`).toBe(closedFiles.get(period)![kind]);
          }
          const closed = PeriodConsolidationSchema.parse(await json(await api(paths.json, { token: dic })));
          const live = PeriodConsolidationSchema.parse(await json(await api(`${paths.json}?live=true`, { token: dic })));
          expect(live.consolidations, period).toEqual(closed.consolidations);
        }
      }),
      { numRuns: 25 },
    );
    // The sequences did reach the database: some changes were accepted, some refused because of a closed period.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(409) ?? 0).toBeGreaterThan(0);
  });
});

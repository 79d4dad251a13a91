/**
 * What a filing reads of the registry: the unit's records and those naming it among their successors,
 * found by index (migration 0015), so a filing reads as many rows in a registry of 300 records as in
 * one of 30.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoRecord } from '../../../shared/demo/registry';
import { parsePeriod } from '../../../shared/periods';
import type { Unit } from '../../../shared/registry/units';
import { loadComparison, loadIntake } from './intake';
import { meteredDatabase, newTally } from './meter';
import { coordinatorRecordsOn, unitsDuring, upsertUnitStatement } from './units';

const ENDED = '2025-06-30';
const record = (code: string, extra: Partial<Unit> = {}) => demoRecord({ code, name: `Xã ${code}`, kind: 'commune', parent: null }, extra);
const ended = (code: string, successors: string[], change: Unit['change']) => record(code, { validTo: ENDED, successors, change });

const LINEAGE_OF_HOAPHU: Unit[] = [
  record('HOAPHU', { validFrom: '2025-07-01' }),
  ended('CUMGAR', ['HOAPHU'], 'merge'),
  ended('EAKAO', ['HOAPHU'], 'merge'),
  // A split names several successors; HOAPHU is among them, last or first.
  ended('KRONGA', ['EATU', 'HOAPHU'], 'split'),
  ended('KRONGB', ['HOAPHU', 'EATU'], 'split'),
];
const NOT_ITS_LINEAGE: Unit[] = [
  // Codes that only contain or extend HOAPHU's, alone or among several successors.
  ended('DRAYSAP', ['HOAPHU2'], 'merge'),
  ended('EANAM', ['XHOAPHU'], 'rename'),
  ended('EABHOK', ['HOAPHU2', 'EATU'], 'split'),
  record('HOAPHU2', { validFrom: '2025-07-01' }),
  record('EATU', { validFrom: '2025-07-01' }),
];

async function seed(units: readonly Unit[]): Promise<void> {
  const now = new Date().toISOString();
  await env.DB.batch(units.map((u) => upsertUnitStatement(env.DB, u, now)));
}

const unrelated = (from: number, count: number) => Array.from({ length: count }, (_, i) => record(`XA${String(from + i).padStart(4, '0')}`));

const q = (db: D1Database) =>
  loadIntake(db, { unit: 'HOAPHU', template: 'BM03', period: parsePeriod('2025')!, previous: parsePeriod('2024')!, keyOwner: 'tok_none' });

beforeAll(async () => {
  await seed([...LINEAGE_OF_HOAPHU, ...NOT_ITS_LINEAGE, ...unrelated(0, 30)]);
});

describe("a filing's registry reads", () => {
  it("are the unit's own records and every record naming it among its successors, and no other", async () => {
    const intake = await q(env.DB);
    expect(intake.unit?.code).toBe('HOAPHU');
    expect(intake.records.map((u) => u.code)).toEqual(['HOAPHU']);
    expect(intake.predecessors.sort()).toEqual(['CUMGAR', 'EAKAO', 'KRONGA', 'KRONGB']);
    // The split among its predecessors: no comparison, and why.
    expect(intake).toMatchObject({ previous: null, incomparable: ['CUMGAR', 'EAKAO', 'KRONGA', 'KRONGB'], reason: 'split' });
    const comparison = await loadComparison(env.DB, { unit: 'HOAPHU', template: 'BM03', period: parsePeriod('2025')!, previous: parsePeriod('2024')! });
    expect(comparison).toMatchObject({ unitExists: true, incomparable: ['CUMGAR', 'EAKAO', 'KRONGA', 'KRONGB'], reason: 'split' });
  });

  it('read as many rows in a registry ten times larger', async () => {
    const small = newTally();
    await q(meteredDatabase(env.DB, small));
    await seed(unrelated(30, 300));
    const large = newTally();
    await q(meteredDatabase(env.DB, large));
    expect(large.read).toBe(small.read);
    // The lineage itself: the unit's record and the four naming it, give or take the index entries read past them.
    const lineage = large.statements.find((s) => s.sql.includes('FROM units'))!;
    expect(lineage.read).toBeLessThan(20);
    // The period's lock is read in the same round trip.
    expect(large.statements.some((s) => s.sql.includes('FROM period_locks'))).toBe(true);
  });
});

describe('the issuer of a drafted file', () => {
  it("is read among the coordinator's records: the same ones, in the same order, as in the whole registry", async () => {
    await seed([
      demoRecord({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'department', coordinator: true }, { validTo: '2025-02-28' }),
      demoRecord({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', kind: 'department', coordinator: true }, { validFrom: '2025-03-01' }),
      demoRecord({ code: 'SPY', name: 'Sở của tỉnh khác', kind: 'department', coordinator: true }, { province: 'Phú Yên' }),
    ]);
    for (const day of ['2024-12-31', '2025-02-28', '2025-03-01', '2026-06-01']) {
      const everyone = (await unitsDuring(env.DB, day, day)).filter((u) => u.coordinator);
      expect(await coordinatorRecordsOn(env.DB, day)).toEqual(everyone);
    }
    expect((await coordinatorRecordsOn(env.DB, '2025-02-28')).map((u) => u.code)).toEqual(['STTTT']);
    const tally = newTally();
    await coordinatorRecordsOn(meteredDatabase(env.DB, tally), '2026-06-01');
    expect(tally.read).toBeLessThan(10);
  });
});

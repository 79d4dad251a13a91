import { describe, expect, it } from 'vitest';
import type { Unit } from '../registry/units';
import { demoRecord } from '../demo/registry';
import { parsePeriod } from '../periods';
import { getTemplate } from '../templates';
import { consolidate, type SubmittedReport } from './consolidate';
import { diffConsolidation, diffPeriod } from './diff';

const unit = (code: string, kind: Unit['kind'], extra: Partial<Unit> = {}): Unit => demoRecord({ code, name: `Đơn vị ${code}`, kind }, extra);
const H1 = parsePeriod('2024-H1')!;
const BM03 = getTemplate('BM03')!;
const BM04 = getTemplate('BM04')!;

const report = (code: string, values: Record<string, number>, revision = 1): SubmittedReport => ({
  unit: code,
  submissionId: `sub_${code}`,
  revision,
  receivedAt: '2024-06-20T03:00:00Z',
  firstReceivedAt: '2024-06-20T03:00:00Z',
  status: 'received',
  values,
  warnings: [],
});

const REGISTRY = [unit('STTTT', 'department', { coordinator: true }), unit('SYT', 'department'), unit('SGD', 'department')];

describe('diffConsolidation', () => {
  it('lists each cell that differs, per unit and in the total, and nothing else', () => {
    const before = consolidate(BM03, H1, REGISTRY, [report('STTTT', { 'HS01.KQ': 10, 'HS02.KQ': 5 }), report('SYT', { 'HS01.KQ': 3 })]);
    const after = consolidate(BM03, H1, REGISTRY, [report('STTTT', { 'HS01.KQ': 12, 'HS02.KQ': 5 }, 2), report('SYT', { 'HS01.KQ': 3 })]);
    const changes = diffConsolidation('BM03', before, after);
    // Only the unit that refiled changed: its figure, and what its line derives from it.
    expect(changes.units.map((u) => u.unit)).toEqual(['STTTT']);
    expect(changes.units[0]!.cells).toContainEqual({ ref: 'HS01.KQ', before: 10, after: 12 });
    expect(changes.units[0]!.cells.find((c) => c.ref === 'HS02.KQ')).toBeUndefined();
    expect(changes.total).toContainEqual({ ref: 'HS01.KQ', before: 13, after: 15 });
    expect(changes.total.find((c) => c.ref === 'HS02.KQ')).toBeUndefined();
    expect(changes.missing).toEqual({ added: [], removed: [] });
  });

  it('names units that came into or left the expected and missing lists, and cells that became blank', () => {
    const before = consolidate(BM03, H1, REGISTRY, [report('STTTT', { 'HS01.KQ': 10 }), report('SYT', { 'HS01.KQ': 3 })]);
    const later = [...REGISTRY.filter((u) => u.code !== 'SGD'), unit('SNN', 'department')];
    const after = consolidate(BM03, H1, later, [report('STTTT', { 'HS01.KQ': 10 }), report('SGD', { 'HS01.KQ': 1 })]);
    const changes = diffConsolidation('BM03', before, after);
    expect(changes.expected).toEqual({ added: ['SNN'], removed: ['SGD'] });
    expect(changes.missing).toEqual({ added: ['SNN', 'SYT'], removed: ['SGD'] });
    expect(changes.units.find((u) => u.unit === 'SYT')!.cells).toContainEqual({ ref: 'HS01.KQ', before: 3, after: null });
  });

  it('says nothing changed between identical versions, and treats a template only one version has as empty', () => {
    const one = consolidate(BM03, H1, REGISTRY, [report('STTTT', { 'HS01.KQ': 10 })]);
    expect(diffConsolidation('BM03', one, structuredClone(one))).toEqual({ template: 'BM03', total: [], units: [], expected: { added: [], removed: [] }, missing: { added: [], removed: [] } });
    const bm04 = consolidate(BM04, H1, REGISTRY, []);
    const changes = diffPeriod([one], [one, bm04]);
    expect(changes.map((c) => c.template)).toEqual(['BM03', 'BM04']);
    expect(changes[1]!.expected.added).toEqual(['SGD', 'STTTT', 'SYT']);
  });
});

/** Completeness of a period across every template filed in it: one line per template, one per unit. */
import type { Unit } from '../registry/units';
import type { Period } from '../periods';
import { isFiledFor } from '../templates/filing';
import type { Template } from '../templates/schema';
import { expectedUnits, orderUnits, recordsAt } from './consolidate';
import type { PeriodStatusResult, ReviewStatus, UnitTemplateState } from './schema';

/** What the status needs of a unit's latest revision. */
export interface SubmissionState {
  unit: string;
  template: string;
  status: ReviewStatus;
  daysLate: number;
  warnings: number;
}

export function periodStatus(
  templates: readonly Template[],
  period: Period,
  registry: readonly Unit[],
  states: readonly SubmissionState[],
): PeriodStatusResult {
  const filed = templates.filter((t) => isFiledFor(t, period));
  const key = (unit: string, template: string) => `${unit}|${template}`;
  const byKey = new Map(states.map((s) => [key(s.unit, s.template), s]));
  const expectedBy = new Map(filed.map((t) => [t.id, expectedUnits(t, period, registry)]));

  const summary = filed.map((t) => {
    const expected = expectedBy.get(t.id)!;
    const submitted = expected.map((u) => byKey.get(key(u.code, t.id))).filter((s): s is SubmissionState => s !== undefined);
    const all = states.filter((s) => s.template === t.id);
    return {
      template: t.id,
      title: t.title,
      expected: expected.length,
      submitted: submitted.length,
      onTime: submitted.filter((s) => s.daysLate === 0).length,
      late: submitted.filter((s) => s.daysLate > 0).length,
      missing: expected.length - submitted.length,
      returned: all.filter((s) => s.status === 'returned').length,
      accepted: all.filter((s) => s.status === 'accepted').length,
      openWarnings: all.filter((s) => s.warnings > 0 && s.status !== 'accepted').length,
    };
  });

  const unitCodes = new Set([...expectedBy.values()].flat().map((u) => u.code));
  for (const s of states) unitCodes.add(s.unit);
  const units = orderUnits(recordsAt(registry, period.end, (code) => unitCodes.has(code))).map((u) => {
    const line: Record<string, UnitTemplateState> = {};
    for (const t of filed) {
      const s = byKey.get(key(u.code, t.id));
      const expected = expectedBy.get(t.id)!.some((e) => e.code === u.code);
      if (s) line[t.id] = s.status === 'received' && s.daysLate > 0 ? 'late' : s.status;
      else if (expected) line[t.id] = 'missing';
    }
    return { code: u.code, name: u.name, kind: u.kind, parent: u.parent, templates: line };
  });
  return { period: period.code, templates: summary, units };
}

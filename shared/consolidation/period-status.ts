/** Completeness of a period across every template filed in it: one line per template, one per unit. */
import type { Unit } from '../registry/units';
import type { Period } from '../periods';
import { isFiledFor } from '../templates/filing';
import type { Template } from '../templates/schema';
import { endedFilers, expectedUnits, orderUnits, recordsAt } from './consolidate';
import { coveringFilings, partOfPeriod } from './coverage';
import type { PeriodStatusResult, ReviewStatus, UnitTemplateState } from './schema';

/** What the status needs of a unit's latest revision. */
export interface SubmissionState {
  unit: string;
  template: string;
  status: ReviewStatus;
  daysLate: number;
  warnings: number;
  /** The filing says it includes the part of the period its unit's predecessors were in force. */
  coversPredecessors?: boolean;
}

/** A unit's filing of a shorter period inside this one: what may cover its part when it ended during it. */
export interface ShorterFilingKey {
  unit: string;
  template: string;
  period: string;
}

export function periodStatus(
  templates: readonly Template[],
  period: Period,
  registry: readonly Unit[],
  states: readonly SubmissionState[],
  /** Filings of shorter periods by units that ended during this one. */
  shorter: readonly ShorterFilingKey[] = [],
): PeriodStatusResult {
  const filed = templates.filter((t) => isFiledFor(t, period));
  const key = (unit: string, template: string) => `${unit}|${template}`;
  const byKey = new Map(states.map((s) => [key(s.unit, s.template), s]));
  const expectedBy = new Map(filed.map((t) => [t.id, expectedUnits(t, period, registry)]));
  // A unit that ended during the period is covered by its shorter filings or a successor's that includes it, or misses its part.
  const partStates = new Map<string, 'covered' | 'missing_part'>();
  for (const t of filed) {
    const includers = new Set(states.filter((s) => s.template === t.id && s.coversPredecessors).map((s) => s.unit));
    for (const u of endedFilers(t, period, registry)) {
      if (byKey.has(key(u.code, t.id))) continue;
      const part = partOfPeriod(u.code, period, registry);
      const own = shorter.filter((f) => f.unit === u.code && f.template === t.id).map((f) => ({ ...f, submissionId: '', revision: 0, values: {} }));
      const included = u.successors.some((s) => includers.has(s));
      partStates.set(key(u.code, t.id), included || (part && coveringFilings(t, period, part, own)) ? 'covered' : 'missing_part');
    }
  }

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
      missingParts: [...partStates].filter(([k, v]) => v === 'missing_part' && k.endsWith(`|${t.id}`)).length,
    };
  });

  const unitCodes = new Set([...expectedBy.values()].flat().map((u) => u.code));
  for (const s of states) unitCodes.add(s.unit);
  for (const k of partStates.keys()) unitCodes.add(k.split('|')[0]!);
  const units = orderUnits(recordsAt(registry, period.end, (code) => unitCodes.has(code))).map((u) => {
    const line: Record<string, UnitTemplateState> = {};
    for (const t of filed) {
      const s = byKey.get(key(u.code, t.id));
      const expected = expectedBy.get(t.id)!.some((e) => e.code === u.code);
      const part = partStates.get(key(u.code, t.id));
      if (s) line[t.id] = s.status === 'received' && s.daysLate > 0 ? 'late' : s.status;
      else if (expected) line[t.id] = 'missing';
      else if (part) line[t.id] = part;
    }
    return { code: u.code, name: u.name, kind: u.kind, parent: u.parent, templates: line };
  });
  return { period: period.code, templates: summary, units };
}

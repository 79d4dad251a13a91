/**
 * Submissions → provincial tables, one pure function used by the JSON endpoint, the .xlsx
 * workbook and the add-in's consolidated sheets, so the three never disagree.
 *
 * The provincial total adds the units straight under the province: departments, districts while
 * there were districts, and communes and wards that report to the province (since 1 July 2025). A
 * district's figures include its communes; where a district left a cell blank (or did not submit),
 * the sum of its communes stands in for it. Each figure is added as its row says (total.ts): flows
 * over every unit's months, each counted once (coverage.ts); balances from the units in force at the
 * period's end; the catalogue once, from the body that keeps it. Ratios are recomputed from summed
 * numerators and denominators, never averaged. Only units of this province count: a unit that
 * joined in a province merger is absent from the periods before it joined. A unit that filed shows
 * as it was when it filed, so a past consolidation does not change when the registry does.
 */
import type { Unit } from '../registry/units';
import { sumDecimal } from '../numbers/decimal';
import { isMember, validOn } from '../registry/units';
import { catalogueKeeperOn, coordinatorOn } from '../registry/coordinator';
import type { Period } from '../periods';
import { templateCells } from '../templates/cells';
import { daysLateFor, expectedFilerDay, filesTemplate } from '../templates/filing';
import { lastDayIn } from '../registry/units';
import type { IndicatorTemplate, ListTemplate, Template } from '../templates/schema';
import type { Issue } from '../validation/issues';
import type { CatalogueLevels, Completeness, Consolidation, DistrictCheck, MissingPart, Overlap, ReviewStatus, UnitLine } from './schema';
import { addStatusCounts, countByStatus } from './status';
import { coveredFlows, coveringFilings, endedBefore, flowRefs, partOfPeriod, type PartFiling } from './coverage';
import { fractionOf, incompleteBreakdowns, provinceTotal, type TotalContext } from './total';

export { partOfPeriod } from './coverage';
export { SHARE_DECIMALS, provinceTotal, fractionOf, type TotalLine, type TotalContext } from './total';

/** The latest revision of one unit's submission, as the consolidation needs it. */
export interface SubmittedReport {
  unit: string;
  /** The unit as it was when it filed (name, kind and district), where the filing recorded it. */
  asFiled?: { name: string; kind: Unit['kind']; parent: string | null };
  submissionId: string;
  revision: number;
  receivedAt: string;
  firstReceivedAt: string;
  status: ReviewStatus;
  reviewComment?: string | null;
  values: Record<string, number | string>;
  rows?: Record<string, string>[];
  warnings: Issue[];
  /** The filing includes the part of the period its predecessors were in force (a successor that says so). */
  coversPredecessors?: boolean;
  /** The template version the filing was checked against, where its report says. */
  templateVersion?: string;
  /** Who filed this revision and who reviewed it last (the person, else the token's label), where known. */
  submitterName?: string | null;
  reviewerName?: string | null;
}

/** A filing of a shorter period inside the consolidated one, by a unit that ended during it. */
export type ShorterFiling = PartFiling & { unit: string };

/**
 * The units that must file `template` for `period`: of this province, valid at the period's end, of a
 * kind that files it then; for a template filed after its period (the DTI), those that file it on its deadline.
 */
export function expectedUnits(template: Template, period: Period, units: readonly Unit[]): Unit[] {
  const day = expectedFilerDay(template, period);
  return units.filter((u) => isMember(u) && validOn(u, day) && filesTemplate(template, u, day));
}

/** The last day whose registry the consolidation of `templates` for `period` reads: the period's end, or a later deadline. */
export function registryUntil(templates: readonly Template[], period: Period): string {
  return templates.map((t) => expectedFilerDay(t, period)).reduce((a, b) => (b > a ? b : a), period.end);
}

/**
 * Units of this province that ended during the period and filed the template on their last day in
 * it: never silently absent, whether they filed their part, a shorter filing covers it, or nothing does.
 */
export function endedFilers(template: Template, period: Period, units: readonly Unit[]): Unit[] {
  return endedDuring(period, units).filter((u) => filesTemplate(template, u, lastDayIn(u, period)));
}

/** The last records of the units of this province that ended during the period, before its last day. */
export function endedDuring(period: Period, units: readonly Unit[]): Unit[] {
  const last = new Map<string, Unit>();
  for (const u of units) if (isMember(u) && u.validTo !== null && u.validTo >= period.start && u.validTo < period.end) last.set(u.code, u);
  return [...last.values()].filter((u) => !units.some((o) => o.code === u.code && validOn(o, period.end)));
}

/**
 * One registry record for each unit wanted, in registry order: a unit renamed or moved during the
 * period has several, and the one in force on `day` (the period's end) is the one shown.
 */
export function recordsAt(registry: readonly Unit[], day: string, wanted: (code: string) => boolean): Unit[] {
  const chosen = new Map<string, Unit>();
  for (const u of registry) {
    if (!wanted(u.code) || !isMember(u)) continue;
    if (!chosen.has(u.code) || validOn(u, day)) chosen.set(u.code, u);
  }
  return [...chosen.values()];
}

/** Departments first, then each district followed by its communes, in registry order. */
export function orderUnits<U extends Pick<Unit, 'code' | 'kind' | 'parent'>>(units: readonly U[]): U[] {
  const departments = units.filter((u) => u.kind === 'department');
  const districts = units.filter((u) => u.kind === 'district');
  const communes = units.filter((u) => u.kind === 'commune');
  const out: U[] = [...departments];
  for (const d of districts) out.push(d, ...communes.filter((c) => c.parent === d.code));
  const placed = new Set(out.map((u) => u.code));
  out.push(...communes.filter((c) => !placed.has(c.code)));
  return out;
}

/** The member units whose filing the consolidation reads: no filing of a unit of another province counts. */
function memberCodes(registry: readonly Unit[], period: Period): Set<string> {
  return new Set(registry.filter((u) => isMember(u) && u.validFrom <= period.end && (u.validTo === null || u.validTo >= period.start)).map((u) => u.code));
}

export function consolidate(
  template: Template,
  period: Period,
  registry: readonly Unit[],
  submissions: readonly SubmittedReport[],
  /** Filings of shorter periods inside this one by units that ended during it (coverage.ts). */
  shorter: readonly ShorterFiling[] = [],
): Consolidation {
  const members = memberCodes(registry, period);
  // A filing of a unit the registry holds only as another province's is never counted; one the registry no longer holds shows as filed.
  const known = new Set(registry.map((u) => u.code));
  const filed = submissions.filter((s) => members.has(s.unit) || !known.has(s.unit));
  const expected = new Set(expectedUnits(template, period, registry).map((u) => u.code));
  const ended = new Set(endedFilers(template, period, registry).map((u) => u.code));
  const byUnit = new Map(filed.map((s) => [s.unit, s]));
  // A unit appears when it is expected, has submitted, or ended during the period as a filer.
  const records = recordsAt(registry, period.end, (code) => expected.has(code) || byUnit.has(code) || ended.has(code));
  const recorded = new Set(records.map((u) => u.code));
  const shown = [
    ...records.map((u) => ({ ...u, ...byUnit.get(u.code)?.asFiled })),
    // A unit filed for that has left the registry since: as it filed.
    ...filed.filter((s) => !recorded.has(s.unit) && s.asFiled).map((s) => ({ code: s.unit, ...s.asFiled! })),
  ];
  const units = orderUnits(shown);

  // A successor whose filing includes its predecessors' part: theirs is counted there.
  const includedBy = new Map<string, string>();
  for (const s of filed) {
    if (!s.coversPredecessors) continue;
    for (const p of registry) if (p.successors.includes(s.unit) && ended.has(p.code)) includedBy.set(p.code, s.unit);
  }

  const overlaps: Overlap[] = [];
  const lines: UnitLine[] = units.map((u) => {
    const s = byUnit.get(u.code);
    // A filing stored under another version than the period's (before the period's version was dated)
    // stays as filed, but its figures are never read against this version's rows.
    const otherVersion = s?.templateVersion !== undefined && s.templateVersion !== template.version ? s.templateVersion : undefined;
    const part = partOfPeriod(u.code, period, registry);
    const successor = includedBy.get(u.code);
    const line: UnitLine = {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent: u.parent,
      expected: expected.has(u.code),
      ...(part && (s || ended.has(u.code)) ? { partOfPeriod: part } : {}),
      ...(s?.coversPredecessors ? { coversPredecessors: true } : {}),
      submission: s
        ? {
            id: s.submissionId,
            revision: s.revision,
            receivedAt: s.receivedAt,
            firstReceivedAt: s.firstReceivedAt,
            daysLate: daysLateFor(template, period, s.firstReceivedAt),
            status: s.status,
            reviewComment: s.reviewComment ?? null,
            warnings: s.warnings.length,
            ...(otherVersion ? { otherVersion } : {}),
            ...(s.submitterName !== undefined ? { submitterName: s.submitterName } : {}),
            ...(s.reviewerName !== undefined ? { reviewerName: s.reviewerName } : {}),
          }
        : null,
      values: s && !otherVersion ? unitValues(template, s.values) : {},
    };
    if (template.kind === 'list' && s) line.statusCounts = countByStatus(template, s.rows ?? []);
    if (template.kind !== 'indicator' || !ended.has(u.code) || !part) return line;
    if (successor) {
      // Counted once, in the successor's filing; a part filed here too is shown, not added.
      const doubled = flowRefs(template, line.values);
      if (doubled.length > 0) overlaps.push({ unit: u.code, successor, cells: doubled });
      for (const ref of doubled) delete line.values[ref];
      line.source = { kind: 'successor', successor };
    } else if (!s) {
      const own = shorter.filter((f) => f.unit === u.code);
      const covering = coveringFilings(template, period, part, own);
      if (covering) {
        line.values = unitValues(template, coveredFlows(template, covering));
        line.source = { kind: 'shorter_periods', periods: covering.map((f) => f.period), submissions: covering.map((f) => ({ id: f.submissionId, revision: f.revision })) };
      } else line.source = { kind: 'missing' };
    }
    return line;
  });

  const keeper = catalogueKeeperOn(registry, period.end);
  const context: TotalContext = { catalogueKeeper: keeper?.code ?? null };
  const hasCatalogue = template.kind === 'indicator' && template.rows.some((r) => r.aggregation === 'catalogue');
  const totalLines = lines.map((l) => ({ ...l, atEnd: !endedBefore(l.partOfPeriod, period) }));
  // The lines the total counts: filings of the period, and ended units' parts covered by shorter ones.
  const counted = totalLines.filter((l) => l.submission || l.source?.kind === 'shorter_periods');
  const total = template.kind === 'indicator' ? { values: provinceTotal(template, counted, context) } : listTotal(template, lines);
  return {
    template: { id: template.id, version: template.version, title: template.title, kind: template.kind },
    period: period.code,
    units: lines,
    total,
    districtChecks: template.kind === 'indicator' ? districtChecks(template, lines, expected) : [],
    overlaps,
    breakdowns: template.kind === 'indicator' ? incompleteBreakdowns(template, counted, context) : [],
    catalogue: hasCatalogue ? { keeper, filed: keeper !== null && byUnit.has(keeper.code), levels: catalogueLevels(template as IndicatorTemplate, total.values) } : null,
    completeness: completeness(lines, filed),
    structure: { districts: lines.some((l) => l.kind === 'district'), coordinator: coordinatorOn(registry, period.end) },
  };
}

/** The province's catalogue by level, from the provincial total (the keeper's figures): one entry per level row of the version. */
function catalogueLevels(template: IndicatorTemplate, values: Record<string, number | string | null>): CatalogueLevels {
  return template.rows
    .filter((row) => row.catalogueLevel)
    .map((row) => {
      const value = values[`${row.code}.KQ`];
      return { level: row.catalogueLevel!, row: row.code, value: typeof value === 'number' ? value : null };
    });
}

/** A unit's figures, with shares it left to the formulas computed from its own cells. */
function unitValues(template: Template, filed: Record<string, number | string>): Record<string, number | string> {
  if (template.kind !== 'indicator') return {};
  const values = { ...filed };
  for (const row of template.rows) {
    const ref = `${row.code}.KQ`;
    if (values[ref] !== undefined) continue;
    const fraction = fractionOf(template, row.code, values);
    if (fraction !== undefined) values[ref] = fraction;
  }
  return values;
}

function listTotal(template: ListTemplate, lines: readonly UnitLine[]) {
  const counted = lines.filter((l) => l.statusCounts && !(l.kind === 'commune' && lines.some((d) => d.code === l.parent)));
  return { values: {}, statusCounts: addStatusCounts(template, counted.map((l) => l.statusCounts!)) };
}

function districtChecks(template: IndicatorTemplate, lines: readonly UnitLine[], expected: ReadonlySet<string>): DistrictCheck[] {
  const checks: DistrictCheck[] = [];
  const summable = [...templateCells(template).values()].filter((c) => {
    const rule = c.column.consolidate === 'row' ? c.row.consolidate : c.column.consolidate;
    return rule === 'sum' && !c.column.derived;
  });
  for (const district of lines.filter((l) => l.kind === 'district' && l.submission)) {
    const communes = lines.filter((l) => l.parent === district.code);
    const complete = communes.filter((c) => c.expected).every((c) => c.submission);
    for (const cell of summable) {
      const own = district.values[cell.ref];
      const parts = communes.map((c) => c.values[cell.ref]).filter((v): v is number => typeof v === 'number');
      if (typeof own !== 'number' || parts.length === 0) continue;
      const sum = sumDecimal(parts);
      if (Math.abs(sum - own) > 1e-9 * Math.max(1, Math.abs(own))) {
        checks.push({ district: district.code, ref: cell.ref, districtValue: own, communesSum: sum, communes: parts.length, complete });
      }
    }
  }
  return checks;
}

function completeness(lines: readonly UnitLine[], submissions: readonly SubmittedReport[]): Completeness {
  const expectedLines = lines.filter((l) => l.expected);
  const submittedExpected = expectedLines.filter((l) => l.submission);
  const byKind: Completeness['byKind'] = {
    department: { expected: 0, submitted: 0 },
    district: { expected: 0, submitted: 0 },
    commune: { expected: 0, submitted: 0 },
  };
  for (const l of expectedLines) {
    byKind[l.kind].expected++;
    if (l.submission) byKind[l.kind].submitted++;
  }
  const districts = lines.filter((l) => l.kind === 'district');
  const byDistrict = districts.map((d) => {
    const own = expectedLines.filter((l) => l.code === d.code || l.parent === d.code);
    return { district: d.code, expected: own.length, submitted: own.filter((l) => l.submission).length };
  });
  const late = lines
    .filter((l) => l.submission && l.submission.daysLate > 0)
    .map((l) => ({ unit: l.code, daysLate: l.submission!.daysLate }));
  const bySubmission = new Map(submissions.map((s) => [s.unit, s]));
  const openWarnings = lines
    .filter((l) => l.submission && l.submission.status !== 'accepted')
    .flatMap((l) =>
      (bySubmission.get(l.code)?.warnings ?? []).map((w) => ({
        unit: l.code,
        code: w.code,
        cells: w.cells,
        message: w.message,
        note: w.note ?? null,
      })),
    );
  return {
    expected: expectedLines.length,
    submitted: submittedExpected.length,
    onTime: submittedExpected.filter((l) => l.submission!.daysLate === 0).length,
    missing: expectedLines.filter((l) => !l.submission).map((l) => l.code),
    late,
    returned: lines.filter((l) => l.submission?.status === 'returned').map((l) => l.code),
    accepted: lines.filter((l) => l.submission?.status === 'accepted').map((l) => l.code),
    openWarnings,
    // A unit in force for part of the period files its part: it is not unexpected.
    unexpected: lines.filter((l) => !l.expected && !l.partOfPeriod && l.submission).map((l) => l.code),
    missingParts: lines.filter((l) => l.source?.kind === 'missing' && l.partOfPeriod).map((l): MissingPart => ({ unit: l.code, ...l.partOfPeriod! })),
    coveredParts: lines.flatMap((l) => (l.source?.kind === 'shorter_periods' && l.partOfPeriod ? [{ unit: l.code, ...l.partOfPeriod, periods: l.source.periods }] : [])),
    byKind,
    byDistrict,
  };
}

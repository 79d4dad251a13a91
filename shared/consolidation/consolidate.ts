/**
 * Submissions → provincial tables, one pure function used by the JSON endpoint, the .xlsx
 * workbook and the add-in's consolidated sheets, so the three never disagree.
 *
 * The provincial total adds the units straight under the province: departments, districts while
 * there were districts, and communes and wards that report to the province (since 1 July 2025). A
 * district's figures include its communes; where a district left a cell blank (or did not submit),
 * the sum of its communes stands in for it. Ratios are recomputed from summed numerators and
 * denominators, never averaged. A unit that filed shows as it was when it filed, so a past
 * consolidation does not change when the registry does; a unit in force for part of the period
 * files its part, which is counted once and marked.
 */
import type { Unit } from '../registry/units';
import { validDuring, validOn } from '../registry/units';
import { coordinatorOn } from '../registry/coordinator';
import { roundTo, sumDecimal } from '../numbers/decimal';
import type { Period } from '../periods';
import { templateCells } from '../templates/cells';
import { daysLateFor, expectedFilerDay, filesTemplate } from '../templates/filing';
import type { IndicatorTemplate, ListTemplate, Template } from '../templates/schema';
import type { Issue } from '../validation/issues';
import type { Completeness, Consolidation, DistrictCheck, OpenWarning, ReviewStatus, StatusCounts, UnitLine } from './schema';
import { addStatusCounts, countByStatus } from './status';

/** Recomputed shares keep eight decimals of a percentage. */
export const SHARE_DECIMALS = 8;

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
  /** The template version the filing was checked against, where its report says. */
  templateVersion?: string;
}

/**
 * The units that must file `template` for `period`: valid at the period's end, of a kind that files it
 * then; for a template filed after its period (the DTI), those that file it on its deadline.
 */
export function expectedUnits(template: Template, period: Period, units: readonly Unit[]): Unit[] {
  const day = expectedFilerDay(template, period);
  return units.filter((u) => validOn(u, day) && filesTemplate(template, u, day));
}

/** The last day whose registry the consolidation of `templates` for `period` reads: the period's end, or a later deadline. */
export function registryUntil(templates: readonly Template[], period: Period): string {
  return templates.map((t) => expectedFilerDay(t, period)).reduce((a, b) => (b > a ? b : a), period.end);
}

/** The part of the period a unit was in force, when it was not in force for the whole of it. */
export function partOfPeriod(code: string, period: Period, registry: readonly Unit[]): { from: string; to: string } | undefined {
  const records = registry.filter((u) => u.code === code && validDuring(u, period.start, period.end));
  if (records.length === 0) return undefined;
  const from = records.reduce((m, r) => (r.validFrom > m ? m : r.validFrom), records[0]!.validFrom);
  const to = records.reduce((m, r) => (r.validTo === null || (m !== null && r.validTo > m) ? r.validTo : m), records[0]!.validTo as string | null);
  const start = from > period.start ? from : period.start;
  const end = to === null || to > period.end ? period.end : to;
  return start === period.start && end === period.end ? undefined : { from: start, to: end };
}

/**
 * One registry record for each unit wanted, in registry order: a unit renamed or moved during the
 * period has several, and the one in force on `day` (the period's end) is the one shown.
 */
export function recordsAt(registry: readonly Unit[], day: string, wanted: (code: string) => boolean): Unit[] {
  const chosen = new Map<string, Unit>();
  for (const u of registry) {
    if (!wanted(u.code)) continue;
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

export function consolidate(
  template: Template,
  period: Period,
  registry: readonly Unit[],
  submissions: readonly SubmittedReport[],
): Consolidation {
  const expected = new Set(expectedUnits(template, period, registry).map((u) => u.code));
  const byUnit = new Map(submissions.map((s) => [s.unit, s]));
  // A unit appears when it is expected or has submitted: as it filed, or else as the registry has it at the period's end.
  const records = recordsAt(registry, period.end, (code) => expected.has(code) || byUnit.has(code));
  const known = new Set(records.map((u) => u.code));
  const shown = [
    ...records.map((u) => ({ ...u, ...byUnit.get(u.code)?.asFiled })),
    // A unit filed for that has left the registry since: as it filed.
    ...submissions.filter((s) => !known.has(s.unit) && s.asFiled).map((s) => ({ code: s.unit, ...s.asFiled! })),
  ];
  const units = orderUnits(shown);

  const lines: UnitLine[] = units.map((u) => {
    const s = byUnit.get(u.code);
    // A filing stored under another version than the period's (before the period's version was dated)
    // stays as filed, but its figures are never read against this version's rows.
    const otherVersion = s?.templateVersion !== undefined && s.templateVersion !== template.version ? s.templateVersion : undefined;
    const part = s ? partOfPeriod(u.code, period, registry) : undefined;
    const line: UnitLine = {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent: u.parent,
      expected: expected.has(u.code),
      ...(part ? { partOfPeriod: part } : {}),
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
          }
        : null,
      values: s && !otherVersion ? unitValues(template, s) : {},
    };
    if (template.kind === 'list' && s) line.statusCounts = countByStatus(template, s.rows ?? []);
    return line;
  });

  const total =
    template.kind === 'indicator' ? { values: provinceTotal(template, lines.filter((l) => l.submission)) } : listTotal(template, lines);
  return {
    template: { id: template.id, version: template.version, title: template.title, kind: template.kind },
    period: period.code,
    units: lines,
    total,
    districtChecks: template.kind === 'indicator' ? districtChecks(template, lines, expected) : [],
    completeness: completeness(lines, submissions),
    structure: { districts: lines.some((l) => l.kind === 'district'), coordinator: coordinatorOn(registry, period.end) },
  };
}

/** A unit's figures, with shares it left to the formulas computed from its own cells. */
function unitValues(template: Template, s: SubmittedReport): Record<string, number | string> {
  if (template.kind !== 'indicator') return {};
  const values = { ...s.values };
  for (const row of template.rows) {
    const ref = `${row.code}.KQ`;
    if (values[ref] !== undefined) continue;
    const fraction = fractionOf(template, row.code, values);
    if (fraction !== undefined) values[ref] = fraction;
  }
  return values;
}

/** The share a row computes from its numerator and denominator, where both are there. */
function fractionOf(template: IndicatorTemplate, code: string, values: Record<string, number | string | null>): number | undefined {
  const row = template.rows.find((r) => r.code === code);
  if (!row) return undefined;
  const parts =
    row.consolidate === 'ratio'
      ? { numerator: [`${code}.TS`], denominator: `${code}.MS` }
      : row.consolidate === 'share' && row.share
        ? row.share
        : undefined;
  if (!parts) return undefined;
  const numerator = parts.numerator.map((r) => values[r]);
  const denominator = values[parts.denominator];
  if (numerator.some((n) => typeof n !== 'number') || typeof denominator !== 'number' || denominator === 0) return undefined;
  // Eight decimals of a percentage: far beyond any report, and the same digits in JSON and in a sheet.
  return roundTo((sumDecimal(numerator as number[]) / denominator) * 100, SHARE_DECIMALS);
}

/** What the provincial total is made of: each filed unit, where it sits, and its figures. */
export type TotalLine = Pick<UnitLine, 'code' | 'kind' | 'parent' | 'values'>;

/** What a top-level unit contributes to a cell: its own figure, or its communes' sum where it has none. */
function contributions(lines: readonly TotalLine[], ref: string): number[] {
  const out: number[] = [];
  for (const line of lines) {
    if (line.kind === 'commune' && line.parent && lines.some((l) => l.code === line.parent)) continue;
    const own = line.values[ref];
    if (typeof own === 'number') {
      out.push(own);
      continue;
    }
    if (line.kind === 'district') {
      const communes = lines.filter((l) => l.parent === line.code).map((l) => l.values[ref]).filter((v): v is number => typeof v === 'number');
      if (communes.length > 0) out.push(sumDecimal(communes));
    }
  }
  return out;
}

/**
 * The provincial total of the filed units' figures: sums of departments, districts (their communes
 * standing in where a district has no figure) and communes under the province; shares and ratios
 * from the summed parts. The consolidation and the auditor's check of a sheet compute it the same way.
 */
export function provinceTotal(template: IndicatorTemplate, submitted: readonly TotalLine[]): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = {};
  const cells = templateCells(template);
  for (const [ref, info] of cells) {
    const column = info.column;
    const rule = column.consolidate === 'row' ? info.row.consolidate : column.consolidate;
    if (column.derived || rule === 'none' || rule === 'list' || rule === 'ratio' || rule === 'share') continue;
    if (rule === 'sum') {
      const parts = contributions(submitted, ref);
      values[ref] = parts.length > 0 ? sumDecimal(parts) : null;
    } else if (rule === 'same') {
      const seen = [...new Set(submitted.map((l) => l.values[ref]).filter((v) => v !== undefined))];
      values[ref] = seen.length === 1 ? seen[0]! : null;
    }
  }
  // Ratios and shares come last: from the provincial numerators and denominators.
  for (const row of template.rows) {
    if (row.consolidate === 'ratio' || row.consolidate === 'share') {
      values[`${row.code}.KQ`] = fractionOf(template, row.code, values) ?? null;
    }
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
    byKind,
    byDistrict,
  };
}

/**
 * Demo reports for a local run, filed through the API like any client would: the seed periods
 * (2023, 2024-H1) as published, and the periods around today, so the pane has figures on any date.
 * Each period is filed by the units of its own structure, those that ended during it for their part.
 */
import { consolidate, endedDuring, type Consolidation } from '../../shared/consolidation';
import type { Submission } from '../../shared/submission';
import { validateSubmission } from '../../shared/validation';
import { demoSubmission, hashSeed } from '../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { seedPeriodFilings } from '../../shared/demo/seed-periods';
import { parsePeriod, periodBefore, periodContaining, periodsWithin, type Period, type PeriodKind } from '../../shared/periods';
import { isMember, lastDayIn, recordsOn, validDuring, type Unit } from '../../shared/registry';
import { filesTemplate, filingOpens, getTemplate, templateFor, templatesFor, unitDeadlineFor, versionOf } from '../../shared/templates';

/** Share of due reports a demo period holds: most of a past period, part of one still under way. */
const FILED_SHARE = { past: 0.85, current: 0.55 };

/**
 * The units that file for a period: those in force at its end. A unit that ended during it files
 * nothing for it (it is gone by the deadline): a merged department's part is in its successor's
 * filing, which says so, and an abolished district's in its filings of the shorter periods.
 */
function filersOf(period: Period): Unit[] {
  return recordsOn(DEMO_REGISTRY, period.end);
}

/** A department that took over another during the period reports for both, and says so. */
function coversPredecessors(unit: Unit, period: Period): boolean {
  // A department of another province that joined in the merger was not this province's part of the period.
  return unit.kind === 'department' && DEMO_REGISTRY.some((p) => isMember(p) && p.successors.includes(unit.code) && p.validTo !== null && p.validTo >= period.start && p.validTo < period.end);
}

/** Every due report of a period, less a stable pseudo-random few, so the dashboard has someone to chase. */
function periodReports(period: Period, today: string): Submission[] {
  const share = period.end < today ? FILED_SHARE.past : FILED_SHARE.current;
  const out: Submission[] = [];
  // Each template in its period's version; one filed after its period (the DTI) only once it can be.
  for (const template of templatesFor(period).filter((t) => filingOpens(t, period) <= today)) {
    for (const unit of filersOf(period)) {
      if (!filesTemplate(template, unit, lastDayIn(unit, period))) continue;
      if ((hashSeed(`${template.id}|${unit.code}|${period.code}`) % 100) / 100 >= share) continue;
      const submission = demoSubmission(template.id, unit, period.code);
      out.push(template.kind === 'indicator' && coversPredecessors(unit, period) ? { ...submission, coversPredecessors: true } : submission);
    }
  }
  return out;
}

/**
 * The seed periods as the province published them (shared/demo/seed-periods.ts): 2024-H1 from every
 * unit, adding up to 1.683 procedures, 99,57% on time, 770.509 documents and 1.163 teams; the 2023
 * budget of 409,8 tỷ đồng; and information security from most departments and districts.
 */
function seedReports(): Submission[] {
  const h1 = parsePeriod('2024-H1')!;
  const out = seedPeriodFilings(DEMO_REGISTRY);
  recordsOn(DEMO_REGISTRY, h1.end).forEach((unit, i) => {
    if (filesTemplate(getTemplate('BM05')!, unit, h1.end) && (i * 7 + 5) % 10 < 8) out.push(demoSubmission('BM05', unit, h1.code));
  });
  return out;
}

/** The period of each kind under way on `today`, and the one before it. */
export function periodsAround(today: string): Period[] {
  const kinds: PeriodKind[] = ['Q', 'H', 'Y'];
  const around = kinds.flatMap((kind) => {
    const current = periodContaining(kind, today);
    return [periodBefore(current), current];
  });
  // A year in which units ended (the 2025 reform) is covered for them by its halves: the demo files those too.
  const halves = around.filter((p) => p.kind === 'Y' && DEMO_REGISTRY.some((u) => u.validTo !== null && u.validTo >= p.start && u.validTo < p.end)).flatMap((p) => periodsWithin(p).filter((h) => h.kind === 'H' && h.end <= today));
  return [...around, ...halves.filter((h) => !around.some((p) => p.code === h.code))];
}

/** Every demo report, oldest period first, so each is compared with the one before it. */
export function demoSubmissions(today: string): Submission[] {
  const seeds = seedReports();
  const seeded = new Set(seeds.map((s) => s.period));
  const recent = periodsAround(today)
    .filter((p) => !seeded.has(p.code))
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))
    .flatMap((p) => periodReports(p, today));
  return [...seeds, ...recent];
}

/** Share of demo filings sent after their unit deadline, and how late at most. */
const LATE = { share: 0.1, maxDays: 10 };
/** How many days before the deadline an on-time filing may come. */
const EARLY_DAYS = 20;
const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * When a demo report was filed: within its period and before the unit deadline for most, a few days
 * after it for about one in ten, never after `today` (nor after `now` on `today`), during office
 * hours in Viet Nam. Stable for a report, so every run dates it alike.
 */
export function demoReceivedAt(submission: Submission, today: string, now = new Date()): string {
  const period = parsePeriod(submission.period ?? '')!;
  // A template filed after its year (the DTI, in the first quarter of the next) has its own window.
  const template = templateFor(submission.template ?? '', period)!;
  const opens = filingOpens(template, period);
  const deadline = unitDeadlineFor(template, period);
  const key = `${submission.template}|${submission.unit}|${period.code}`;
  const late = (hashSeed(`${key}|late`) % 1000) / 1000 < LATE.share;
  const offset = hashSeed(`${key}|day`);
  let day = late ? addDays(deadline, 1 + (offset % LATE.maxDays)) : addDays(deadline, -(offset % (EARLY_DAYS + 1)));
  // A period whose deadline is still ahead has its filings spread over the days up to today.
  if (day > today) day = addDays(today, -(offset % (EARLY_DAYS + 1)));
  if (day < opens) day = opens;
  const minutes = 8 * 60 + (hashSeed(`${key}|time`) % (9 * 60));
  const at = Date.parse(`${day}T00:00:00Z`) - 7 * 3_600_000 + minutes * 60_000;
  return new Date(Math.min(at, Math.max(now.getTime(), Date.parse(`${day}T00:00:00Z`) - 7 * 3_600_000))).toISOString();
}

/** Every demo report with the instant it is filed as of (`Chitieu-Today`), in filing order. */
export function demoFilings(today: string, now = new Date()): { submission: Submission; receivedAt: string }[] {
  return demoSubmissions(today).map((submission) => ({ submission, receivedAt: demoReceivedAt(submission, today, now) }));
}

/** The submission with a note on each row a warning names, as a clerk would explain them. */
export function explained(submission: Submission, warnings: readonly { cells: string[] }[]): Submission {
  const notes: Record<string, string> = { ...submission.notes };
  for (const w of warnings) {
    const row = w.cells[0]?.split('.')[0];
    if (row) notes[row] ??= 'Số liệu demo: thay đổi do sắp xếp đơn vị hành chính.';
  }
  return { ...submission, notes };
}

/**
 * A period's demo reports consolidated as the server would consolidate them, without a server: for
 * tests and tools that need the demo's workbook (the print layout, the drafted report).
 */
export function demoConsolidations(periodCode: string, today = '2026-11-30'): Consolidation[] {
  const period = parsePeriod(periodCode)!;
  // The province's own records, as the worker's registry read for a period holds them.
  const registry = DEMO_REGISTRY.filter((u) => isMember(u) && validDuring(u, period.start, period.end));
  const reports = demoSubmissions(today).filter((s) => s.period === period.code);
  const shorterCodes = new Set(periodsWithin(period).map((p) => p.code));
  const ended = new Set(endedDuring(period, registry).map((u) => u.code));
  const shorter = demoSubmissions(today).filter((s) => shorterCodes.has(s.period) && ended.has(s.unit ?? ''));
  return templatesFor(period).map((template) => {
    const filed = reports
      .filter((s) => s.template === template.id)
      .map((s, i) => {
        const unit = registry.find((u) => u.code === s.unit);
        const report = validateSubmission(s, unit ? { unitKind: unit.kind } : {});
        const at = `${period.unitDeadline}T0${i % 10}:00:00Z`;
        return { unit: s.unit ?? '', submissionId: `sub_${template.id}_${s.unit}`, revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received' as const, values: report.values, ...(report.rows ? { rows: report.rows } : {}), warnings: report.warnings, ...(report.coversPredecessors ? { coversPredecessors: true } : {}) };
      });
    const parts = shorter.filter((s) => s.template === template.id).map((s) => ({ unit: s.unit!, period: s.period, submissionId: `sub_${template.id}_${s.unit}_${s.period}`, revision: 1, values: validateSubmission(s).values }));
    return consolidate(template, period, registry, filed, parts);
  });
}

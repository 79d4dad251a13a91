/**
 * Demo reports for a local run, filed through the API like any client would: the seed periods
 * (2023, 2024-H1) as published, and the periods around today, so the pane has figures on any date.
 * Each period is filed by the units of its own structure, those that ended during it for their part.
 */
import { consolidate, type Consolidation } from '../../shared/consolidation';
import type { Submission } from '../../shared/submission';
import { validateSubmission } from '../../shared/validation';
import { demoSubmission, hashSeed } from '../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { BM03_2024_H1, BM07_2023, plan30Tasks } from '../../shared/demo/seed-figures';
import { parsePeriod, periodBefore, periodContaining, type Period, type PeriodKind } from '../../shared/periods';
import { isMember, lastDayIn, recordsOn, validDuring, type Unit } from '../../shared/registry';
import { TEMPLATES, filesTemplate, getTemplate, isFiledFor, versionOf } from '../../shared/templates';

/** Share of due reports a demo period holds: most of a past period, part of one still under way. */
const FILED_SHARE = { past: 0.85, current: 0.55 };

/** The record of each unit that files for a period: in force at its end, or the last one during it. */
function filersOf(period: Period): Unit[] {
  const byCode = new Map<string, Unit>();
  for (const u of DEMO_REGISTRY) if (isMember(u) && validDuring(u, period.start, period.end)) byCode.set(u.code, u);
  return [...byCode.values()];
}

/** Every due report of a period, less a stable pseudo-random few, so the dashboard has someone to chase. */
function periodReports(period: Period, today: string): Submission[] {
  const share = period.end < today ? FILED_SHARE.past : FILED_SHARE.current;
  const out: Submission[] = [];
  for (const template of TEMPLATES.filter((t) => isFiledFor(t, period))) {
    for (const unit of filersOf(period)) {
      if (!filesTemplate(template, unit, lastDayIn(unit, period))) continue;
      if ((hashSeed(`${template.id}|${unit.code}|${period.code}`) % 100) / 100 >= share) continue;
      out.push(demoSubmission(template.id, unit, period.code));
    }
  }
  return out;
}

/** The seed periods as the seeds publish them: 2024-H1 from most units, and the DIC's own 2023 budget. */
function seedReports(): Submission[] {
  const h1 = parsePeriod('2024-H1')!;
  const out: Submission[] = [];
  recordsOn(DEMO_REGISTRY, h1.end).forEach((unit, i) => {
    for (const id of ['BM03', 'BM04', 'BM05', 'BM06']) {
      if (!filesTemplate(getTemplate(id)!, unit, h1.end) || (i * 7 + id.charCodeAt(3)) % 10 >= 8) continue;
      out.push(demoSubmission(id, unit, h1.code));
    }
  });
  const published = { ...BM03_2024_H1, unit: 'STTTT', values: { ...BM03_2024_H1.values, 'HS01.KQ': '400.000', 'HS02.KQ': '120.000' } };
  const dic = out.findIndex((s) => s.template === 'BM03' && s.unit === 'STTTT');
  if (dic >= 0) out[dic] = published;
  else out.push(published);
  out.push({ template: 'BM02', version: versionOf('BM02'), unit: 'STTTT', period: h1.code, rows: plan30Tasks() });
  out.push({ ...BM07_2023, unit: 'STTTT', notes: { KP09: 'Kinh phí đầu tư Trung tâm SOC chuyển sang năm 2024.' } });
  return out;
}

/** The period of each kind under way on `today`, and the one before it. */
export function periodsAround(today: string): Period[] {
  const kinds: PeriodKind[] = ['Q', 'H', 'Y'];
  return kinds.flatMap((kind) => {
    const current = periodContaining(kind, today);
    return [periodBefore(current), current];
  });
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
  return TEMPLATES.filter((t) => isFiledFor(t, period)).map((template) => {
    const filed = reports
      .filter((s) => s.template === template.id)
      .map((s, i) => {
        const unit = registry.find((u) => u.code === s.unit);
        const report = validateSubmission(s, unit ? { unitKind: unit.kind } : {});
        const at = `${period.unitDeadline}T0${i % 10}:00:00Z`;
        return { unit: s.unit ?? '', submissionId: `sub_${template.id}_${s.unit}`, revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received' as const, values: report.values, ...(report.rows ? { rows: report.rows } : {}), warnings: report.warnings };
      });
    return consolidate(template, period, registry, filed);
  });
}

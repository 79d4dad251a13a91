/**
 * The unit registry: read by everyone signed in, exported and imported as CSV by DIC. An import is
 * checked as a whole (shared/registry/history.ts): history is never rewritten, and it can be
 * previewed as a diff first (`?dryRun=true`).
 */
import { Hono, type Context } from 'hono';
import { API } from '../../../shared/api/routes';
import type { Lang } from '../../../shared/i18n';
import { problemLine, renderField } from '../../../shared/problems';
import { planImport, retractionConflicts, retractionProblems, type HistoryConflict, type RecordProblem } from '../../../shared/registry/history';
import { keepAbsentColumns, parseUnitsCsv, unitsToCsv } from '../../../shared/registry/units-csv';
import { applyImport, listUnits, readRegistry, retractRecord, unitsDuring } from '../db/units';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { requirePeriod } from '../lib/params';
import { fail, MAX_PROBLEM_ISSUES } from '../lib/problem';
import { route } from '../lib/route';
import { unlessConflicting } from '../lib/write-conflict';

export const unitRoutes = new Hono<AppEnv>();

route(unitRoutes, API.units, async (c, { query }) => {
  if (query.period === undefined) return c.json(await listUnits(c.env.DB));
  const period = requirePeriod(query.period, 'period');
  return c.json(await unitsDuring(c.env.DB, period.start, period.end));
});

route(unitRoutes, API.unitsCsv, async (c) => {
  const csv = unitsToCsv(await listUnits(c.env.DB));
  return new Response('\uFEFF' + csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="don-vi.csv"' },
  });
});

/** A registry problem as a line of the file: where, what, in the caller's language. */
function lineOf(p: RecordProblem, lines: Map<string, number>, lang: Lang) {
  const line = lines.get(`${p.code}|${p.validFrom}`);
  return { ...(line ? { line } : {}), field: p.field, message: `${p.code} (${p.validFrom}): ${renderField({ code: p.problem, ...(p.params ? { params: p.params } : {}) }, lang)}` };
}

function conflictList(conflicts: readonly HistoryConflict[]): string {
  return conflicts.map((c) => `${c.code}@${c.validFrom}: ${c.periods.join(', ')}`).join('; ');
}

function refuseProblems(c: Context<AppEnv>, problems: { line?: number; field?: string; message: string }[], code: 'csv_invalid' | 'registry_invalid'): never {
  const lang = c.get('lang');
  const first = problems.slice(0, 5).map((p) => problemLine(lang, p.line, p.field, p.message)).join('; ');
  fail(code, { count: problems.length, first }, { problems: problems.slice(0, MAX_PROBLEM_ISSUES), issueCount: problems.length });
}

route(unitRoutes, API.importUnits, async (c, { query }) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/csv\b/i.test(type)) fail('csv_required');
  const lang = c.get('lang');
  const parsed = parseUnitsCsv(await c.req.text(), lang);
  if (parsed.problems.length > 0) refuseProblems(c, parsed.problems, 'csv_invalid');
  if (parsed.units.length === 0) fail('csv_no_units');
  const lines = new Map(parsed.units.map((u, i) => [`${u.code}|${u.validFrom}`, parsed.lines[i]!]));
  const snapshot = await readRegistry(c.env.DB);
  const plan = planImport(snapshot.units, keepAbsentColumns(parsed.units, parsed.columns, snapshot.units), snapshot.filings, snapshot.filedEnds);
  // History first: an edit of what was filed is refused whatever else the file would break.
  if (plan.conflicts.length > 0) fail('registry_history_conflict', { list: conflictList(plan.conflicts) }, { conflicts: plan.conflicts });
  if (plan.problems.length > 0) refuseProblems(c, plan.problems.map((p) => lineOf(p, lines, lang)), 'registry_invalid');
  const summary = {
    created: plan.changes.filter((ch) => ch.action === 'created').length,
    updated: plan.changes.filter((ch) => ch.action === 'updated').length,
    unchanged: plan.unchanged,
    periodsChanged: plan.periodsChanged,
  };
  if (query.dryRun) return c.json({ ...summary, dryRun: true, changes: plan.changes });
  await unlessConflicting(() => applyImport(c.env.DB, snapshot, plan.changes, c.get('principal'), now(c).toISOString()));
  return c.json({ ...summary, dryRun: false, changes: plan.changes });
});

route(unitRoutes, API.retractUnit, async (c, { params }) => {
  const snapshot = await readRegistry(c.env.DB);
  const registry = snapshot.units;
  const record = registry.find((u) => u.code === params.code.toUpperCase() && u.validFrom === params.validFrom);
  if (!record) fail('unit_record_not_found', { code: params.code, from: params.validFrom });
  const periods = retractionConflicts(record, registry, snapshot.filings);
  if (periods.length > 0) fail('unit_record_in_use', { code: record.code, from: record.validFrom, periods: periods.join(', ') });
  const problems = retractionProblems(record, registry);
  if (problems.length > 0) refuseProblems(c, problems.map((p) => lineOf(p, new Map(), c.get('lang'))), 'registry_invalid');
  await unlessConflicting(() => retractRecord(c.env.DB, snapshot, record, c.get('principal'), now(c).toISOString()));
  return c.body(null, 204);
});

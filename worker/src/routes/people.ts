/**
 * People for DIC: registered from a CSV file or JSON (the same lines), previewed with `?dryRun=true`,
 * all or nothing; memberships are added or ended, never deleted. DIC also sees who is signed in and
 * ends sessions.
 */
import { Hono, type Context } from 'hono';
import { PeopleImportRequestSchema } from '../../../shared/api/identity-schemas';
import { API } from '../../../shared/api/routes';
import { peopleToCsv, parsePeopleCsv, planPeopleImport, type PersonMembership } from '../../../shared/people';
import { problemLine, renderField } from '../../../shared/problems';
import { signedOutRefusal } from '../db/guards';
import { applyPeopleImport, findPerson, listPeople } from '../db/people';
import { endSessions, listOpenSessions } from '../db/sessions';
import { listUnits } from '../db/units';
import type { AppEnv } from '../env';
import { check, parseJsonText } from '../lib/body';
import { now } from '../lib/clock';
import { fail, MAX_PROBLEM_ISSUES } from '../lib/problem';
import { route } from '../lib/route';

export const peopleRoutes = new Hono<AppEnv>();

route(peopleRoutes, API.people, async (c) => c.json(await listPeople(c.env.DB)));

route(peopleRoutes, API.peopleCsv, async (c) => {
  const csv = peopleToCsv(await listPeople(c.env.DB));
  return new Response('\uFEFF' + csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="nguoi-dung.csv"' },
  });
});

function refuse(c: Context<AppEnv>, problems: { line?: number; field?: string; message: string }[]): never {
  const lang = c.get('lang');
  const first = problems.slice(0, 5).map((p) => problemLine(lang, p.line, p.field, p.message)).join('; ');
  fail('people_invalid', { count: problems.length, first }, { problems: problems.slice(0, MAX_PROBLEM_ISSUES), issueCount: problems.length });
}

/** The lines of the request, from a CSV file (with their line numbers) or JSON (numbered from 1). */
async function readLines(c: Context<AppEnv>): Promise<{ rows: PersonMembership[]; lines: number[] | null }> {
  const type = c.req.header('content-type') ?? '';
  const lang = c.get('lang');
  if (/^text\/csv\b/i.test(type)) {
    const parsed = parsePeopleCsv(await c.req.text(), lang);
    if (parsed.problems.length > 0) refuse(c, parsed.problems);
    return { rows: parsed.rows, lines: parsed.lines };
  }
  if (/^application\/json\b/i.test(type)) return { rows: check(PeopleImportRequestSchema, parseJsonText(await c.req.text()), lang).people, lines: null };
  fail('people_media_type');
}

route(peopleRoutes, API.importPeople, async (c, { query }) => {
  const { rows, lines } = await readLines(c);
  if (rows.length === 0) fail('people_empty');
  const [people, units] = await Promise.all([listPeople(c.env.DB), listUnits(c.env.DB)]);
  const codes = new Set(units.map((u) => u.code));
  const plan = planPeopleImport(people, rows, (code) => codes.has(code), (i) => lines?.[i] ?? i + 1);
  if (plan.problems.length > 0) {
    const lang = c.get('lang');
    refuse(c, plan.problems.map((p) => ({ line: lines?.[p.index] ?? p.index + 1, field: p.field, message: renderField(p, lang) })));
  }
  const summary = {
    created: plan.changes.filter((ch) => ch.action === 'person_created' || ch.action === 'membership_created').length,
    updated: plan.changes.filter((ch) => ch.action === 'person_renamed' || ch.action === 'membership_updated').length,
    unchanged: plan.unchanged,
  };
  if (!query.dryRun) {
    try {
      await applyPeopleImport(c.env.DB, plan.changes, c.get('principal'), now(c.env).toISOString());
    } catch (e) {
      // Its caller signed out meanwhile: answered as the sign-in would now answer (app.ts).
      if (signedOutRefusal(e)) throw e;
      // A constraint: another import changed the same people meanwhile; nothing of this one is stored.
      if (/constraint/i.test(String(e))) fail('people_changed_meanwhile');
      throw e;
    }
  }
  return c.json({ ...summary, dryRun: query.dryRun === true, changes: plan.changes });
});

route(peopleRoutes, API.sessions, async (c) => c.json(await listOpenSessions(c.env.DB, now(c.env).toISOString())));

route(peopleRoutes, API.endSession, async (c, { params }) => {
  const ended = await endSessions(c.env.DB, { id: params.id }, c.get('principal'), now(c.env).toISOString(), 'ended');
  if (ended === 0) fail('session_not_found', { id: params.id });
  return c.body(null, 204);
});

route(peopleRoutes, API.endPersonSessions, async (c, { params }) => {
  if (!(await findPerson(c.env.DB, params.id))) fail('person_not_found', { id: params.id });
  return c.json({ ended: await endSessions(c.env.DB, { personId: params.id }, c.get('principal'), now(c.env).toISOString(), 'ended') });
});

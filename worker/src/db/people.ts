/** People, their identities at the province's provider, and their dated memberships, in D1. */
import type { Membership, PeopleChange, Person } from '../../../shared/people';
import { randomId } from '../lib/crypto';
import { auditIfChangedStatement, auditStatement, type Actor } from './audit';

interface MembershipRow {
  id: number;
  person_id: string;
  role: Membership['role'];
  unit_code: string | null;
  valid_from: string;
  valid_to: string | null;
  source: Membership['source'];
}

export const toMembership = (r: MembershipRow): Membership => ({
  id: r.id,
  personId: r.person_id,
  role: r.role,
  unit: r.unit_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  source: r.source,
});

const MEMBERSHIP_COLUMNS = 'id, person_id, role, unit_code, valid_from, valid_to, source';

export async function listPeople(db: D1Database): Promise<Person[]> {
  const [people, memberships] = await db.batch([
    db.prepare('SELECT id, login, name FROM people ORDER BY login'),
    db.prepare(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships ORDER BY person_id, valid_from, id`),
  ]);
  const byPerson = new Map<string, Membership[]>();
  for (const row of memberships!.results as MembershipRow[]) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push(toMembership(row));
    byPerson.set(row.person_id, list);
  }
  return (people!.results as { id: string; login: string; name: string }[]).map((p) => ({ ...p, memberships: byPerson.get(p.id) ?? [] }));
}

export async function findPerson(db: D1Database, id: string): Promise<Person | null> {
  const person = await db.prepare('SELECT id, login, name FROM people WHERE id = ?1').bind(id).first<{ id: string; login: string; name: string }>();
  if (!person) return null;
  return { ...person, memberships: await membershipsOf(db, id) };
}

export async function findPersonByLogin(db: D1Database, login: string): Promise<Person | null> {
  const row = await db.prepare('SELECT id FROM people WHERE login = ?1').bind(login.toLowerCase()).first<{ id: string }>();
  return row ? findPerson(db, row.id) : null;
}

export async function membershipsOf(db: D1Database, personId: string): Promise<Membership[]> {
  const { results } = await db.prepare(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE person_id = ?1 ORDER BY valid_from, id`).bind(personId).all<MembershipRow>();
  return results.map(toMembership);
}

export async function findMembership(db: D1Database, id: number): Promise<Membership | null> {
  const row = await db.prepare(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE id = ?1`).bind(id).first<MembershipRow>();
  return row ? toMembership(row) : null;
}

/**
 * Writes an import plan (shared/people/import-plan.ts) in one batch with its audit entries. An end
 * date changes only if it is still what the plan saw, so two racing imports cannot both rewrite it:
 * the second fails on a check and nothing of it is stored.
 */
export async function applyPeopleImport(db: D1Database, changes: readonly PeopleChange[], actor: Actor, now: string): Promise<void> {
  const statements: D1PreparedStatement[] = [];
  const personOf = '(SELECT id FROM people WHERE login = ?1)';
  for (const change of changes) {
    switch (change.action) {
      case 'person_created': {
        const id = randomId('per', 12);
        statements.push(db.prepare('INSERT INTO people (id, login, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(id, change.login, change.name, now));
        statements.push(auditStatement(db, actor, 'people.create', id, { login: change.login, name: change.name }, now));
        break;
      }
      case 'person_renamed':
        statements.push(db.prepare('UPDATE people SET name = ?2 WHERE login = ?1').bind(change.login, change.name));
        statements.push(db.prepare(`INSERT INTO audit_log (at, actor, role, action, target, detail, person_id, membership_id) SELECT ?2, ?3, ?4, 'people.rename', id, ?5, ?6, ?7 FROM people WHERE login = ?1`).bind(change.login, now, actor.tokenId, actor.role, JSON.stringify({ before: change.before, name: change.name }), actor.personId ?? null, actor.membershipId ?? null));
        break;
      case 'membership_created':
        statements.push(
          db
            .prepare(`INSERT INTO memberships (person_id, role, unit_code, valid_from, valid_to, source, created_at) VALUES (${personOf}, ?2, ?3, ?4, ?5, 'registered', ?6)`)
            .bind(change.login, change.role, change.unit, change.validFrom, change.validTo, now),
        );
        statements.push(auditStatement(db, actor, 'memberships.create', change.login, { role: change.role, unit: change.unit, validFrom: change.validFrom, validTo: change.validTo }, now));
        break;
      case 'membership_updated':
        // A stale plan (someone changed the end date meanwhile) makes the CHECK fail and the batch roll back.
        statements.push(
          db
            .prepare("UPDATE memberships SET valid_to = CASE WHEN valid_to IS ?2 THEN ?3 ELSE '0000-00-00' END WHERE id = ?1")
            .bind(change.id, change.before, change.validTo),
        );
        statements.push(auditStatement(db, actor, 'memberships.update', String(change.id), { login: change.login, before: change.before, validTo: change.validTo }, now));
        break;
    }
  }
  if (statements.length > 0) await db.batch(statements);
}

/** The person a provider's identity is linked to. */
export async function personOfIdentity(db: D1Database, issuer: string, subject: string): Promise<string | null> {
  const row = await db.prepare('SELECT person_id FROM identities WHERE issuer = ?1 AND subject = ?2').bind(issuer, subject).first<{ person_id: string }>();
  return row?.person_id ?? null;
}

/**
 * Links an identity to a registered person at their first sign-in. A person already linked to
 * another subject of the same issuer is not relinked (someone else may hold that e-mail now).
 */
export function linkIdentityStatements(db: D1Database, issuer: string, subject: string, actor: Actor & { personId: string }, now: string): D1PreparedStatement[] {
  const personId = actor.personId;
  return [
    db
      .prepare('INSERT INTO identities (issuer, subject, person_id, linked_at) SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM identities WHERE issuer = ?1 AND person_id = ?3)')
      .bind(issuer, subject, personId, now),
    // Two first sign-ins of one person racing: one links, and only that one is audited.
    auditIfChangedStatement(db, actor, 'identities.link', personId, { issuer, subject }, now),
  ];
}

export async function hasIdentityAt(db: D1Database, issuer: string, personId: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS x FROM identities WHERE issuer = ?1 AND person_id = ?2').bind(issuer, personId).first()) !== null;
}

/** The person's membership in force on `day` that gives `role` (for `unit`, where the role has one). */
export async function membershipFor(db: D1Database, personId: string, role: Membership['role'], unit: string | null, day: string): Promise<Membership | null> {
  const row = await db
    .prepare(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE person_id = ?1 AND role = ?2 AND (role <> 'unit' OR unit_code = ?3)
       AND valid_from <= ?4 AND (valid_to IS NULL OR valid_to >= ?4) ORDER BY valid_from DESC LIMIT 1`,
    )
    .bind(personId, role, unit, day)
    .first<MembershipRow>();
  return row ? toMembership(row) : null;
}

export async function personName(db: D1Database, id: string): Promise<string> {
  return (await db.prepare('SELECT name FROM people WHERE id = ?1').bind(id).first<{ name: string }>())?.name ?? id;
}

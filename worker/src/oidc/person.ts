/**
 * Who signed in, as chitieu knows them: the person linked to the provider's identity; else, at a
 * first sign-in, the registered person with that verified e-mail or username; else, where the
 * deployment maps a claim to a unit, a person made for that unit alone. Then the membership in
 * force today that the session will use. Nothing is written here: the caller writes the returned
 * statements in the same batch as the hand-back code, so a refused sign-in stores nothing.
 */
import { membershipsOn, type Membership, type SignInIdentity } from '../../../shared/people';
import { findPerson, findPersonByLogin, hasIdentityAt, linkIdentityStatements, personOfIdentity } from '../db/people';
import { auditStatement } from '../db/audit';
import { findUnit } from '../db/units';
import { randomId } from '../lib/crypto';
import { fail } from '../lib/problem';

export interface SignedIn {
  personId: string;
  /** The membership the session uses, or, for a person made or extended by the claim rule, null until written. */
  membership: Pick<Membership, 'role' | 'unit'> & { id: number | null };
  statements: D1PreparedStatement[];
}

export async function resolveSignIn(db: D1Database, who: SignInIdentity, today: string, now: string): Promise<SignedIn> {
  const statements: D1PreparedStatement[] = [];
  /** The identity is linked at this first sign-in, audited under the membership the session will use. */
  let link = false;
  let personId = await personOfIdentity(db, who.issuer, who.subject);
  if (!personId && who.login) {
    const registered = await findPersonByLogin(db, who.login);
    // A person already linked to another account of this provider is not taken over by a second one.
    if (registered && !(await hasIdentityAt(db, who.issuer, registered.id))) {
      personId = registered.id;
      link = true;
    }
  }
  const claimUnit = who.unit && (await findUnit(db, who.unit, today)) ? who.unit : null;
  if (!personId && claimUnit) {
    personId = randomId('per', 12);
    const login = who.login ?? `${who.subject}@${new URL(who.issuer).host}`.toLowerCase();
    statements.push(db.prepare('INSERT INTO people (id, login, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(personId, login, who.name ?? login, now));
    link = true;
  }
  if (!personId) fail('person_unknown', { login: who.login ?? who.subject });
  const signedInId = personId;
  const linked = (role: Membership['role'], membershipId: number | null) =>
    link ? linkIdentityStatements(db, who.issuer, who.subject, { tokenId: 'sign-in', role, personId: signedInId, membershipId }, now) : [];

  const person = await findPerson(db, personId);
  const memberships = person?.memberships ?? [];
  if (claimUnit) {
    // The claim rule gives unit memberships only, and only the unit the provider names today.
    const inForce = membershipsOn(memberships, today);
    if (!inForce.some((m) => m.role === 'unit' && m.unit === claimUnit)) {
      statements.push(
        db
          .prepare("INSERT INTO memberships (person_id, role, unit_code, valid_from, valid_to, source, created_at) VALUES (?1, 'unit', ?2, ?3, NULL, 'claim', ?4)")
          .bind(personId, claimUnit, today, now),
        auditStatement(db, { tokenId: 'sign-in', role: 'unit', personId }, 'memberships.claim', personId, { unit: claimUnit, validFrom: today }, now),
        ...linked('unit', null),
      );
      return { personId, membership: { id: null, role: 'unit', unit: claimUnit }, statements };
    }
  }
  const usable = membershipsOn(memberships, today).filter((m) => m.source === 'registered' || m.unit === claimUnit);
  const chosen = usable[0];
  if (!chosen) fail('person_no_membership', { person: person?.name ?? who.login ?? who.subject });
  return { personId, membership: chosen, statements: [...statements, ...linked(chosen.role, chosen.id)] };
}

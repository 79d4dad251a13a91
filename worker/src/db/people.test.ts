import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { planPeopleImport, type PersonMembership } from '../../../shared/people';
import { applyPeopleImport, linkIdentityStatements, listPeople } from './people';

const actor = { tokenId: 'tok_test', role: 'dic' as const };
const row = (validTo: string | null): PersonMembership => ({ login: 'an@x.vn', name: 'An', role: 'auditor', unit: null, validFrom: '2025-01-01', validTo });
const known = () => true;

describe('writing a people import', () => {
  it('a plan made before another import changed the same membership fails as a whole and stores nothing', async () => {
    await applyPeopleImport(env.DB, planPeopleImport([], [row(null)], known).changes, actor, '2026-01-01T00:00:00Z');
    const seen = await listPeople(env.DB);
    const first = planPeopleImport(seen, [row('2026-06-30')], known).changes;
    const second = planPeopleImport(seen, [row('2026-03-31'), { ...row(null), role: 'dic', validFrom: '2026-04-01' }], known).changes;
    await applyPeopleImport(env.DB, first, actor, '2026-01-02T00:00:00Z');
    await expect(applyPeopleImport(env.DB, second, actor, '2026-01-02T00:00:01Z')).rejects.toThrow(/constraint/i);
    const after = await listPeople(env.DB);
    expect(after[0]!.memberships.map((m) => [m.role, m.validTo])).toEqual([['auditor', '2026-06-30']]);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'memberships.%'").first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });

  it('two imports creating the same person cannot both win', async () => {
    const plan = planPeopleImport([], [{ ...row(null), login: 'binh@x.vn' }], known).changes;
    const outcomes = await Promise.allSettled([applyPeopleImport(env.DB, plan, actor, '2026-01-03T00:00:00Z'), applyPeopleImport(env.DB, plan, actor, '2026-01-03T00:00:00Z')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await listPeople(env.DB)).filter((p) => p.login === 'binh@x.vn')[0]!.memberships).toHaveLength(1);
  });

  it('two first sign-ins of one person racing link one identity and audit one link', async () => {
    await applyPeopleImport(env.DB, planPeopleImport([], [{ ...row(null), login: 'chi@x.vn' }], known).changes, actor, '2026-01-04T00:00:00Z');
    const person = (await listPeople(env.DB)).find((p) => p.login === 'chi@x.vn')!;
    const link = (subject: string) => env.DB.batch(linkIdentityStatements(env.DB, 'https://id.example', subject, { tokenId: 'sign-in', role: 'auditor', personId: person.id }, '2026-01-04T01:00:00Z'));
    await Promise.all([link('sub-1'), link('sub-1'), link('sub-2')]);
    const linked = await env.DB.prepare('SELECT count(*) AS n FROM identities WHERE person_id = ?1').bind(person.id).first<{ n: number }>();
    const audited = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'identities.link' AND target = ?1").bind(person.id).first<{ n: number }>();
    expect([linked!.n, audited!.n]).toEqual([1, 1]);
  });
});

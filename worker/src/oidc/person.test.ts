import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../../shared/periods';
import { planPeopleImport } from '../../../shared/people';
import { seedUnits } from '../../test/helpers';
import { applyPeopleImport, listPeople } from '../db/people';
import { ProblemError } from '../lib/problem';
import { resolveSignIn } from './person';

const ISSUER = 'https://sso.daklak.gov.vn/realms/can-bo';
const today = vietnamDay(new Date());
const now = new Date().toISOString();
const who = (over: Partial<Parameters<typeof resolveSignIn>[1]> = {}) => ({ issuer: ISSUER, subject: 'sub-1', login: null, name: null, unit: null, ...over });

async function signIn(identity: Parameters<typeof resolveSignIn>[1]) {
  const result = await resolveSignIn(env.DB, identity, today, now);
  if (result.statements.length > 0) await env.DB.batch(result.statements);
  return result;
}

async function refusal(identity: Parameters<typeof resolveSignIn>[1]): Promise<string> {
  try {
    await resolveSignIn(env.DB, identity, today, now);
    return 'signed in';
  } catch (e) {
    return (e as ProblemError).code;
  }
}

beforeAll(async () => {
  await seedUnits();
  const rows = [
    { login: 'hoa@phuocan.gov.vn', name: 'Nguyễn Thị Hoa', role: 'unit' as const, unit: 'PHUOCAN', validFrom: '2025-07-01', validTo: null },
    { login: 'lan@skhcn.gov.vn', name: 'Trần Thị Lan', role: 'dic' as const, unit: 'SKHCN', validFrom: '2025-07-01', validTo: null },
  ];
  await applyPeopleImport(env.DB, planPeopleImport([], rows, () => true).changes, { tokenId: 'tok', role: 'dic' }, now);
});

describe('who signed in', () => {
  it('links a registered person by verified login at the first sign-in, then by subject alone', async () => {
    const first = await signIn(who({ login: 'hoa@phuocan.gov.vn' }));
    expect(first.membership).toMatchObject({ role: 'unit', unit: 'PHUOCAN' });
    const again = await signIn(who({ login: 'someone-else@x.vn' }));
    expect(again.personId).toBe(first.personId);
    // Another account of the same provider with Hoa's e-mail does not take her over.
    expect(await refusal(who({ subject: 'sub-2', login: 'hoa@phuocan.gov.vn' }))).toBe('person_unknown');
  });

  it('refuses someone nobody registered, and a claim naming a unit the registry does not have', async () => {
    expect(await refusal(who({ subject: 'sub-3', login: 'nobody@x.vn' }))).toBe('person_unknown');
    expect(await refusal(who({ subject: 'sub-3', login: 'nobody@x.vn', unit: 'NOPE' }))).toBe('person_unknown');
  });

  it('the claim rule gives a unit membership from today and nothing more, even to a DIC member', async () => {
    const clerk = await signIn(who({ subject: 'sub-4', login: 'binh@buonmathuot.gov.vn', name: 'Lê Bình', unit: 'BUONMATHUOT' }));
    expect(clerk.membership).toMatchObject({ role: 'unit', unit: 'BUONMATHUOT' });
    const lan = await signIn(who({ subject: 'sub-5', login: 'lan@skhcn.gov.vn', unit: 'BUONMATHUOT' }));
    expect(lan.membership).toMatchObject({ role: 'unit', unit: 'BUONMATHUOT' });
    const people = await listPeople(env.DB);
    expect(people.find((p) => p.login === 'binh@buonmathuot.gov.vn')!.memberships).toEqual([
      expect.objectContaining({ role: 'unit', unit: 'BUONMATHUOT', validFrom: today, validTo: null, source: 'claim' }),
    ]);
    const claims = people.flatMap((p) => p.memberships).filter((m) => m.source === 'claim');
    expect(claims.every((m) => m.role === 'unit')).toBe(true);
    // Her DIC membership is registered, untouched; a later sign-in with the claim still in force chooses DIC first.
    expect((await signIn(who({ subject: 'sub-5', unit: 'BUONMATHUOT' }))).membership).toMatchObject({ role: 'dic' });
  });
});

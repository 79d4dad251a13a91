/**
 * A request signs its caller in when it starts and writes later. A token revoked, or a session ended,
 * in between stops the write (migration 0016): the batch is refused whole, nothing is stored, and the
 * caller is told what the sign-in would now say, in both languages.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { storeRevision } from '../db/submissions';
import { sha256Hex } from '../lib/crypto';
import type { Principal } from '../env';
import { api, count, json, makeToken, problem, seedUnits, signInAs } from '../../test/helpers';

const unit = (code: string) => DEMO_REGISTRY.find((u) => u.code === code)!;
let dic: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  const registered = await api('/people', {
    method: 'PUT',
    token: dic,
    json: { people: [{ login: 'lan@snnmt.daklak.gov.vn', name: 'Trần Thị Lan', role: 'dic', unit: 'STTTT', validFrom: '2024-01-01', validTo: null }] },
  });
  expect(registered.status).toBe(200);
});

const tokenIdOf = async (secret: string) => (await env.DB.prepare('SELECT id FROM tokens WHERE hash = ?1').bind(await sha256Hex(secret)).first<{ id: string }>())!.id;
const sessionIdOf = async (secret: string) => (await env.DB.prepare('SELECT id FROM sessions WHERE hash = ?1').bind(await sha256Hex(secret)).first<{ id: string }>())!.id;

/** A filing's write batch, as the route would send it once its caller was signed in as `actor`. */
const write = (actor: Principal, code: string) =>
  storeRevision(
    env.DB,
    {
      submissionId: `sub_${code}_${Math.random().toString(36).slice(2)}`,
      unit: code,
      template: 'BM03',
      period: '2024',
      templateVersion: '2024.1',
      engineVersion: 'test',
      receivedAt: new Date().toISOString(),
      daysLate: 0,
      hash: 'h',
      source: 'json',
      body: '{}',
      report: '{}',
      warnings: 0,
      asFiled: { name: unit(code).name, kind: unit(code).kind, parent: unit(code).parent },
    },
    actor,
  );

const stored = async () => ({ revisions: await count('revisions'), submissions: await count('submissions'), audit: await count('audit_log') });

describe('the write of a caller signed out since its sign-in', () => {
  it('is refused whole for a revoked token, and written while it stood', async () => {
    const secret = await makeToken('dic', 'STTTT');
    const actor: Principal = { tokenId: await tokenIdOf(secret), role: 'dic', unit: 'STTTT', label: null, personId: null, membershipId: null };
    await write(actor, 'SYT');
    await env.DB.prepare('UPDATE tokens SET revoked_at = ?2 WHERE id = ?1').bind(actor.tokenId, new Date().toISOString()).run();
    const before = await stored();
    await expect(write(actor, 'SYT')).rejects.toThrow(/signed_out: token_revoked/);
    await expect(write(actor, 'SGDDT')).rejects.toThrow(/signed_out: token_revoked/);
    expect(await stored()).toEqual(before);
  });

  it('is refused whole for an ended session', async () => {
    const { token, personId } = await signInAs('lan@snnmt.daklak.gov.vn');
    const actor: Principal = { tokenId: await sessionIdOf(token), role: 'dic', unit: 'STTTT', label: 'Trần Thị Lan', personId, membershipId: null };
    await write(actor, 'STC');
    expect((await api('/auth/logout', { method: 'POST', token })).status).toBeLessThan(300);
    const before = await stored();
    await expect(write(actor, 'STC')).rejects.toThrow(/signed_out: session_ended/);
    expect(await stored()).toEqual(before);
  });

  it('still lets a caller sign out, end its own sessions and rotate another token', async () => {
    const { token, personId } = await signInAs('lan@snnmt.daklak.gov.vn');
    const ended = await api(`/people/${personId}/sessions`, { method: 'DELETE', token });
    expect(ended.status).toBe(200);
    expect((await api('/me', { token })).status).toBe(401);
    // Ending what is already ended, or unknown, changes nothing and audits nothing.
    const sessionId = await sessionIdOf(token);
    const audited = await count('audit_log');
    expect((await api(`/sessions/${sessionId}`, { method: 'DELETE', token: dic })).status).toBe(404);
    expect((await api('/sessions/ses_unknown', { method: 'DELETE', token: dic })).status).toBe(404);
    expect((await json(await api(`/people/${personId}/sessions`, { method: 'DELETE', token: dic }))).ended).toBe(0);
    expect(await count('audit_log')).toBe(audited);
    const other = await makeToken('unit', 'SYT');
    expect((await api(`/tokens/${await tokenIdOf(other)}/rotate`, { method: 'POST', token: dic })).status).toBe(201);
  });
});

describe('a filing whose token is revoked after its sign-in', () => {
  /**
   * The revocation is made to land inside the filing's write batch, after its sign-in was read: a
   * trigger of this test revokes the token when the batch moves the series. The filing is refused as
   * the sign-in would now refuse it, and nothing of it is stored.
   */
  it('is answered 401 token_revoked in both languages, with nothing stored', async () => {
    for (const [lang, words] of [['vi', /thu hồi/], ['en', /revoked/]] as const) {
      const victim = await makeToken('dic', 'STTTT');
      const id = await tokenIdOf(victim);
      const code = lang === 'vi' ? 'SXD' : 'SCT';
      await env.DB.prepare(
        `CREATE TRIGGER revoke_mid_filing BEFORE UPDATE ON submissions WHEN NEW.unit_code = '${code}'
         BEGIN UPDATE tokens SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE id = '${id}'; END`,
      ).run();
      try {
        const before = await stored();
        const r = await api('/submissions', { token: victim, json: demoSubmission('BM03', unit(code), '2024-Q3'), headers: { 'accept-language': lang } });
        expect(r.status).toBe(401);
        const p = await problem(r);
        expect(p.code).toBe('token_revoked');
        expect(p.detail).toMatch(words);
        expect(await stored()).toEqual(before);
      } finally {
        await env.DB.prepare('DROP TRIGGER revoke_mid_filing').run();
      }
      // Without the revocation the same filing goes through.
      expect((await api('/submissions', { token: victim, json: demoSubmission('BM03', unit(code), '2024-Q3') })).status).toBe(201);
    }
  });
});

describe('a people import whose token is revoked after its sign-in', () => {
  // The import's own refusal of a concurrent change (409) must not swallow the sign-in's.
  it('is answered 401 token_revoked, not as a change made meanwhile, with nothing stored', async () => {
    const victim = await makeToken('dic', 'STTTT');
    const id = await tokenIdOf(victim);
    await env.DB.prepare(`CREATE TRIGGER revoke_mid_import BEFORE INSERT ON people BEGIN UPDATE tokens SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE id = '${id}'; END`).run();
    const person = { login: 'hoa@phuocan.daklak.gov.vn', name: 'Nguyễn Thị Hoa', role: 'unit', unit: 'SYT', validFrom: '2025-07-01', validTo: null };
    try {
      const before = { people: await count('people'), memberships: await count('memberships'), audit: await count('audit_log') };
      const r = await api('/people', { method: 'PUT', token: victim, json: { people: [person] } });
      expect(r.status).toBe(401);
      expect((await problem(r)).code).toBe('token_revoked');
      expect({ people: await count('people'), memberships: await count('memberships'), audit: await count('audit_log') }).toEqual(before);
    } finally {
      await env.DB.prepare('DROP TRIGGER revoke_mid_import').run();
    }
    expect((await api('/people', { method: 'PUT', token: victim, json: { people: [person] } })).status).toBe(200);
  });
});

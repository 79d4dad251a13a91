/**
 * A filing reads its bearer in the same D1 batch as its intake. Refusals keep their order: whatever
 * else is wrong with the request, a bearer that is missing, unknown, revoked, of another role or
 * of a person whose membership ended is answered first, and nothing is stored.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { sha256Hex } from '../lib/crypto';
import { api, count, json, makeToken, problem, seedUnits, signInAs } from '../../test/helpers';

const unit = (code: string) => DEMO_REGISTRY.find((u) => u.code === code)!;
const filing = (code: string) => demoSubmission('BM03', unit(code), '2024');
let dic: string;
let clerk: string;
let auditor: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  clerk = await makeToken('unit', 'SYT');
  auditor = await makeToken('auditor');
  const registered = await api('/people', {
    method: 'PUT',
    token: dic,
    json: { people: [{ login: 'mai@syt.daklak.gov.vn', name: 'Lê Thị Mai', role: 'unit', unit: 'SYT', validFrom: '2024-01-01', validTo: null }] },
  });
  expect(registered.status).toBe(200);
});

/** Files `body` (JSON unless a string) and answers the problem's code and status, with the revisions stored meanwhile. */
async function refusal(token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const before = await count('revisions');
  const r = await api('/submissions', { ...(token ? { token } : {}), ...(typeof body === 'string' ? { body, headers: { 'content-type': 'application/json', ...headers } } : { json: body, headers }) });
  const p = await problem(r);
  return { status: r.status, code: p.code, stored: (await count('revisions')) - before };
}

describe('a filing signs its caller in within its first batch', () => {
  it('answers the bearer before the body, the key or the unit', async () => {
    expect(await refusal(undefined, '{not json')).toMatchObject({ status: 401, code: 'token_missing', stored: 0 });
    expect(await refusal('ctk_unknown', '{not json')).toMatchObject({ status: 401, code: 'token_unknown', stored: 0 });
    expect(await refusal('ctk_unknown', filing('SYT'))).toMatchObject({ status: 401, code: 'token_unknown', stored: 0 });
    expect(await refusal('ctk_unknown', filing('SYT'), { 'idempotency-key': 'x'.repeat(201) })).toMatchObject({ status: 401, code: 'token_unknown', stored: 0 });
    expect(await refusal(auditor, '{not json')).toMatchObject({ status: 403, code: 'role_forbidden', stored: 0 });
    expect(await refusal(auditor, filing('SYT'))).toMatchObject({ status: 403, code: 'role_forbidden', stored: 0 });
    // Signed in, the request's own faults are named as before.
    expect(await refusal(dic, '{not json')).toMatchObject({ status: 400, code: 'malformed_json', stored: 0 });
    expect(await refusal(dic, filing('SYT'), { 'idempotency-key': 'x'.repeat(201) })).toMatchObject({ code: 'idempotency_key_length', stored: 0 });
    expect(await refusal(clerk, filing('STTTT'))).toMatchObject({ code: 'unit_may_not_file_for', stored: 0 });
  });

  it('answers the bearer of a large body before reading it', async () => {
    const large = JSON.stringify({ ...filing('SYT'), padding: 'x'.repeat(100_000) });
    expect(await refusal('ctk_unknown', large)).toMatchObject({ status: 401, code: 'token_unknown', stored: 0 });
  });

  it('refuses a revoked token with a valid filing, and files with it before', async () => {
    const token = await makeToken('unit', 'SYT');
    expect((await api('/submissions', { token, json: filing('SYT') })).status).toBe(201);
    await env.DB.prepare("UPDATE tokens SET revoked_at = '2020-01-01T00:00:00Z' WHERE hash = ?1").bind(await sha256Hex(token)).run();
    expect(await refusal(token, filing('SYT'))).toMatchObject({ status: 401, code: 'token_revoked', stored: 0 });
  });

  it('an Idempotency-Key is the caller’s own: the same key sent again answers the same receipt', async () => {
    const key = 'filing-sign-in-1';
    const first = await api('/submissions', { token: dic, json: filing('STTTT'), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const again = await api('/submissions', { token: dic, json: filing('STTTT'), headers: { 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect((await json(again)).revision).toBe((await json(first)).revision);
    // Another caller's use of the same key is its own filing.
    const other = await makeToken('dic', 'STTTT');
    expect((await api('/submissions', { token: other, json: filing('STTTT'), headers: { 'idempotency-key': key } })).status).toBe(201);
  });

  it('a unit clerk whose body names no unit files for their own unit', async () => {
    const { unit: _omitted, ...body } = filing('SYT');
    const r = await api('/submissions', { token: clerk, json: body });
    expect(r.status).toBe(201);
    expect((await json(await api(`/submissions/${(await json(r)).id}`, { token: dic }))).unit).toBe('SYT');
  });

  it('a person’s token files under the person’s name, and not once the membership has ended', async () => {
    const created = await api('/tokens', { token: dic, json: { role: 'unit', unit: 'SYT', person: 'mai@syt.daklak.gov.vn', label: 'máy của Mai' } });
    expect(created.status).toBe(201);
    const token = (await json(created)).token as string;
    const filed = await api('/submissions', { token, json: filing('SYT') });
    expect(filed.status).toBe(201);
    expect((await json(filed)).filedBy).toMatchObject({ name: 'Lê Thị Mai' });
    const session = await signInAs('mai@syt.daklak.gov.vn');
    expect((await json(await api('/submissions', { token: session.token, json: filing('SYT') }))).filedBy).toMatchObject({ name: 'Lê Thị Mai' });
    await env.DB.prepare("UPDATE memberships SET valid_to = '2024-06-30' WHERE person_id = ?1").bind(session.personId).run();
    expect(await refusal(token, filing('SYT'))).toMatchObject({ status: 403, code: 'membership_ended', stored: 0 });
    expect(await refusal(session.token, filing('SYT'))).toMatchObject({ code: 'membership_ended', stored: 0 });
  });
});

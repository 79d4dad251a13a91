/** The database of `npm start`, prepared with real wrangler runs on a local D1 of the test's own. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { d1 } from './d1';
import { prepareDemoDatabase } from './demo-seed';

let persistTo: string;
beforeAll(async () => {
  persistTo = await mkdtemp(join(tmpdir(), 'chitieu-start-'));
});
afterAll(async () => {
  await rm(persistTo, { recursive: true, force: true });
});

describe('the demo database of npm start', () => {
  it('seeds an empty database, keeps what is there on the next run, and replaces only a token no longer valid', async () => {
    const state = { persistTo };
    const first = await prepareDemoDatabase('2026-12-05', {}, state);
    expect(first).toMatchObject({ units: DEMO_REGISTRY.length, seededUnits: DEMO_REGISTRY.length, reports: 0, newTokens: 6 });
    expect(await d1('local', "SELECT count(*) AS n FROM audit_log WHERE action = 'tokens.create'", state)).toEqual([{ n: 6 }]);

    // DIC renames a unit and revokes the auditor's token between runs.
    await d1('local', "UPDATE units SET name = 'Sở Y tế tỉnh Đắk Lắk' WHERE code = 'SYT'", state);
    await d1('local', `UPDATE tokens SET revoked_at = '2026-12-05T00:00:00Z' WHERE hash = (SELECT hash FROM tokens WHERE label = 'Thanh tra (demo)')`, state);

    const second = await prepareDemoDatabase('2026-12-05', first.tokens, state);
    expect(second).toMatchObject({ units: DEMO_REGISTRY.length, seededUnits: 0, newTokens: 1 });
    expect(second.tokens.auditor).not.toBe(first.tokens.auditor);
    expect({ ...second.tokens, auditor: '' }).toEqual({ ...first.tokens, auditor: '' });
    expect(await d1('local', "SELECT DISTINCT name FROM units WHERE code = 'SYT'", state)).toEqual([{ name: 'Sở Y tế tỉnh Đắk Lắk' }]);
    expect(await d1('local', "SELECT count(*) AS n FROM tokens WHERE revoked_at IS NULL", state)).toEqual([{ n: 6 }]);
  }, 180_000);
});

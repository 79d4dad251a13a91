import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { meteredDatabase, newTally } from './meter';

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare('CREATE TABLE meter_rows (n INTEGER PRIMARY KEY, label TEXT)'),
    ...[1, 2, 3, 4, 5].map((n) => env.DB.prepare('INSERT INTO meter_rows (n, label) VALUES (?1, ?2)').bind(n, `row ${n}`)),
  ]);
});

describe('a metered database', () => {
  it('answers as D1 does: first, all, raw and batch give the same rows', async () => {
    const db = meteredDatabase(env.DB, newTally());
    const query = 'SELECT n, label FROM meter_rows WHERE n >= ?1 ORDER BY n';
    expect(await db.prepare(query).bind(4).first()).toEqual(await env.DB.prepare(query).bind(4).first());
    expect(await db.prepare(query).bind(4).first('label')).toBe('row 4');
    expect(await db.prepare(query).bind(9).first()).toBeNull();
    expect((await db.prepare(query).bind(2).all()).results).toEqual((await env.DB.prepare(query).bind(2).all()).results);
    expect(await db.prepare(query).bind(4).raw()).toEqual([[4, 'row 4'], [5, 'row 5']]);
    expect(await db.prepare(query).bind(5).raw({ columnNames: true })).toEqual([['n', 'label'], [5, 'row 5']]);
    const [a, b] = await db.batch([db.prepare(query).bind(5), db.prepare('SELECT count(*) AS c FROM meter_rows')]);
    expect(a!.results).toEqual([{ n: 5, label: 'row 5' }]);
    expect(b!.results).toEqual([{ c: 5 }]);
    await expect(db.prepare(query).bind(1).first('missing')).rejects.toThrow(/missing/);
  });

  it("sums D1's rows read and written over statements and batches, each as D1 reports it", async () => {
    const tally = newTally();
    const db = meteredDatabase(env.DB, tally);
    const scan = await env.DB.prepare('SELECT label FROM meter_rows WHERE label LIKE ?1').bind('%3').all();
    expect(scan.meta.rows_read).toBe(5);
    await db.prepare('SELECT label FROM meter_rows WHERE label LIKE ?1').bind('%3').first();
    await db.prepare('SELECT label FROM meter_rows WHERE n = ?1').bind(2).all();
    expect(tally.read).toBe(6);
    await db.batch([db.prepare('INSERT INTO meter_rows (n, label) VALUES (10, ?1)').bind('ten'), db.prepare('SELECT label FROM meter_rows WHERE n = 10')]);
    expect(tally.written).toBeGreaterThanOrEqual(1);
    expect(tally.statements.map((s) => s.sql)).toEqual([
      'SELECT label FROM meter_rows WHERE label LIKE ?1',
      'SELECT label FROM meter_rows WHERE n = ?1',
      'INSERT INTO meter_rows (n, label) VALUES (10, ?1)',
      'SELECT label FROM meter_rows WHERE n = 10',
    ]);
    expect(tally.read).toBe(tally.statements.reduce((sum, s) => sum + s.read, 0));
  });

  it('keeps one tally per view: nothing of one is counted in another', async () => {
    const first = newTally();
    const second = newTally();
    await meteredDatabase(env.DB, first).prepare('SELECT * FROM meter_rows').all();
    await meteredDatabase(env.DB, second).prepare('SELECT * FROM meter_rows WHERE n = 1').all();
    expect(first.statements).toHaveLength(1);
    expect(second.statements).toHaveLength(1);
    expect(second.read).toBe(1);
    expect(first.read).toBeGreaterThan(second.read);
  });
});

/**
 * The demo reports of `npm start`, filed through a real `wrangler dev` with the training clock on:
 * the worker's own validation and storage, each report stored with the day it was filed as of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { daysLate, parsePeriod } from '../../shared/periods';
import { d1 } from './d1';
import { demoFilings } from './demo-data';
import { fileDemoReports } from './demo-filing';
import { startLocalWorker, type LocalWorker } from './local-worker';

const TODAY = '2026-12-05';
let worker: LocalWorker;

beforeAll(async () => {
  worker = await startLocalWorker({ units: DEMO_REGISTRY, tokens: { dic: { role: 'dic', unit: 'SKHCN' } }, vars: { TRAINING_CLOCK: 'on' } });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

describe('the demo filings of npm start', () => {
  it('are stored as filed on their own days, on time or late as the worker judges them', async () => {
    const filings = demoFilings(TODAY, new Date('2026-12-05T03:00:00Z')).filter((f) => f.submission.period === '2024-H1');
    expect(filings.length).toBeGreaterThan(50);
    const summary = await fileDemoReports(worker.origin, worker.tokens.dic!, filings);
    expect(summary.failed).toEqual([]);
    expect(summary.filed).toBe(filings.length);

    const period = parsePeriod('2024-H1')!;
    const stored = (await d1(
      'local',
      "SELECT s.template, s.unit_code AS unit, r.received_at AS receivedAt, r.days_late AS daysLate FROM revisions r JOIN submissions s ON s.id = r.submission_id WHERE s.period = '2024-H1'",
      { persistTo: worker.persistTo },
    )) as { template: string; unit: string; receivedAt: string; daysLate: number }[];
    expect(stored).toHaveLength(filings.length);
    const expected = filings.map((f) => ({ template: f.submission.template!, unit: f.submission.unit!, receivedAt: f.receivedAt, daysLate: daysLate(period, f.receivedAt) }));
    const order = (a: { template: string; unit: string }, b: { template: string; unit: string }) => `${a.template}${a.unit}`.localeCompare(`${b.template}${b.unit}`);
    expect([...stored].sort(order)).toEqual(expected.sort(order));
    expect(summary.late).toBe(expected.filter((e) => e.daysLate > 0).length);
    expect(summary.late).toBeGreaterThan(0);
  }, 180_000);
});

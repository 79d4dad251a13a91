import { describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { daysLate, parsePeriod, vietnamDay } from '../../shared/periods';
import { lastDayIn, validDuring } from '../../shared/registry';
import { validateSubmission } from '../../shared/validation';
import { demoFilings, demoSubmissions, periodsAround } from './demo-data';

describe('the demo reports of npm start', () => {
  it.each(['2024-11-20', '2025-08-15', '2026-11-29', '2031-03-03'])('on %s cover the periods around the day, and each passes the engine as its unit', (today) => {
    const all = demoSubmissions(today);
    const periods = new Set(all.map((s) => s.period));
    for (const p of periodsAround(today)) expect(periods, p.code).toContain(p.code);
    for (const s of all) {
      const period = parsePeriod(s.period)!;
      const unit = DEMO_REGISTRY.filter((u) => u.code === s.unit && validDuring(u, period.start, period.end)).pop();
      expect(unit, `${s.unit} ${s.period}`).toBeDefined();
      const report = validateSubmission(s, { unitKind: unit!.kind, unitUntil: lastDayIn(unit!, period) });
      expect(report.errors, `${s.template} ${s.unit} ${s.period}`).toEqual([]);
    }
  });

  it('has the units abolished in 2025 file their part of the year, beside the new communes', () => {
    const year = demoSubmissions('2026-11-29').filter((s) => s.period === '2025');
    const units = new Set(year.map((s) => s.unit ?? ''));
    expect([...units].filter((u) => ['KPA', 'BMT', 'STTTT'].includes(u)).length).toBeGreaterThan(0);
    expect([...units].filter((u) => ['PHUOCAN', 'EAKLY', 'TUYHOA'].includes(u)).length).toBeGreaterThan(0);
  });

  it.each(['2025-08-15', '2026-12-05', '2026-12-19', '2026-12-24'])('on %s are dated within their periods, most on time, about one in ten late, none after today', (today) => {
    const now = new Date(`${today}T03:00:00Z`); // 10:00 in Viet Nam
    const filings = demoFilings(today, now);
    expect(filings.map((f) => f.submission)).toEqual(demoSubmissions(today));
    expect(demoFilings(today, now)).toEqual(filings);
    let late = 0;
    for (const { submission, receivedAt } of filings) {
      const period = parsePeriod(submission.period!)!;
      const day = vietnamDay(receivedAt);
      const where = `${submission.template} ${submission.unit} ${submission.period} ${receivedAt}`;
      expect(day >= period.start && day <= today, where).toBe(true);
      expect(Date.parse(receivedAt), where).toBeLessThanOrEqual(now.getTime());
      expect(daysLate(period, receivedAt), where).toBeLessThanOrEqual(10);
      if (daysLate(period, receivedAt) > 0) late++;
    }
    expect(late / filings.length).toBeGreaterThan(0.04);
    expect(late / filings.length).toBeLessThan(0.16);
  });
});

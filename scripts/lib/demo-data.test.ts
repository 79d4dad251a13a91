import { describe, expect, it } from 'vitest';
import { DEMO_REGISTRY } from '../../shared/demo/registry';
import { parsePeriod, vietnamDay } from '../../shared/periods';
import { lastDayIn, validDuring } from '../../shared/registry';
import { validateSubmission } from '../../shared/validation';
import { daysLateFor, filingOpens, templateFor } from '../../shared/templates';
import { demoConsolidations, demoFilings, demoSubmissions, periodsAround } from './demo-data';

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

  it('covers the units abolished in 2025 by their half-year, and has a merged department’s successor include its part', () => {
    const all = demoSubmissions('2026-11-29');
    const year = all.filter((s) => s.period === '2025');
    const units = new Set(year.map((s) => s.unit ?? ''));
    // Gone by the deadline: nothing filed for the year by the districts or the merged department.
    expect([...units].filter((u) => ['KPA', 'BMT', 'STTTT'].includes(u))).toEqual([]);
    expect([...units].filter((u) => ['PHUOCAN', 'EAKLY', 'TUYHOA'].includes(u)).length).toBeGreaterThan(0);
    expect(all.filter((s) => s.period === '2025-H1' && s.unit === 'KPA').length).toBeGreaterThan(0);
    expect(year.filter((s) => s.unit === 'SKHCN' && s.template !== 'BM02').every((s) => s.coversPredecessors)).toBe(true);
  });

  it('the seed half-year adds up to what the province published (seed 001 §7, §8)', () => {
    const [bm03, bm04, , , bm06] = ['BM03', 'BM04', 'BM05', 'BM02', 'BM06'].map((id) => demoConsolidations('2024-H1').find((c) => c.template.id === id)!);
    expect(bm03!.total.values['TT01.KQ']).toBe(1683);
    expect(bm03!.total.values['HS03.KQ']).toBe(384_618);
    expect(bm03!.total.values['HS04.KQ']).toBe(382_982);
    expect(bm03!.total.values['TL08.KQ']).toBeCloseTo(99.5746, 4);
    expect([bm04!.total.values['VB01.KQ'], bm04!.total.values['VB02.KQ'], bm04!.total.values['VB03.KQ']]).toEqual([770_509, 715_003, 55_506]);
    expect([bm06!.total.values['XH01.KQ'], bm06!.total.values['XH02.KQ']]).toEqual([1_163, 7_228]);
    const budget = demoConsolidations('2023').find((c) => c.template.id === 'BM07')!;
    expect(budget.total.values['KP09.KQ']).toBe(409.8);
    expect(budget.total.values['KP07.KQ']).toBe(5.9);
  });

  it('2025-H2 has the catalogue by level from its keeper (tỉnh + xã = TT01), and no commune files a district part', () => {
    const bm03 = demoConsolidations('2025-H2', '2026-11-29').find((c) => c.template.id === 'BM03')!;
    const [tt01, tinh, xa] = ['TT01.KQ', 'TT01A.KQ', 'TT01C.KQ'].map((ref) => bm03.total.values[ref]);
    expect(typeof tinh === 'number' && typeof xa === 'number' && tinh > xa && xa > 0).toBe(true);
    expect((tinh as number) + (xa as number)).toBe(tt01);
    expect(bm03.catalogue).toMatchObject({ keeper: { code: 'VPUBND' }, filed: true });
    expect(bm03.catalogue!.levels.map((l) => [l.level, l.value])).toEqual([['province', tinh], ['commune', xa]]);
    const filings = demoSubmissions('2026-11-29').filter((s) => s.template === 'BM03' && parsePeriod(s.period!)!.end >= '2025-07-01');
    expect(filings.length).toBeGreaterThan(0);
    expect(filings.filter((s) => 'HS05B.KQ' in (s.values ?? {}))).toEqual([]);
    // The half-year before the reform keeps the published total, with no level rows.
    expect(demoConsolidations('2024-H1').find((c) => c.template.id === 'BM03')!.catalogue!.levels).toEqual([]);
  });

  it.each(['2025-08-15', '2026-03-20', '2026-12-05', '2026-12-19', '2026-12-24'])('on %s are dated from the day their template opens (the DTI: the next year), most on time, about one in ten late, none after today', (today) => {
    const now = new Date(`${today}T03:00:00Z`); // 10:00 in Viet Nam
    const filings = demoFilings(today, now);
    expect(filings.map((f) => f.submission)).toEqual(demoSubmissions(today));
    expect(demoFilings(today, now)).toEqual(filings);
    let late = 0;
    for (const { submission, receivedAt } of filings) {
      const period = parsePeriod(submission.period!)!;
      const template = templateFor(submission.template!, period)!;
      const day = vietnamDay(receivedAt);
      const where = `${submission.template} ${submission.unit} ${submission.period} ${receivedAt}`;
      expect(day >= filingOpens(template, period) && day <= today, where).toBe(true);
      expect(Date.parse(receivedAt), where).toBeLessThanOrEqual(now.getTime());
      expect(daysLateFor(template, period, receivedAt), where).toBeLessThanOrEqual(10);
      if (daysLateFor(template, period, receivedAt) > 0) late++;
    }
    expect(late / filings.length).toBeGreaterThan(0.04);
    expect(late / filings.length).toBeLessThan(0.16);
  });
});

/** Golden cases from the seed documents: real published figures, including the ones that do not add up. */
import { describe, expect, it } from 'vitest';
import {
  BM01_2024_H1,
  BM03_2023,
  BM03_2024_H1,
  BM04_2021_PUBLISHED,
  BM04_2024_H1,
  BM05_2021,
  BM06_2024_H1,
  BM07_2023,
  BM08_2021,
  BROKEN_SHARES,
  PUBLISHED_SHARES,
  plan203Tasks,
  plan30Tasks,
} from '../demo/seed-figures';
import { countByStatus } from '../consolidation/status';
import { getTemplate, type ListTemplate } from '../templates';
import { shareMatches, validateSubmission } from './index';
import { versionOf } from '../templates';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('published figures that hold', () => {
  it('TTHC and online services, 6/2024 (seed 001 §7)', () => {
    const report = validateSubmission(BM03_2024_H1);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.values['TT01.KQ']).toBe(1683);
    expect(report.values['TL08.KQ']).toBe(99.57);
    // Every sum, part and share with both sides filled was checked.
    expect(report.stats.rulesChecked).toBeGreaterThanOrEqual(14);
  });

  it('TTHC, services with records and digitised records, 2023 (seed 000 §9)', () => {
    const report = validateSubmission(BM03_2023);
    expect(report.errors).toEqual([]);
    expect(report.values['HS05.KQ']).toBe(658403);
    expect(report.values['TL06.KQ']).toBe(63.02);
  });

  it('documents sent and received, 6/2024: 770.509 = 715 003 + 55 506', () => {
    expect(validateSubmission(BM04_2024_H1).valid).toBe(true);
  });

  it('information systems by level, 2021 (seed 003 §7)', () => {
    expect(validateSubmission(BM05_2021).errors).toEqual([]);
  });

  it('community teams and e-ID accounts, 6/2024 (seed 001 §8)', () => {
    expect(validateSubmission(BM06_2024_H1).errors).toEqual([]);
  });

  it('DTI 2021: 8 pillar scores add up to 398,49, each under its maximum (seed 004 §II)', () => {
    const report = validateSubmission(BM08_2021);
    expect(report.errors).toEqual([]);
    expect(report.values['DT.KQ']).toBe(398.49);
  });

  it('key indicators, 6/2024: targets with comparators and text', () => {
    const report = validateSubmission(BM01_2024_H1);
    expect(report.errors).toEqual([]);
    expect(report.values['CT15A.KQ']).toBe(82);
    expect(report.values['CT16.MT']).toMatch(/cáp quang/);
  });

  it('budget 2023: 409,8 = 288 + 56 + 50 + 15,8, but information security is only 3,86% of it', () => {
    const report = validateSubmission(BM07_2023);
    expect(report.valid).toBe(true);
    expect(report.submittable).toBe(false);
    expect(report.warnings).toHaveLength(1);
    const [warning] = report.warnings;
    expect(warning).toMatchObject({ code: 'share_below_min', rule: 'ATTT.10PT', explained: false });
    expect(warning!.params).toMatchObject({ share: 3.86, min: 10 });
    expect(warning!.message).toContain('3,86%');

    const explained = validateSubmission({ ...BM07_2023, notes: { KP09: 'Năm 2023 đầu tư SOC chuyển sang năm 2024.' } });
    expect(explained.submittable).toBe(true);
    expect(explained.warnings[0]).toMatchObject({ explained: true, note: 'Năm 2023 đầu tư SOC chuyển sang năm 2024.' });
  });

  it('plan 30 task counts: 18/66 completed is 27,27% (seed 001 §II.3)', () => {
    const template = getTemplate('BM02') as ListTemplate;
    const report = validateSubmission({ template: 'BM02', version: versionOf('BM02'), period: '2024-H1', rows: plan30Tasks() });
    expect(report.errors).toEqual([]);
    const counts = countByStatus(template, report.rows!);
    expect(counts).toMatchObject({ total: 66, counts: { HT: 18, TX: 13, DTH: 35, CTH: 0 } });
    expect(counts.shares).toMatchObject({ HT: 27.27, TX: 19.7, DTH: 53.03 });
  });

  it('plan 203 task counts: 10/63 completed is 15,87% (seed 001 §II.4)', () => {
    const template = getTemplate('BM02') as ListTemplate;
    const report = validateSubmission({ template: 'BM02', version: versionOf('BM02'), period: '2024-H1', rows: plan203Tasks() });
    const counts = countByStatus(template, report.rows!);
    expect(counts).toMatchObject({ total: 63, counts: { HT: 10, TX: 9, DTH: 44 } });
    expect(counts.shares.HT).toBe(15.87);
  });

  it.each(PUBLISHED_SHARES)('%d/%d written %d%% matches (%#)', (n, d, written, decimals) => {
    expect(shareMatches(written, decimals, n, d)).toBe(true);
  });
});

describe('published figures that break the rules', () => {
  it('2021 documents: 579.445 + 40.375 is not 619.120, and 571.421/619.120 is not 98,6%', () => {
    const report = validateSubmission(BM04_2021_PUBLISHED);
    expect(report.valid).toBe(false);
    expect(codes(report.errors)).toEqual(['sum_mismatch', 'share_mismatch']);
    const [sum, share] = report.errors;
    expect(sum).toMatchObject({
      rule: 'VB01.TONG',
      cells: ['VB01.KQ', 'VB02.KQ', 'VB03.KQ'],
      values: { 'VB01.KQ': 619120, 'VB02.KQ': 579445, 'VB03.KQ': 40375 },
      expected: 619820,
    });
    expect(sum!.message).toBe(
      'Tổng không khớp: VB01 «Văn bản điện tử gửi, nhận (tổng)» = 619.120 nhưng VB02 + VB03 = 619.820 (chênh 700).',
    );
    expect(share).toMatchObject({ rule: 'TL01.TYLE', cells: ['TL01.KQ', 'VB04.KQ', 'VB01.KQ'], expected: 92.3 });
    expect(share!.message).toContain('98,6%');
    expect(share!.message).toContain('92,3%');
  });

  it.each(BROKEN_SHARES)('%d/%d written %d%% does not match (%#)', (n, d, written, decimals) => {
    expect(shareMatches(written, decimals, n, d)).toBe(false);
  });

  it('truncation is one unit below, never above: 19,70% for 13/66 rounds, 19,69% truncates, 19,71% is wrong', () => {
    expect(shareMatches(19.7, 2, 13, 66)).toBe(true);
    expect(shareMatches(19.69, 2, 13, 66)).toBe(true);
    expect(shareMatches(19.71, 2, 13, 66)).toBe(false);
    expect(shareMatches(19.69, 2, 13, 66, false)).toBe(false);
  });
});

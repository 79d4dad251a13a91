import { describe, expect, it } from 'vitest';
import { getTemplate, templateFor } from '../templates';
import type { Submission } from '../submission';
import { ENGINE_VERSION, validate, validateSubmission } from './index';
import { versionOf } from '../templates';

const bm03 = getTemplate('BM03')!;
const sub = (values: Submission['values'], extra: Partial<Submission> = {}): Submission => ({
  template: 'BM03',
  version: versionOf('BM03'),
  period: '2024-H1',
  values,
  ...extra,
});
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('the report', () => {
  it('names the engine and template versions, so every side can show the same verdict', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 10 }));
    expect(r).toMatchObject({ template: 'BM03', templateVersion: versionOf('BM03'), engineVersion: ENGINE_VERSION, period: '2024-H1', lang: 'vi' });
    expect(r.stats.filledCells).toBe(1);
  });

  it('points at sheet addresses when the values came from a sheet', () => {
    const r = validate(bm03, sub({ 'TT01.KQ': 10, 'TT02.KQ': 5, 'TT03.KQ': 2, 'TT04.KQ': 1 }), {
      locate: (ref) => ({ 'TT01.KQ': "'BM03'!E7", 'TT02.KQ': "'BM03'!E8" })[ref],
    });
    expect(r.errors[0]).toMatchObject({ code: 'sum_mismatch', addresses: ["'BM03'!E7", "'BM03'!E8"] });
  });

  it('speaks English on request', () => {
    const r = validate(bm03, sub({ 'TT01.KQ': 10, 'TT02.KQ': 5, 'TT03.KQ': 2, 'TT04.KQ': 1 }), { lang: 'en' });
    expect(r.errors[0]!.message).toBe(
      'The total does not add up: TT01 «Procedures provided on the system (total)» = 10 but TT02 + TT03 + TT04 = 8 (difference 2).',
    );
  });
});

describe('blank is not zero', () => {
  it('a rule with a blank operand is skipped', () => {
    const r = validate(bm03, sub({ 'TT01.KQ': 100, 'TT02.KQ': 50, 'TT04.KQ': 10 }));
    expect(r.errors).toEqual([]);
    expect(r.stats.rulesSkipped).toBeGreaterThan(0);
  });

  it('the same rule with a zero is checked', () => {
    const r = validate(bm03, sub({ 'TT01.KQ': 100, 'TT02.KQ': 50, 'TT03.KQ': 0, 'TT04.KQ': 10 }));
    expect(codes(r.errors)).toEqual(['sum_mismatch']);
    expect(r.errors[0]!.expected).toBe(60);
  });

  it('empty strings and nulls are blanks', () => {
    const r = validate(bm03, sub({ 'TT01.KQ': 100, 'TT02.KQ': '', 'TT03.KQ': null, 'TT04.KQ': '  ' }));
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ 'TT01.KQ': 100 });
  });

  it('a submission with no values at all is refused, once', () => {
    const r = validate(bm03, sub({}), { unitKind: 'district' });
    expect(codes(r.errors)).toEqual(['empty_submission']);
  });
});

describe('single cells', () => {
  it('a value in a cell the template does not have is an error, never dropped', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 5, 'ZZ01.KQ': 3, 'TT01.MT': '90%' }));
    expect(codes(r.errors)).toEqual(['unknown_cell', 'unknown_cell']);
    expect(r.errors[0]).toMatchObject({ cells: ['ZZ01.KQ'], values: { 'ZZ01.KQ': 3 } });
    expect(r.errors[0]!.message).toContain('ZZ01.KQ');
  });

  it('counts are whole and not negative; percentages lie in 0–100', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 10.5, 'HS02.KQ': -1, 'TL07.KQ': '120%' }));
    expect(codes(r.errors)).toEqual(['not_whole', 'negative', 'percent_range']);
  });

  it('text in a number cell is unreadable; an ambiguous number is reported with both readings', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 'chưa có', 'HS02.KQ': '119,637', 'TL07.KQ': '1.586' }));
    expect(codes(r.errors)).toEqual(['unreadable_number', 'ambiguous_number', 'ambiguous_number']);
    expect(r.errors[1]!.params).toMatchObject({ candidates: [119.637, 119637] });
    expect(r.errors[2]!.message).toContain('1.586');
  });

  it('a unit that is not the cell’s unit is an error', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': '50%' }));
    expect(codes(r.errors)).toEqual(['unit_mismatch']);
  });

  it('an approximate figure ("hơn 5.092") is accepted with a warning to explain', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 'hơn 5.092' }));
    expect(r.valid).toBe(true);
    expect(r.submittable).toBe(false);
    expect(r.warnings[0]).toMatchObject({ code: 'approximate_value', cells: ['HS01.KQ'], values: { 'HS01.KQ': 5092 } });
    const explained = validate(bm03, sub({ 'HS01.KQ': 'hơn 5.092', 'HS01.GC': 'Số liệu hệ thống iGate chưa chốt' }));
    expect(explained.submittable).toBe(true);
  });

  it('scores stay under their maximum; ranks lie among the provinces', () => {
    const bm08 = templateFor('BM08', '2023')!;
    const r = validate(bm08, { template: 'BM08', version: versionOf('BM08', '2023'), period: '2023', values: { 'D6.KQ': 210, 'D6.XH': 64, 'D1.XH': 0 } });
    expect(codes(r.errors)).toEqual(['above_max', 'rank_range', 'rank_range']);
    expect(r.errors[0]!.message).toContain('200');
    const after = validate(bm08, { template: 'BM08', version: versionOf('BM08', '2023'), period: '2023', values: { 'D6.XH': 40 } }, { provinces: 34 });
    expect(codes(after.errors)).toEqual(['rank_range']);
  });

  it('takes ranks among the provinces the DTI year was ranked among: 63 for DTI 2021–2023, 34 from DTI 2024', () => {
    const rank40 = (period: string) => validateSubmission({ template: 'BM08', version: versionOf('BM08', period), period, values: { 'D6.XH': 40 } });
    expect(codes(rank40('2023').errors)).toEqual([]);
    // DTI 2024 was published in October 2025 among 34, though the year ended with 63 provinces.
    expect(codes(rank40('2024').errors)).toEqual(['rank_range']);
    expect(rank40('2024').errors[0]!.message).toContain('34');
    expect(codes(rank40('2025').errors)).toEqual(['rank_range']);
  });

  it('asks a commune for the district rows from July 2025, and a unit that ended before for its own rows only', () => {
    const bm06 = getTemplate('BM06')!;
    const figures = { template: 'BM06', version: versionOf('BM06'), values: { 'XH03.KQ': 100 } };
    expect(codes(validate(bm06, { ...figures, period: '2024' }, { unitKind: 'commune' }).errors)).toEqual([]);
    expect(codes(validate(bm06, { ...figures, period: '2025' }, { unitKind: 'commune' }).errors)).toEqual(['required_missing', 'required_missing', 'required_missing', 'required_missing']);
    expect(codes(validate(bm06, { ...figures, period: '2025' }, { unitKind: 'commune', unitUntil: '2025-06-30' }).errors)).toEqual([]);
  });

  it('rows required for the unit’s kind must be filled', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 10, 'HS02.KQ': 5 }), { unitKind: 'commune' });
    expect(codes(r.errors)).toEqual(['required_missing', 'required_missing']);
    expect(r.errors.map((e) => e.cells[0])).toEqual(['HS03.KQ', 'HS04.KQ']);
    expect(validate(bm03, sub({ 'HS01.KQ': 10, 'HS02.KQ': 5 })).errors).toEqual([]);
  });

  it('a written achievement must agree with result and target', () => {
    const bm01 = getTemplate('BM01')!;
    const base = { template: 'BM01', version: versionOf('BM01'), period: '2024-H1' };
    const wrong = validate(bm01, { ...base, values: { 'CT07.MT': '90%', 'CT07.KQ': '78,85%', 'CT07.DG': 'Đạt' } });
    expect(codes(wrong.errors)).toEqual(['achievement_mismatch']);
    const right = validate(bm01, { ...base, values: { 'CT07.MT': '90%', 'CT07.KQ': '78,85%', 'CT07.DG': 'Chưa đạt' } });
    expect(right.errors).toEqual([]);
    // "> 90%" is strict: 90% does not reach it.
    const strict = validate(bm01, { ...base, values: { 'CT15A.MT': '> 90%', 'CT15A.KQ': '90%', 'CT15A.DG': 'Đạt' } });
    expect(codes(strict.errors)).toEqual(['achievement_mismatch']);
  });

  it('a ratio indicator’s result matches its numerator and denominator', () => {
    const bm01 = getTemplate('BM01')!;
    const r = validate(bm01, { template: 'BM01', version: versionOf('BM01'), period: '2024-H1', values: { 'CT03.KQ': '74,65%', 'CT03.TS': 658, 'CT03.MS': 1000 } });
    expect(codes(r.errors)).toEqual(['share_mismatch']);
    expect(r.errors[0]!.expected).toBe(65.8);
    const over = validate(bm01, { template: 'BM01', version: versionOf('BM01'), period: '2024-H1', values: { 'CT03.TS': 1001, 'CT03.MS': 1000 } });
    expect(codes(over.errors)).toEqual(['part_exceeds_whole']);
  });

  it('suggests the share that matches the fraction: two decimals for a whole number written, never a rounded-up 100%', () => {
    const bm01 = getTemplate('BM01')!;
    const whole = validate(bm01, { template: 'BM01', version: versionOf('BM01'), period: '2024-H1', values: { 'CT03.KQ': '95%', 'CT03.TS': 382982, 'CT03.MS': 384618 } });
    expect(whole.errors[0]!.message).toContain('nên ghi 99,57%');
    expect(whole.errors[0]!.message).not.toContain('100%');
    const oneDecimal = validate(bm01, { template: 'BM01', version: versionOf('BM01'), period: '2024-H1', values: { 'CT03.KQ': '95,0%', 'CT03.TS': 382982, 'CT03.MS': 384618 } });
    expect(oneDecimal.errors[0]!.message).toContain('nên ghi 99,6%');
  });
});

describe('rules between cells', () => {
  it('a part never exceeds its whole', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 100, 'HS02.KQ': 101 }));
    expect(r.errors[0]).toMatchObject({ code: 'part_exceeds_whole', rule: 'HS02.HS01', cells: ['HS02.KQ', 'HS01.KQ'] });
    expect(r.errors[0]!.message).toBe(
      'HS02 «Hồ sơ tiếp nhận trực tuyến» = 101 lớn hơn HS01 = 100: phần không được vượt quá tổng.',
    );
  });

  it('money totals are exact at the written precision', () => {
    const bm07 = getTemplate('BM07')!;
    const base = { template: 'BM07', version: versionOf('BM07'), period: '2023' };
    const parts = { 'KP01.KQ': '0,1', 'KP02.KQ': '0,2', 'KP03.KQ': 0, 'KP04.KQ': 0, 'KP05.KQ': 0, 'KP06.KQ': 0, 'KP07.KQ': 0, 'KP08.KQ': '0,1' };
    expect(validate(bm07, { ...base, values: { ...parts, 'KP09.KQ': '0,4' } }).errors).toEqual([]);
    expect(codes(validate(bm07, { ...base, values: { ...parts, 'KP09.KQ': '0,5' } }).errors)).toEqual(['sum_mismatch']);
    // A total written with fewer decimals than its parts may round them.
    expect(validate(bm07, { ...base, values: { ...parts, 'KP01.KQ': '0,14', 'KP09.KQ': 0 } }).errors).toEqual([]);
  });

  it('an implausible pair is a warning, explained by a note on either row', () => {
    const bm06 = getTemplate('BM06')!;
    const r = validate(bm06, { template: 'BM06', version: versionOf('BM06'), period: '2024-H1', values: { 'XH01.KQ': 100, 'XH02.KQ': 50 } });
    expect(r.warnings[0]).toMatchObject({ code: 'implausible', explained: false });
    const noted = validate(bm06, {
      template: 'BM06',
      version: versionOf('BM06'),
      period: '2024-H1',
      values: { 'XH01.KQ': 100, 'XH02.KQ': 50 },
      notes: { XH02: 'Nhiều tổ chưa cập nhật thành viên' },
    });
    expect(noted.warnings[0]).toMatchObject({ explained: true });
  });

  it('a value that jumps far from the previous period is a warning', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 50_000, 'HS02.KQ': 100 }), { previous: { 'HS01.KQ': 10_000, 'HS02.KQ': 90 } });
    expect(codes(r.warnings)).toEqual(['jump']);
    expect(r.warnings[0]!.params).toMatchObject({ previous: 10_000 });
  });
});

describe('the submission as a whole', () => {
  it('another version of the template is refused with both versions named', () => {
    const r = validate(bm03, sub({ 'HS01.KQ': 1 }, { version: '2023.1' }));
    expect(r.errors[0]).toMatchObject({ code: 'version_mismatch' });
    expect(r.errors[0]!.message).toContain('2023.1');
    expect(r.errors[0]!.message).toContain(bm03.version);
  });

  it('a period must be well formed and one the template is filed for', () => {
    expect(codes(validate(bm03, sub({ 'HS01.KQ': 1 }, { period: '2024-H3' })).errors)).toEqual(['period_invalid']);
    const bm07 = getTemplate('BM07')!;
    const r = validate(bm07, { template: 'BM07', version: versionOf('BM07'), period: '2024-Q1', values: { 'KP09.KQ': 1 } });
    expect(codes(r.errors)).toEqual(['period_not_allowed']);
  });

  it('an unknown template is reported, not thrown', () => {
    const r = validateSubmission({ template: 'BM42', version: '1', period: '2024', values: {} });
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'template_unknown', message: 'Không có mẫu báo cáo BM42.' });
  });
});

describe('periods that have not begun', () => {
  it('are refused where a report is filed on a given day, and checked as any other period elsewhere', () => {
    const future = sub({ 'HS01.KQ': 10 }, { period: '2030-H1' });
    const filed = validate(bm03, future, { today: '2026-11-29' });
    expect(filed.errors.map((e) => e.code)).toEqual(['period_not_begun']);
    expect(filed.errors[0]!.message).toBe('Kỳ 2030-H1 chưa bắt đầu (từ ngày 01/01/2030); chưa thể nộp báo cáo cho kỳ này.');
    expect(validate(bm03, sub({ 'HS01.KQ': 10 }, { period: '2026-Q4' }), { today: '2026-11-29' }).valid).toBe(true);
    expect(validate(bm03, future).valid).toBe(true);
  });
});

describe('plausible numbers only', () => {
  it('refuses a figure above its measure’s ceiling, naming the cell, so a provincial sum stays exact', () => {
    const r = validate(bm03, sub({ 'TT01.KQ': 1e300, 'HS01.KQ': 1e12, 'HS02.KQ': Number.POSITIVE_INFINITY }));
    expect(r.errors.filter((e) => e.code === 'implausibly_large').map((e) => e.cells[0])).toEqual(['TT01.KQ', 'HS02.KQ']);
    expect(r.errors[0]!.message).toContain('lớn bất thường (trên 1.000.000.000.000)');
    const budget = validate(getTemplate('BM07')!, { template: 'BM07', version: getTemplate('BM07')!.version, period: '2024', values: { 'KP01.KQ': '2.000.000 tỷ đồng' } });
    expect(codes(budget.errors)).toContain('implausibly_large');
  });
});

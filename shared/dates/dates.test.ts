import { describe, expect, it } from 'vitest';
import { excelSerialToIso, isoToExcelSerial, parseDeadline } from './index';

describe('task deadlines as plans write them', () => {
  it.each([
    ['31/12/2024', '2024-12-31'],
    ['1/7/2024', '2024-07-01'],
    ['2024-06-30', '2024-06-30'],
    ['06/2024', '2024-06-30'],
    ['Tháng 2/2024', '2024-02-29'],
    ['Quý III/2024', '2024-09-30'],
    ['quý 2/2024', '2024-06-30'],
    ['Năm 2024', '2024-12-31'],
  ])('%s is %s', (text, iso) => {
    expect(parseDeadline(text)).toEqual({ ok: true, date: iso });
  });

  it('recurring tasks have no date', () => {
    expect(parseDeadline('Thường xuyên')).toEqual({ ok: true, date: null, recurring: true });
  });

  it('refuses what is not a date', () => {
    for (const bad of ['31/02/2024', '32/1/2024', 'sớm', '13/2024']) expect(parseDeadline(bad)).toEqual({ ok: false });
  });

  it('reads Excel date serials', () => {
    expect(excelSerialToIso(45473)).toBe('2024-06-30');
    expect(isoToExcelSerial('2024-06-30')).toBe(45473);
    expect(parseDeadline(45473)).toEqual({ ok: true, date: '2024-06-30' });
  });
});

import { describe, expect, it } from 'vitest';
import { validationAlert } from './validation-alert';

const at = { row: 5, col: 4, rows: 3, cols: 1 };

describe('the alert of a cell validation', () => {
  it('a strict status list stops a value outside it and names the choices', () => {
    expect(validationAlert({ ...at, kind: 'list', items: ['Hoàn thành', 'Đang thực hiện'], strict: true })).toEqual({
      style: 'stop',
      title: 'Giá trị không hợp lệ',
      message: 'Chọn một trong: Hoàn thành, Đang thực hiện',
    });
    expect(validationAlert({ ...at, kind: 'list', items: ['Có', 'Không'], strict: false }).style).toBe('warning');
  });

  it('numbers only warn, and say what the cell needs', () => {
    expect(validationAlert({ ...at, kind: 'whole', min: 0 })).toMatchObject({ style: 'warning', message: 'Ô này cần số nguyên từ 0 trở lên.' });
    expect(validationAlert({ ...at, kind: 'decimal', min: 0, max: 1 }).message).toBe('Tỷ lệ phải nằm trong khoảng 0–100%.');
    expect(validationAlert({ ...at, kind: 'decimal', min: 0 }).message).toBe('Ô này cần số từ 0 trở lên.');
  });
});

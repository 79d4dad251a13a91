/** What Excel says when a typed value breaks a cell's validation: the same words from the add-in and from .xlsx files. */
import type { ValidationModel } from './model';

export interface ValidationAlert {
  /** A stop refuses the value; a warning lets the clerk keep it, since the engine has the last word. */
  style: 'stop' | 'warning';
  title: string;
  message: string;
}

export function validationAlert(v: ValidationModel): ValidationAlert {
  if (v.kind === 'list') {
    return { style: v.strict ? 'stop' : 'warning', title: 'Giá trị không hợp lệ', message: `Chọn một trong: ${v.items.join(', ')}` };
  }
  const message =
    v.kind === 'whole' ? `Ô này cần số nguyên từ ${v.min} trở lên.` : v.max === 1 ? 'Tỷ lệ phải nằm trong khoảng 0–100%.' : `Ô này cần số từ ${v.min} trở lên.`;
  return { style: 'warning', title: 'Kiểm tra số liệu', message };
}

import { describe, expect, it } from 'vitest';
import { getTemplate } from '../templates';
import { validate } from './index';
import { versionOf } from '../templates';

const bm02 = getTemplate('BM02')!;
const run = (rows: Record<string, string | number | null>[], period = '2024-H1') =>
  validate(bm02, { template: 'BM02', version: versionOf('BM02'), period, rows });
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('the task list (BM02)', () => {
  it('reads statuses by label or code, and deadlines in the forms plans use', () => {
    const r = run([
      { MA: 'A1', ND: 'Nhiệm vụ 1', TT: 'Hoàn thành', TH: '31/12/2024' },
      { MA: 'A2', ND: 'Nhiệm vụ 2', TT: 'dth', TH: 'Quý IV/2024' },
      { MA: 'A3', ND: 'Nhiệm vụ 3', TT: 'Thường xuyên', TH: 'Thường xuyên' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows!.map((x) => [x.TT, x.TH])).toEqual([
      ['HT', '2024-12-31'],
      ['DTH', '2024-12-31'],
      ['TX', 'Thường xuyên'],
    ]);
  });

  it('finds missing fields, unknown statuses, bad dates and duplicate codes, each at its task', () => {
    const r = run([
      { MA: 'A1', ND: '', TT: 'Hoàn thành' },
      { MA: 'A2', ND: 'Việc 2', TT: 'Xong rồi' },
      { MA: 'A3', ND: 'Việc 3', TT: 'HT', TH: '31/02/2024' },
      { MA: 'A1', ND: 'Việc 4', TT: 'HT' },
      { MA: '', ND: 'Việc 5', TT: 'HT' },
    ]);
    expect(codes(r.errors)).toEqual(['list_missing_field', 'status_unknown', 'date_invalid', 'duplicate_task', 'list_missing_field']);
    expect(r.errors.map((e) => e.cells[0])).toEqual(['A1.ND', 'A2.TT', 'A3.TH', '#4.MA', '#5.MA']);
    expect(r.errors[3]!.message).toBe('Mã nhiệm vụ A1 bị trùng (dòng 1 và 4).');
  });

  it('a second task with the same code has cells of its own: its issues and its explanation are not the first one’s', () => {
    const r = run([
      { MA: 'A1', ND: 'Việc 1', TT: 'Hoàn thành', TH: '31/03/2024', KQ: 'Đã xong' },
      { MA: 'A1', ND: 'Việc 2', TT: 'Chưa thực hiện', TH: '30/04/2024' },
    ]);
    expect(r.errors.map((e) => [e.code, e.cells])).toEqual([['duplicate_task', ['#2.MA']]]);
    expect(r.errors[0]!.message).toBe('Mã nhiệm vụ A1 bị trùng (dòng 1 và 2).');
    expect(r.warnings.map((w) => [w.code, w.cells, w.explained])).toEqual([['task_overdue', ['#2.TT', '#2.TH'], false]]);
  });

  it('a task whose code looks like a row’s place (#1) does not take the cells of the row at that place', () => {
    const r = run([
      { MA: '', ND: 'Việc 1', TT: 'Chưa thực hiện', TH: '30/04/2024' },
      { MA: '#1', ND: 'Việc 2', TT: 'Đang thực hiện', TH: '30/04/2024' },
    ]);
    expect(r.warnings.map((w) => w.cells[0])).toEqual(['#1.TT', '#2.TT']);
  });

  it('an unfinished task past its deadline is a warning, explained by its result', () => {
    const r = run([{ MA: 'A1', ND: 'Việc 1', TT: 'Đang thực hiện', TH: '30/04/2024' }]);
    expect(r.warnings[0]).toMatchObject({ code: 'task_overdue', explained: false });
    expect(r.warnings[0]!.message).toContain('30/04/2024');
    // A sentence, capitalised, though it opens with the task's cell.
    expect(r.warnings[0]!.message).toMatch(/^Nhiệm vụ A1 \(/);
    const explained = run([{ MA: 'A1', ND: 'Việc 1', TT: 'Đang thực hiện', TH: '30/04/2024', KQ: 'Chờ hướng dẫn của Bộ' }]);
    expect(explained.submittable).toBe(true);
  });

  it('blank rows are skipped; columns the template does not have are reported', () => {
    const r = run([{ MA: null, ND: null, TT: null }, { MA: 'A1', ND: 'Việc', TT: 'HT', XX: 'lạ' }]);
    expect(codes(r.errors)).toEqual(['unknown_column']);
    expect(r.rows).toHaveLength(1);
  });

  it('an empty list is refused', () => {
    expect(codes(run([]).errors)).toEqual(['empty_submission']);
  });
});

describe('the task list’s words to the clerk', () => {
  it('suggests the status a near miss was meant to be, whatever its diacritics and case', () => {
    const r = run([{ MA: 'A1', ND: 'Việc 1', TT: 'Hoan thanh' }, { MA: 'A2', ND: 'Việc 2', TT: 'DANG THUC HIEN' }, { MA: 'A3', ND: 'Việc 3', TT: 'Xong rồi' }]);
    const messages = r.errors.filter((e) => e.code === 'status_unknown').map((e) => e.message);
    expect(messages[0]).toContain('Có phải "Hoàn thành"?');
    expect(messages[1]).toContain('Có phải "Đang thực hiện"?');
    expect(messages[2]).not.toContain('Có phải');
    const en = validate(bm02, { template: 'BM02', version: versionOf('BM02'), period: '2024-H1', rows: [{ MA: 'A1', ND: 'Việc 1', TT: 'Hoan thanh' }] }, { lang: 'en' });
    expect(en.errors[0]!.message).toMatch(/Did you mean "[^"]+"\?/);
  });

  it('sends an overdue task’s explanation to a column BM02 has', () => {
    const r = run([{ MA: 'A1', ND: 'Việc 1', TT: 'Đang thực hiện', TH: '31/03/2024' }]);
    const warning = r.warnings.find((w) => w.code === 'task_overdue')!;
    expect(warning.message).toContain('cột Kết quả');
    expect(warning.message).not.toContain('Ghi chú');
  });
});

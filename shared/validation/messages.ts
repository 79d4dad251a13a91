/** Words for issues, in Vietnamese (default) and English. Issues stay structured; this only renders them. */
import { formatNumber, formatPercent } from '../numbers/format';
import type { Lang } from '../i18n';
import { formatDateVi } from '../dates';
import { splitRef, templateCells } from '../templates/cells';
import type { Template, UnitKind } from '../templates/schema';
import type { DraftIssue } from './normalize';
import type { IssueCode, IssueValue } from './issues';

type Words = Record<Lang, string>;

const KIND_NAMES: Record<UnitKind, Words> = {
  department: { vi: 'sở, ban, ngành', en: 'departments' },
  district: { vi: 'cấp huyện', en: 'districts' },
  commune: { vi: 'cấp xã', en: 'communes' },
};

const QUALIFIER_WORDS: Record<string, Words> = {
  more_than: { vi: 'hơn/trên', en: 'more than' },
  less_than: { vi: 'dưới', en: 'less than' },
  about: { vi: 'khoảng/gần/ước', en: 'about' },
  at_least: { vi: 'tối thiểu', en: 'at least' },
  at_most: { vi: 'tối đa', en: 'at most' },
};

/** A renderer for one issue: knows the template so it can name cells and format values. */
class Renderer {
  constructor(
    private readonly template: Template,
    private readonly lang: Lang,
  ) {}

  /** `TT01` for a row's result, `CT03 (Tử số)` for another column. */
  cell(ref: string): string {
    if (this.template.kind === 'list') {
      const dot = ref.lastIndexOf('.');
      const id = ref.slice(0, dot);
      const key = ref.slice(dot + 1);
      const column = this.template.listColumns.find((c) => c.key === key);
      const name = column ? column.label[this.lang] : key;
      return this.lang === 'vi' ? `nhiệm vụ ${id} (${name})` : `task ${id} (${name})`;
    }
    const parts = splitRef(ref);
    if (!parts) return ref;
    if (parts.column === 'KQ') return parts.row;
    const column = this.template.columns.find((c) => c.key === parts.column);
    return `${parts.row} (${column ? column.label[this.lang] : parts.column})`;
  }

  /** The cell with its row label, for the first mention. */
  named(ref: string): string {
    if (this.template.kind === 'list') return this.cell(ref);
    const parts = splitRef(ref);
    const row = parts && this.template.rows.find((r) => r.code === parts.row);
    return row ? `${this.cell(ref)} «${row.label[this.lang]}»` : this.cell(ref);
  }

  value(ref: string, v: IssueValue | undefined): string {
    if (v === null || v === undefined) return this.lang === 'vi' ? '(trống)' : '(blank)';
    if (typeof v === 'string') return `"${v}"`;
    if (this.template.kind === 'indicator') {
      const info = templateCells(this.template).get(ref);
      const measure = info?.measure === 'target' ? info.row.measure : info?.measure;
      if (measure === 'percent') return formatPercent(v, this.lang);
      if (measure === 'money') return `${formatNumber(v, this.lang)} ${this.lang === 'vi' ? 'tỷ đồng' : 'billion VND'}`;
    }
    return formatNumber(v, this.lang);
  }

  num(v: IssueValue | IssueValue[] | undefined, decimals?: number): string {
    return typeof v === 'number' ? formatNumber(v, this.lang, decimals) : String(v ?? '');
  }

  pct(v: IssueValue | IssueValue[] | undefined, decimals?: number): string {
    return typeof v === 'number' ? formatPercent(v, this.lang, decimals) : String(v ?? '');
  }
}

type Render = (issue: DraftIssue, r: Renderer, lang: Lang, template: Template) => string;

const at = (issue: DraftIssue, i: number): string => issue.cells[i] ?? '';
const v = (issue: DraftIssue, i: number): IssueValue => issue.values[at(issue, i)] ?? null;
const p = (issue: DraftIssue, key: string) => issue.params?.[key];

const RENDER: Record<IssueCode, Render> = {
  template_unknown: (i, _r, lang) => renderTemplateUnknown(String(p(i, 'template')), lang),
  version_mismatch: (i, _r, lang) =>
    lang === 'vi'
      ? `Báo cáo lập theo mẫu ${p(i, 'template')} phiên bản ${p(i, 'got')}, nhưng phiên bản hiện hành là ${p(i, 'expected')}: hãy lấy mẫu mới và chép số liệu sang.`
      : `The report uses template ${p(i, 'template')} version ${p(i, 'got')}, but the current version is ${p(i, 'expected')}: take the new template and copy the figures across.`,
  period_invalid: (i, _r, lang) => renderPeriodInvalid(String(p(i, 'period')), lang),
  period_not_allowed: (i, _r, lang) => renderPeriodNotFiled(String(p(i, 'template')), String(p(i, 'period')), lang),
  period_not_begun: (i, _r, lang) =>
    lang === 'vi'
      ? `Kỳ ${p(i, 'period')} chưa bắt đầu (từ ngày ${formatDateVi(String(p(i, 'start')))}); chưa thể nộp báo cáo cho kỳ này.`
      : `Period ${p(i, 'period')} has not begun (it starts on ${String(p(i, 'start'))}); no report can be filed for it yet.`,
  empty_submission: (_i, _r, lang) =>
    lang === 'vi' ? 'Báo cáo không có số liệu nào.' : 'The report holds no figures at all.',
  unknown_cell: (i, _r, lang, t) =>
    lang === 'vi'
      ? `Ô ${at(i, 0)} không có trong mẫu ${t.id} phiên bản ${t.version}; giá trị ${JSON.stringify(v(i, 0))} không được ghi nhận.`
      : `Cell ${at(i, 0)} does not exist in template ${t.id} version ${t.version}; the value ${JSON.stringify(v(i, 0))} cannot be recorded.`,
  unreadable_number: (i, r, lang) =>
    lang === 'vi' ? `Không đọc được số "${p(i, 'text')}" ở ${r.named(at(i, 0))}.` : `"${p(i, 'text')}" in ${r.named(at(i, 0))} is not a number.`,
  ambiguous_number: (i, r, lang) => {
    const c = (p(i, 'candidates') as IssueValue[] | undefined) ?? [];
    const [a, b] = c.map((x) => (typeof x === 'number' ? formatNumber(x, lang) : String(x)));
    return lang === 'vi'
      ? `Số "${p(i, 'text')}" ở ${r.named(at(i, 0))} có thể hiểu là ${a} hoặc ${b}; hãy ghi rõ theo cách viết Việt Nam (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân).`
      : `"${p(i, 'text')}" in ${r.named(at(i, 0))} could mean ${a} or ${b}; write it unambiguously.`;
  },
  unit_mismatch: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} ghi "${p(i, 'text')}" với đơn vị ${p(i, 'unit')}, không đúng đơn vị của ô này.`
      : `${r.named(at(i, 0))} holds "${p(i, 'text')}" in ${p(i, 'unit')}, which is not this cell's unit.`,
  several_numbers: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} chứa nhiều số ("${p(i, 'text')}"); mỗi ô chỉ ghi một số.`
      : `${r.named(at(i, 0))} holds several numbers ("${p(i, 'text')}"); write one number per cell.`,
  not_whole: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} phải là số nguyên.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} must be a whole number.`,
  negative: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} không được âm.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} cannot be negative.`,
  percent_range: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} phải nằm trong khoảng 0–100%.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} must lie between 0 and 100%.`,
  above_max: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} vượt điểm tối đa ${r.num(p(i, 'max'))}.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} exceeds the maximum of ${r.num(p(i, 'max'))} points.`,
  implausibly_large: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} lớn bất thường (trên ${r.num(p(i, 'max'))}); hãy kiểm tra đơn vị tính và số chữ số.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} is implausibly large (over ${r.num(p(i, 'max'))}); check the unit and the number of digits.`,
  rank_range: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))}: thứ hạng phải từ 1 đến ${r.num(p(i, 'provinces'))}.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))}: a rank must be between 1 and ${r.num(p(i, 'provinces'))}.`,
  required_missing: (i, r, lang) => {
    const kind = KIND_NAMES[p(i, 'unitKind') as UnitKind];
    return lang === 'vi'
      ? `${r.named(at(i, 0))} bắt buộc đối với đơn vị ${kind?.vi ?? ''} nhưng đang để trống.`
      : `${r.named(at(i, 0))} is required for ${kind?.en ?? 'this unit'} but is blank.`;
  },
  approximate_value: (i, r, lang) => {
    const q = QUALIFIER_WORDS[String(p(i, 'qualifier'))]?.[lang] ?? '';
    return lang === 'vi'
      ? `${r.named(at(i, 0))} ghi "${p(i, 'text')}" là số ước lượng (${q}); số tổng hợp sẽ dùng ${r.value(at(i, 0), v(i, 0))}. Ghi số chính xác hoặc giải trình ở cột Ghi chú.`
      : `${r.named(at(i, 0))} holds "${p(i, 'text')}", an approximate figure (${q}); ${r.value(at(i, 0), v(i, 0))} will be used. Write the exact figure or explain it in the note.`;
  },
  achievement_mismatch: (i, r, lang) => {
    const achieved = p(i, 'computed') === 'achieved';
    const words = lang === 'vi' ? (achieved ? 'Đạt' : 'Chưa đạt') : achieved ? 'achieved' : 'not achieved';
    return lang === 'vi'
      ? `Đánh giá ghi ${r.value(at(i, 0), v(i, 0))} nhưng kết quả ${r.value(at(i, 1), v(i, 1))} so với mục tiêu ${p(i, 'comparator')} ${r.value(at(i, 2), v(i, 2))} là "${words}".`
      : `The achievement says ${r.value(at(i, 0), v(i, 0))} but the result ${r.value(at(i, 1), v(i, 1))} against the target ${p(i, 'comparator')} ${r.value(at(i, 2), v(i, 2))} is "${words}".`;
  },
  sum_mismatch: (i, r, lang) => {
    const parts = i.cells.slice(1).map((c) => r.cell(c)).join(' + ');
    const expected = r.value(at(i, 0), i.expected);
    const difference = p(i, 'difference');
    const diff = r.num(typeof difference === 'number' ? Math.abs(difference) : difference);
    return lang === 'vi'
      ? `Tổng không khớp: ${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} nhưng ${parts} = ${expected} (chênh ${diff}).`
      : `The total does not add up: ${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} but ${parts} = ${expected} (difference ${diff}).`;
  },
  part_exceeds_whole: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} lớn hơn ${r.cell(at(i, 1))} = ${r.value(at(i, 1), v(i, 1))}: phần không được vượt quá tổng.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} exceeds ${r.cell(at(i, 1))} = ${r.value(at(i, 1), v(i, 1))}: a part cannot exceed its whole.`,
  share_mismatch: (i, r, lang) => {
    const num = i.cells.slice(1, -1).map((c) => r.cell(c)).join(' + ');
    const den = r.cell(at(i, i.cells.length - 1));
    const d = Number(p(i, 'decimals') ?? 2);
    return lang === 'vi'
      ? `Tỷ lệ ${r.named(at(i, 0))} ghi ${r.value(at(i, 0), v(i, 0))} không khớp với ${num} / ${den} = ${r.num(p(i, 'numerator'))} / ${r.num(p(i, 'denominator'))} = ${r.pct(p(i, 'exact'))}; với ${d} chữ số thập phân phải là ${r.pct(i.expected ?? null, d)}.`
      : `The share ${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} does not match ${num} / ${den} = ${r.num(p(i, 'numerator'))} / ${r.num(p(i, 'denominator'))} = ${r.pct(p(i, 'exact'))}; at ${d} decimals it should read ${r.pct(i.expected ?? null, d)}.`;
  },
  share_below_min: (i, r, lang) => {
    const num = i.cells.slice(0, -1).map((c) => r.cell(c)).join(' + ');
    const den = r.cell(at(i, i.cells.length - 1));
    return lang === 'vi'
      ? `Tỷ lệ (${num}) / ${den} = ${r.pct(p(i, 'share'))} thấp hơn mức tối thiểu ${r.pct(p(i, 'min'))}; cần giải trình ở cột Ghi chú.`
      : `The share (${num}) / ${den} = ${r.pct(p(i, 'share'))} is below the minimum of ${r.pct(p(i, 'min'))}; explain it in the note column.`;
  },
  implausible: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} nhỏ hơn ${r.cell(at(i, 1))} = ${r.value(at(i, 1), v(i, 1))}, điều này bất thường; hãy kiểm tra hoặc giải trình.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} is smaller than ${r.cell(at(i, 1))} = ${r.value(at(i, 1), v(i, 1))}, which is unusual; check it or explain it.`,
  jump: (i, r, lang) =>
    lang === 'vi'
      ? `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} thay đổi bất thường so với kỳ trước (${r.value(at(i, 0), (p(i, 'previous') as IssueValue) ?? null)}, gấp hoặc giảm hơn ${r.num(p(i, 'factor'))} lần); cần giải trình.`
      : `${r.named(at(i, 0))} = ${r.value(at(i, 0), v(i, 0))} changed sharply from the previous period (${r.value(at(i, 0), (p(i, 'previous') as IssueValue) ?? null)}, more than ${r.num(p(i, 'factor'))} times); explain it.`,
  list_empty: (_i, _r, lang) => (lang === 'vi' ? 'Danh sách nhiệm vụ trống.' : 'The task list is empty.'),
  unknown_column: (i, _r, lang) => {
    const key = at(i, 0).split('.').pop();
    return lang === 'vi' ? `Cột ${key} không có trong mẫu.` : `Column ${key} does not exist in the template.`;
  },
  list_missing_field: (i, r, lang) =>
    lang === 'vi' ? `Dòng ${p(i, 'row')}: thiếu ${r.cell(at(i, 0))}.` : `Row ${p(i, 'row')}: ${r.cell(at(i, 0))} is missing.`,
  duplicate_task: (i, _r, lang) => {
    const rows = (p(i, 'rows') as IssueValue[]).join(lang === 'vi' ? ' và ' : ' and ');
    return lang === 'vi'
      ? `Mã nhiệm vụ ${v(i, 0)} bị trùng (dòng ${rows}).`
      : `Task code ${v(i, 0)} appears twice (rows ${rows}).`;
  },
  status_unknown: (i, r, lang, t) => {
    const list = t.kind === 'list' ? t.statuses.map((s) => s.label[lang]).join(', ') : '';
    return lang === 'vi'
      ? `Trạng thái "${p(i, 'text')}" của ${r.cell(at(i, 0))} không có trong danh sách (${list}).`
      : `Status "${p(i, 'text')}" of ${r.cell(at(i, 0))} is not in the list (${list}).`;
  },
  date_invalid: (i, r, lang) =>
    lang === 'vi'
      ? `Thời hạn "${p(i, 'text')}" của ${r.cell(at(i, 0))} không phải ngày hợp lệ (ghi dd/mm/yyyy, Quý III/2024 hoặc Thường xuyên).`
      : `Deadline "${p(i, 'text')}" of ${r.cell(at(i, 0))} is not a valid date (write dd/mm/yyyy, Quý III/2024 or Thường xuyên).`,
  task_overdue: (i, r, lang, t) => {
    const status = t.kind === 'list' ? t.statuses.find((s) => s.code === p(i, 'status'))?.label[lang] : '';
    const deadline = formatDateVi(String(p(i, 'deadline')));
    return lang === 'vi'
      ? `${r.cell(at(i, 0))}: đã quá thời hạn ${deadline} nhưng trạng thái là "${status}"; cần giải trình ở cột Kết quả hoặc Ghi chú.`
      : `${r.cell(at(i, 0))}: the deadline ${deadline} has passed but the status is "${status}"; explain it in the result or note.`;
  },
};

export function renderMessage(issue: DraftIssue, template: Template, lang: Lang): string {
  return RENDER[issue.code](issue, new Renderer(template, lang), lang, template);
}

/** Messages about the header of a report, also used where a request names a template or period. */
export function renderTemplateUnknown(template: string, lang: Lang): string {
  return lang === 'vi' ? `Không có mẫu báo cáo ${template}.` : `There is no template ${template}.`;
}

export function renderPeriodInvalid(period: string, lang: Lang): string {
  return lang === 'vi'
    ? `Kỳ báo cáo "${period}" không hợp lệ (viết dạng 2024, 2024-H1 hoặc 2024-Q3).`
    : `The period "${period}" is not valid (write 2024, 2024-H1 or 2024-Q3).`;
}

export function renderPeriodNotFiled(template: string, period: string, lang: Lang): string {
  return lang === 'vi' ? `Mẫu ${template} không báo cáo cho kỳ ${period}.` : `Template ${template} is not filed for period ${period}.`;
}

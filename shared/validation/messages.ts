/**
 * Words for issues, in every language. Issues stay structured (a code, cells, values, parameters);
 * this only renders them, late, in the reader's language. Rule issues take their words from their
 * rule's module (shared/rules); the engine's own issues are here.
 */
import { formatDateVi } from '../dates';
import { catalogue, type Lang, type Words } from '../i18n';
import { formatNumber, formatPercent } from '../numbers/format';
import { renderProblem } from '../problems';
import { ruleIssue, type IssueParam, type IssueView, type IssueWriter } from '../rules';
import { splitRef, templateCells } from '../templates/cells';
import type { Template, UnitKind } from '../templates/schema';
import type { EngineIssueCode } from './issues';
import type { DraftIssue } from './normalize';

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

/** How cells and values are written in each language. */
const WRITER_WORDS = catalogue({
  vi: { task: (id: string, column: string) => `nhiệm vụ ${id} (${column})`, blank: '(trống)', money: 'tỷ đồng' },
  en: { task: (id: string, column: string) => `task ${id} (${column})`, blank: '(blank)', money: 'billion VND' },
});

/** Names cells and formats values for one template, in one language. */
class Writer implements IssueWriter {
  constructor(
    private readonly template: Template,
    private readonly lang: Lang,
  ) {}

  cell(ref: string): string {
    if (this.template.kind === 'list') {
      const dot = ref.lastIndexOf('.');
      const key = ref.slice(dot + 1);
      const column = this.template.listColumns.find((c) => c.key === key);
      return WRITER_WORDS[this.lang].task(ref.slice(0, dot), column ? column.label[this.lang] : key);
    }
    const parts = splitRef(ref);
    if (!parts) return ref;
    if (parts.column === 'KQ') return parts.row;
    const column = this.template.columns.find((c) => c.key === parts.column);
    return `${parts.row} (${column ? column.label[this.lang] : parts.column})`;
  }

  named(ref: string): string {
    if (this.template.kind === 'list') return this.cell(ref);
    const parts = splitRef(ref);
    const row = parts && this.template.rows.find((r) => r.code === parts.row);
    return row ? `${this.cell(ref)} «${row.label[this.lang]}»` : this.cell(ref);
  }

  value(ref: string, v: IssueParam | undefined): string {
    if (v === null || v === undefined) return WRITER_WORDS[this.lang].blank;
    if (typeof v === 'string') return `"${v}"`;
    if (this.template.kind === 'indicator') {
      const info = templateCells(this.template).get(ref);
      const measure = info?.measure === 'target' ? info.row.measure : info?.measure;
      if (measure === 'percent') return formatPercent(v, this.lang);
      if (measure === 'money') return `${formatNumber(v, this.lang)} ${WRITER_WORDS[this.lang].money}`;
    }
    return formatNumber(v, this.lang);
  }

  num(v: IssueParam | IssueParam[] | undefined, decimals?: number): string {
    return typeof v === 'number' ? formatNumber(v, this.lang, decimals) : String(v ?? '');
  }

  pct(v: IssueParam | IssueParam[] | undefined, decimals?: number): string {
    return typeof v === 'number' ? formatPercent(v, this.lang, decimals) : String(v ?? '');
  }
}

type Render = (issue: IssueView, w: IssueWriter, template: Template) => string;

const first = (i: IssueView): string => i.cells[0] ?? '';
const p = (i: IssueView, key: string) => i.params?.[key];
/** "Did you mean …": the status a near miss was meant to be, in the language of the message. */
const suggested = (i: IssueView, t: Template, lang: Lang, say: (label: string) => string): string => {
  const status = t.kind === 'list' ? t.statuses.find((s) => s.code === p(i, 'suggestion')) : undefined;
  return status ? say(status.label[lang]) : '';
};
/** The columns of a list where an overdue task is explained: those it has (a list has no Ghi chú column of its own). */
const explainColumn = (t: Template, lang: Lang): string =>
  t.kind === 'list'
    ? t.listColumns
        .filter((c) => c.key === 'KQ' || c.key === 'GC')
        .map((c) => c.label[lang])
        .join(lang === 'vi' ? ' hoặc ' : ' or ')
    : '';
/** `TT01 «…» = 10`: the first cell named with its value. */
const said = (i: IssueView, w: IssueWriter): string => `${w.named(first(i))} = ${w.value(first(i), i.values[first(i)])}`;

/** Messages about a report's header are the problems a request naming a wrong template or period gets. */
const HEADER = {
  templateUnknown: (template: string, lang: Lang) => renderProblem('template_unknown', { template }, lang),
  periodInvalid: (period: string, lang: Lang) => renderProblem('period_invalid', { period }, lang),
  periodNotFiled: (template: string, period: string, lang: Lang) => renderProblem('period_not_filed', { template, period }, lang),
};

const vi: Record<EngineIssueCode, Render> = {
  template_unknown: (i) => HEADER.templateUnknown(String(p(i, 'template')), 'vi'),
  version_mismatch: (i) =>
    p(i, 'period')
      ? `Báo cáo lập theo mẫu ${p(i, 'template')} phiên bản ${p(i, 'got')}, nhưng phiên bản áp dụng cho kỳ ${p(i, 'period')} là ${p(i, 'expected')}: hãy lấy mẫu của kỳ này và chép số liệu sang.`
      : `Báo cáo lập theo mẫu ${p(i, 'template')} phiên bản ${p(i, 'got')}, nhưng phiên bản hiện hành là ${p(i, 'expected')}: hãy lấy mẫu mới và chép số liệu sang.`,
  period_invalid: (i) => HEADER.periodInvalid(String(p(i, 'period')), 'vi'),
  period_not_allowed: (i) => HEADER.periodNotFiled(String(p(i, 'template')), String(p(i, 'period')), 'vi'),
  period_not_begun: (i) =>
    p(i, 'filedAfter')
      ? `Mẫu ${p(i, 'filedAfter')} của kỳ ${p(i, 'period')} được lập sau khi kỳ kết thúc, từ ngày ${formatDateVi(String(p(i, 'start')))}; chưa thể nộp.`
      : `Kỳ ${p(i, 'period')} chưa bắt đầu (từ ngày ${formatDateVi(String(p(i, 'start')))}); chưa thể nộp báo cáo cho kỳ này.`,
  empty_submission: () => 'Báo cáo không có số liệu nào.',
  unknown_cell: (i, _w, t) => `Ô ${first(i)} không có trong mẫu ${t.id} phiên bản ${t.version}; giá trị ${JSON.stringify(i.values[first(i)] ?? null)} không được ghi nhận.`,
  unreadable_number: (i, w) => `Không đọc được số "${p(i, 'text')}" ở ${w.named(first(i))}.`,
  ambiguous_number: (i, w) => {
    const [a, b] = ((p(i, 'candidates') as IssueParam[] | undefined) ?? []).map((x) => w.num(x));
    return `Số "${p(i, 'text')}" ở ${w.named(first(i))} có thể hiểu là ${a} hoặc ${b}; hãy ghi rõ theo cách viết Việt Nam (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân).`;
  },
  unit_mismatch: (i, w) => `${w.named(first(i))} ghi "${p(i, 'text')}" với đơn vị ${p(i, 'unit')}, không đúng đơn vị của ô này.`,
  several_numbers: (i, w) => `${w.named(first(i))} chứa nhiều số ("${p(i, 'text')}"); mỗi ô chỉ ghi một số.`,
  not_whole: (i, w) => `${said(i, w)} phải là số nguyên.`,
  negative: (i, w) => `${said(i, w)} không được âm.`,
  percent_range: (i, w) => `${said(i, w)} phải nằm trong khoảng 0–100%.`,
  above_max: (i, w) => `${said(i, w)} vượt điểm tối đa ${w.num(p(i, 'max'))}.`,
  implausibly_large: (i, w) => `${said(i, w)} lớn bất thường (trên ${w.num(p(i, 'max'))}); hãy kiểm tra đơn vị tính và số chữ số.`,
  rank_range: (i, w) => `${said(i, w)}: thứ hạng phải từ 1 đến ${w.num(p(i, 'provinces'))}.`,
  required_missing: (i, w) => `${w.named(first(i))} bắt buộc đối với đơn vị ${KIND_NAMES[p(i, 'unitKind') as UnitKind]?.vi ?? ''} nhưng đang để trống.`,
  approximate_value: (i, w) =>
    `${w.named(first(i))} ghi "${p(i, 'text')}" là số ước lượng (${QUALIFIER_WORDS[String(p(i, 'qualifier'))]?.vi ?? ''}); số tổng hợp sẽ dùng ${w.value(first(i), i.values[first(i)])}. Ghi số chính xác hoặc giải trình ở cột Ghi chú.`,
  achievement_mismatch: (i, w) => {
    const [written = '', result = '', target = ''] = i.cells;
    return `Đánh giá ghi ${w.value(written, i.values[written])} nhưng kết quả ${w.value(result, i.values[result])} so với mục tiêu ${p(i, 'comparator')} ${w.value(target, i.values[target])} là "${p(i, 'computed') === 'achieved' ? 'Đạt' : 'Chưa đạt'}".`;
  },
  total_mismatch: (i, w) => `Tổng tỉnh ${said(i, w)}, nhưng tính lại từ các đơn vị trong trang được ${w.value(first(i), i.expected ?? null)}.`,
  jump: (i, w) =>
    `${said(i, w)} thay đổi bất thường so với ${p(i, 'period') ? `kỳ ${p(i, 'period')}${p(i, 'units') ? ` (số liệu của ${p(i, 'units')})` : ''}` : 'kỳ trước'} (${w.value(first(i), (p(i, 'previous') as IssueParam) ?? null)}, gấp hoặc giảm hơn ${w.num(p(i, 'factor'))} lần); cần giải trình (một giải trình dùng cho mọi thay đổi bất thường của báo cáo).`,
  list_empty: () => 'Danh sách nhiệm vụ trống.',
  unknown_column: (i) => `Cột ${first(i).split('.').pop()} không có trong mẫu.`,
  list_missing_field: (i, w) => `Dòng ${p(i, 'row')}: thiếu ${w.cell(first(i))}.`,
  duplicate_task: (i) => `Mã nhiệm vụ ${i.values[first(i)]} bị trùng (dòng ${((p(i, 'rows') as IssueParam[]) ?? []).join(' và ')}).`,
  status_unknown: (i, w, t) =>
    `Trạng thái "${p(i, 'text')}" của ${w.cell(first(i))} không có trong danh sách (${t.kind === 'list' ? t.statuses.map((s) => s.label.vi).join(', ') : ''}).${suggested(i, t, 'vi', (s) => ` Có phải "${s}"?`)}`,
  date_invalid: (i, w) => `Thời hạn "${p(i, 'text')}" của ${w.cell(first(i))} không phải ngày hợp lệ (ghi dd/mm/yyyy, Quý III/2024 hoặc Thường xuyên).`,
  task_overdue: (i, w, t) =>
    `${w.cell(first(i))}: đã quá thời hạn ${formatDateVi(String(p(i, 'deadline')))} nhưng trạng thái là "${t.kind === 'list' ? (t.statuses.find((s) => s.code === p(i, 'status'))?.label.vi ?? '') : ''}"; cần giải trình ở cột ${explainColumn(t, 'vi')}.`,
};

const en: Record<EngineIssueCode, Render> = {
  template_unknown: (i) => HEADER.templateUnknown(String(p(i, 'template')), 'en'),
  version_mismatch: (i) =>
    p(i, 'period')
      ? `The report uses template ${p(i, 'template')} version ${p(i, 'got')}, but the version in force for period ${p(i, 'period')} is ${p(i, 'expected')}: take that period's template and copy the figures across.`
      : `The report uses template ${p(i, 'template')} version ${p(i, 'got')}, but the current version is ${p(i, 'expected')}: take the new template and copy the figures across.`,
  period_invalid: (i) => HEADER.periodInvalid(String(p(i, 'period')), 'en'),
  period_not_allowed: (i) => HEADER.periodNotFiled(String(p(i, 'template')), String(p(i, 'period')), 'en'),
  period_not_begun: (i) =>
    p(i, 'filedAfter')
      ? `Template ${p(i, 'filedAfter')} for period ${p(i, 'period')} is filed after the period, from ${String(p(i, 'start'))}; it cannot be filed yet.`
      : `Period ${p(i, 'period')} has not begun (it starts on ${String(p(i, 'start'))}); no report can be filed for it yet.`,
  empty_submission: () => 'The report holds no figures at all.',
  unknown_cell: (i, _w, t) => `Cell ${first(i)} does not exist in template ${t.id} version ${t.version}; the value ${JSON.stringify(i.values[first(i)] ?? null)} cannot be recorded.`,
  unreadable_number: (i, w) => `"${p(i, 'text')}" in ${w.named(first(i))} is not a number.`,
  ambiguous_number: (i, w) => {
    const [a, b] = ((p(i, 'candidates') as IssueParam[] | undefined) ?? []).map((x) => w.num(x));
    return `"${p(i, 'text')}" in ${w.named(first(i))} could mean ${a} or ${b}; write it unambiguously.`;
  },
  unit_mismatch: (i, w) => `${w.named(first(i))} holds "${p(i, 'text')}" in ${p(i, 'unit')}, which is not this cell's unit.`,
  several_numbers: (i, w) => `${w.named(first(i))} holds several numbers ("${p(i, 'text')}"); write one number per cell.`,
  not_whole: (i, w) => `${said(i, w)} must be a whole number.`,
  negative: (i, w) => `${said(i, w)} cannot be negative.`,
  percent_range: (i, w) => `${said(i, w)} must lie between 0 and 100%.`,
  above_max: (i, w) => `${said(i, w)} exceeds the maximum of ${w.num(p(i, 'max'))} points.`,
  implausibly_large: (i, w) => `${said(i, w)} is implausibly large (over ${w.num(p(i, 'max'))}); check the unit and the number of digits.`,
  rank_range: (i, w) => `${said(i, w)}: a rank must be between 1 and ${w.num(p(i, 'provinces'))}.`,
  required_missing: (i, w) => `${w.named(first(i))} is required for ${KIND_NAMES[p(i, 'unitKind') as UnitKind]?.en ?? 'this unit'} but is blank.`,
  approximate_value: (i, w) =>
    `${w.named(first(i))} holds "${p(i, 'text')}", an approximate figure (${QUALIFIER_WORDS[String(p(i, 'qualifier'))]?.en ?? ''}); ${w.value(first(i), i.values[first(i)])} will be used. Write the exact figure or explain it in the note.`,
  achievement_mismatch: (i, w) => {
    const [written = '', result = '', target = ''] = i.cells;
    return `The achievement says ${w.value(written, i.values[written])} but the result ${w.value(result, i.values[result])} against the target ${p(i, 'comparator')} ${w.value(target, i.values[target])} is "${p(i, 'computed') === 'achieved' ? 'achieved' : 'not achieved'}".`;
  },
  total_mismatch: (i, w) => `The provincial total ${said(i, w)}, but recomputed from the units on the sheet it is ${w.value(first(i), i.expected ?? null)}.`,
  jump: (i, w) =>
    `${said(i, w)} changed sharply from ${p(i, 'period') ? `${p(i, 'period')}${p(i, 'units') ? ` (figures of ${p(i, 'units')})` : ''}` : 'the previous period'} (${w.value(first(i), (p(i, 'previous') as IssueParam) ?? null)}, more than ${w.num(p(i, 'factor'))} times); explain it (one explanation covers every sharp change of the report).`,
  list_empty: () => 'The task list is empty.',
  unknown_column: (i) => `Column ${first(i).split('.').pop()} does not exist in the template.`,
  list_missing_field: (i, w) => `Row ${p(i, 'row')}: ${w.cell(first(i))} is missing.`,
  duplicate_task: (i) => `Task code ${i.values[first(i)]} appears twice (rows ${((p(i, 'rows') as IssueParam[]) ?? []).join(' and ')}).`,
  status_unknown: (i, w, t) =>
    `Status "${p(i, 'text')}" of ${w.cell(first(i))} is not in the list (${t.kind === 'list' ? t.statuses.map((s) => s.label.en).join(', ') : ''}).${suggested(i, t, 'en', (s) => ` Did you mean "${s}"?`)}`,
  date_invalid: (i, w) => `Deadline "${p(i, 'text')}" of ${w.cell(first(i))} is not a valid date (write dd/mm/yyyy, Quý III/2024 or Thường xuyên).`,
  task_overdue: (i, w, t) =>
    `${w.cell(first(i))}: the deadline ${formatDateVi(String(p(i, 'deadline')))} has passed but the status is "${t.kind === 'list' ? (t.statuses.find((s) => s.code === p(i, 'status'))?.label.en ?? '') : ''}"; explain it in the ${explainColumn(t, 'en')} column.`,
};

const ENGINE_MESSAGES = catalogue({ vi, en });

export function renderMessage(issue: DraftIssue, template: Template, lang: Lang): string {
  const writer = new Writer(template, lang);
  const rule = ruleIssue(issue.code);
  const text = rule ? rule.message[lang](issue, writer) : ENGINE_MESSAGES[lang][issue.code as EngineIssueCode](issue, writer, template);
  // A message is a sentence: one that opens with a task's cell ("nhiệm vụ KH30-01 (Trạng thái): …") starts with a capital.
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

export function renderTemplateUnknown(template: string, lang: Lang): string {
  return HEADER.templateUnknown(template, lang);
}

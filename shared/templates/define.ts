/**
 * Turns a template written as data into a checked definition: the zod schema
 * checks each field, then the cross-references are checked (rules name cells
 * the template has, codes are unique), and any problem throws with all of them listed.
 */
import { TemplateSchema, type Template, type TemplateInput, type IndicatorTemplate } from './schema';
import { isNumericMeasure, splitRef, templateCells } from './cells';
import { ruleKindOf } from '../rules';

export class TemplateDefinitionError extends Error {
  constructor(
    readonly templateId: string,
    readonly problems: string[],
  ) {
    super(`Mẫu ${templateId} không hợp lệ:\n- ${problems.join('\n- ')}`);
    this.name = 'TemplateDefinitionError';
  }
}

export function defineTemplate(input: TemplateInput): Template {
  const id = typeof input === 'object' && input && 'id' in input ? String(input.id) : '?';
  const parsed = TemplateSchema.safeParse(input);
  if (!parsed.success) {
    throw new TemplateDefinitionError(
      id,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`),
    );
  }
  const template = parsed.data;
  const problems = template.kind === 'indicator' ? checkIndicatorTemplate(template) : checkListTemplate(template);
  if (problems.length > 0) throw new TemplateDefinitionError(template.id, problems);
  return deepFreeze(template);
}

/** Every object and array of a definition frozen, down to a row's columns: no session can change a template. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export function checkIndicatorTemplate(t: IndicatorTemplate): string[] {
  const problems: string[] = [];
  for (const d of duplicates(t.rows.map((r) => r.code))) problems.push(`mã dòng ${d} bị trùng`);
  for (const d of duplicates(t.columns.map((c) => c.key))) problems.push(`mã cột ${d} bị trùng`);
  for (const d of duplicates(t.rules.map((r) => r.id))) problems.push(`mã quy tắc ${d} bị trùng`);

  const columnKeys = new Set(t.columns.map((c) => c.key));
  for (const row of t.rows) {
    for (const key of row.columns) {
      if (!columnKeys.has(key)) problems.push(`dòng ${row.code}: cột ${key} không có trong mẫu`);
    }
    if (row.measure === 'score' && row.max === undefined) problems.push(`dòng ${row.code}: điểm cần có điểm tối đa`);
    if (row.consolidate === 'ratio' && !(row.columns.includes('TS') && row.columns.includes('MS'))) {
      problems.push(`dòng ${row.code}: tổng hợp theo tỷ lệ cần cột TS và MS`);
    }
    if (row.share && (row.measure !== 'percent' || row.consolidate !== 'share')) {
      problems.push(`dòng ${row.code}: dòng tỷ lệ dẫn xuất phải là % và tổng hợp kiểu share`);
    }
    if (row.consolidate === 'share' && !row.share) problems.push(`dòng ${row.code}: tổng hợp kiểu share cần tử số và mẫu số`);
    // Every figure the province adds says what it measures; nothing else claims to.
    const summed = row.consolidate === 'sum' || row.consolidate === 'ratio';
    if (summed && !row.aggregation) problems.push(`dòng ${row.code}: cần khai báo số liệu là flow, balance hay catalogue`);
    if (!summed && row.aggregation) problems.push(`dòng ${row.code}: chỉ dòng cộng gộp mới khai báo aggregation`);
    if (row.catalogueLevel && row.aggregation !== 'catalogue') problems.push(`dòng ${row.code}: chỉ dòng danh mục (catalogue) mới có cấp`);
  }

  const cells = templateCells(t);
  const numericCell = (ref: string, where: string) => {
    const cell = cells.get(ref);
    if (!cell) problems.push(`${where}: ô ${ref} không có trong mẫu`);
    else if (!isNumericMeasure(cell.measure)) problems.push(`${where}: ô ${ref} không phải ô số`);
  };
  for (const row of t.rows) {
    if (!row.share) continue;
    for (const ref of [...row.share.numerator, row.share.denominator]) numericCell(ref, `dòng ${row.code}`);
  }
  const measureOf = (ref: string) => {
    const row = t.rows.find((r) => r.code === splitRef(ref)?.row);
    return row?.measure;
  };
  for (const rule of t.rules) {
    const where = `quy tắc ${rule.id}`;
    const kind = ruleKindOf(rule);
    const refs = kind.cells(rule);
    for (const ref of refs) numericCell(ref, where);
    for (const d of duplicates(refs)) problems.push(`${where}: ô ${d} xuất hiện hai lần`);
    for (const problem of kind.definitionProblems?.(rule, measureOf) ?? []) problems.push(`${where}: ${problem}`);
  }
  return problems;
}

function checkListTemplate(t: Extract<Template, { kind: 'list' }>): string[] {
  const problems: string[] = [];
  for (const d of duplicates(t.listColumns.map((c) => c.key))) problems.push(`mã cột ${d} bị trùng`);
  for (const d of duplicates(t.statuses.map((s) => s.code))) problems.push(`mã trạng thái ${d} bị trùng`);
  const keys = new Set(t.listColumns.map((c) => c.key));
  for (const needed of ['MA', 'TT']) if (!keys.has(needed)) problems.push(`mẫu danh sách cần cột ${needed}`);
  if (t.listColumns.filter((c) => c.measure === 'status').length !== 1) problems.push('mẫu danh sách cần đúng một cột trạng thái');
  return problems;
}

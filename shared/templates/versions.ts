/**
 * Dated template versions. A template id maps to its versions, oldest first; each is in force for the
 * periods whose last day falls on or after its `from`, until the next one's (a period is judged by its
 * last day, as filing rules are). A filing is checked against the version of its period and keeps it,
 * so a new version changes nothing filed before it.
 */
import { ruleKindOf } from '../rules';
import type { RowInput, RuleInput, ColumnInput } from './build';
import { splitRef } from './cells';
import { defineTemplate, TemplateDefinitionError } from './define';
import type { Template, TemplateInput } from './schema';

/** A new version as a change of the one before: its version and first day, rows dropped, fields replaced. */
export type VersionChange = {
  version: string;
  /** First period-end day the new version is in force (ISO date). */
  from: string;
  /** Rows that end with this version, with every rule that names one of their cells. */
  dropRows?: readonly string[];
  rows?: RowInput[];
  rules?: RuleInput[];
  columns?: ColumnInput[];
} & Partial<Pick<TemplateInput, 'title' | 'source' | 'filedBy' | 'periodKinds' | 'rankAmong' | 'filedAfterPeriod'>>;

export function nextVersion(base: Template, change: VersionChange): Template {
  const { dropRows = [], ...fields } = change;
  const problems: string[] = [];
  if (!(fields.from > base.from)) problems.push(`phiên bản ${fields.version} phải có hiệu lực sau ngày ${base.from} của phiên bản ${base.version}`);
  if (fields.version === base.version) problems.push(`phiên bản ${fields.version} trùng phiên bản trước`);
  if (base.kind !== 'indicator') {
    if (dropRows.length > 0 || fields.rows || fields.rules || fields.columns) problems.push('mẫu danh sách không có dòng chỉ tiêu để thay');
    if (problems.length > 0) throw new TemplateDefinitionError(base.id, problems);
    return defineTemplate({ ...base, ...fields } as TemplateInput);
  }
  const dropped = new Set(dropRows);
  for (const code of dropped) if (!base.rows.some((r) => r.code === code)) problems.push(`dòng ${code} không có trong phiên bản ${base.version}`);
  if (problems.length > 0) throw new TemplateDefinitionError(base.id, problems);
  const names = (rule: RuleInput) => ruleKindOf(rule as Parameters<typeof ruleKindOf>[0]).cells(rule as never);
  const rows = ((fields.rows ?? base.rows) as RowInput[]).filter((r) => !dropped.has(r.code));
  const rules = ((fields.rules ?? base.rules) as RuleInput[]).filter((rule) => !names(rule).some((ref) => dropped.has(splitRef(ref)?.row ?? '')));
  return defineTemplate({ ...base, ...fields, rows, rules } as TemplateInput);
}

/** The version in force for a period whose last day is `day`: the latest from on or before it (the first one before any). */
export function versionInForce(versions: readonly Template[], day: string): Template {
  let current = versions[0]!;
  for (const v of versions) if (v.from <= day) current = v;
  return current;
}

/** A template's versions must be one template, distinct, and follow each other in time. */
export function checkVersions(versions: readonly Template[]): readonly Template[] {
  const first = versions[0];
  if (!first) throw new Error('a template needs a version');
  const problems: string[] = [];
  versions.forEach((v, i) => {
    if (v.id !== first.id) problems.push(`phiên bản ${v.version} là của mẫu ${v.id}`);
    const before = versions[i - 1];
    if (before && !(v.from > before.from)) problems.push(`phiên bản ${v.version} phải có hiệu lực sau phiên bản ${before.version}`);
    if (versions.findIndex((w) => w.version === v.version) !== i) problems.push(`phiên bản ${v.version} bị trùng`);
  });
  if (problems.length > 0) throw new TemplateDefinitionError(first.id, problems);
  return Object.freeze([...versions]);
}

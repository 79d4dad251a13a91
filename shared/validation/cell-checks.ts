/** Checks of one cell against its measure: whole counts, no negatives, percentages in 0–100, scores under their maximum. */
import { MEASURE_CEILINGS } from '../templates/ceilings';
import { requiredKinds } from '../templates/filing';
import { PROVINCE_COUNT, on } from '../settings';
import type { IndicatorTemplate, UnitKind } from '../templates/schema';
import type { DraftIssue, NormalCell, Normalized, TargetCell } from './normalize';

export interface CellCheckOptions {
  unitKind?: UnitKind;
  provinces?: number;
  /** The last day of the report's period: the settings and filing rules of that day apply. */
  day?: string;
}

export type Achievement = 'achieved' | 'not_achieved';

export function achievementOf(target: Pick<TargetCell, 'comparator' | 'value'>, result: number): Achievement {
  const v = target.value;
  const ok =
    target.comparator === '>' ? result > v : target.comparator === '<' ? result < v : target.comparator === '≤' ? result <= v : result >= v;
  return ok ? 'achieved' : 'not_achieved';
}

const ACHIEVEMENT_WORDS: Record<Achievement, RegExp> = {
  achieved: /^(đạt|vượt|hoàn thành|achieved|met)$/iu,
  not_achieved: /^(chưa đạt|không đạt|not achieved|not met)$/iu,
};

export function cellChecks(template: IndicatorTemplate, normalized: Normalized, options: CellCheckOptions): DraftIssue[] {
  const issues: DraftIssue[] = [];
  // Ranks are taken among the provinces of the year the version assesses (BM08: 63 for DTI 2021–2023,
  // 34 from DTI 2024); else among those of the period's end, or without a period the largest count there has been.
  const provinces =
    options.provinces ?? template.rankAmong ?? (options.day ? on(PROVINCE_COUNT, options.day) : Math.max(...PROVINCE_COUNT.map((p) => p.value)));
  const err = (code: DraftIssue['code'], cell: NormalCell, params?: DraftIssue['params'], expected?: number): void => {
    issues.push({
      code,
      severity: 'error',
      cells: [cell.ref],
      values: { [cell.ref]: cell.kind === 'text' ? cell.value : cell.value },
      ...(params ? { params } : {}),
      ...(expected !== undefined ? { expected } : {}),
    });
  };

  for (const cell of normalized.cells.values()) {
    if (cell.kind === 'text') continue;
    const measure = cell.kind === 'target' ? cell.info.row.measure : cell.info.measure;
    const v = cell.value;
    if (v < 0) {
      err('negative', cell);
      continue;
    }
    if ((measure === 'count' || measure === 'rank') && !Number.isInteger(v)) err('not_whole', cell);
    if (measure === 'percent' && v > 100) err('percent_range', cell);
    if (measure === 'score' && cell.info.row.max !== undefined && v > cell.info.row.max) {
      err('above_max', cell, { max: cell.info.row.max }, cell.info.row.max);
    }
    if (measure === 'rank' && Number.isInteger(v) && (v < 1 || v > provinces)) err('rank_range', cell, { provinces });
    const ceiling = cell.info.row.ceiling ?? MEASURE_CEILINGS[measure];
    if (ceiling !== undefined && !(v <= ceiling)) err('implausibly_large', cell, { max: ceiling });
    if (cell.kind === 'number' && cell.qualifier) {
      issues.push({
        code: 'approximate_value',
        severity: 'warning',
        cells: [cell.ref],
        values: { [cell.ref]: v },
        params: { text: typeof cell.raw === 'string' ? cell.raw : String(cell.raw), qualifier: cell.qualifier },
      });
    }
  }

  if (options.unitKind) {
    const kinds = options.day ? requiredKinds(template, options.unitKind, options.day) : [options.unitKind];
    for (const row of template.rows) {
      if (!row.requiredFor?.some((k) => kinds.includes(k))) continue;
      const ref = `${row.code}.KQ`;
      if (!normalized.cells.has(ref)) {
        issues.push({ code: 'required_missing', severity: 'error', cells: [ref], values: { [ref]: null }, params: { unitKind: options.unitKind } });
      }
    }
  }

  // A written achievement must agree with the result and the target.
  for (const row of template.rows) {
    const written = normalized.cells.get(`${row.code}.DG`);
    const target = normalized.cells.get(`${row.code}.MT`);
    const result = normalized.cells.get(`${row.code}.KQ`);
    if (!written || written.kind !== 'text' || target?.kind !== 'target' || result?.kind !== 'number') continue;
    const computed = achievementOf(target, result.value);
    const words = written.value.trim();
    const matches = ACHIEVEMENT_WORDS[computed].test(words);
    const opposite = ACHIEVEMENT_WORDS[computed === 'achieved' ? 'not_achieved' : 'achieved'].test(words);
    if (!matches && opposite) {
      issues.push({
        code: 'achievement_mismatch',
        severity: 'error',
        cells: [written.ref, result.ref, target.ref],
        values: { [written.ref]: words, [result.ref]: result.value, [target.ref]: target.value },
        params: { computed, comparator: target.comparator },
      });
    }
  }
  return issues;
}

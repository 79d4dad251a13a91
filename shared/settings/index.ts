/**
 * Settings that change with time, each as a table of values with the first day they hold. A report
 * is judged by the settings of its own period, so an old period keeps its old settings.
 */
export interface Dated<T> {
  /** First day the value holds (ISO date). */
  from: string;
  value: T;
}

/** The value in force on `day`: the latest one from on or before it (the first one before any). */
export function on<T>(table: readonly Dated<T>[], day: string): T {
  let current = table[0]!;
  for (const entry of table) if (entry.from <= day) current = entry;
  return current.value;
}

/**
 * Two-level local government (Resolution 202/2025/QH15, in force 1 July 2025): districts are
 * abolished, communes and wards report straight to the province.
 */
export const TWO_LEVEL_LOCAL_GOVERNMENT_FROM = '2025-07-01';

/**
 * Provinces and centrally run cities: 63 until the mergers of 1 July 2025, 34 since. A DTI rank is taken
 * among the provinces its year was ranked among, which the BM08 version of that year states (`rankAmong`:
 * DTI 2024, published in October 2025, among 34); this count serves ranks of a template that states none.
 */
export const PROVINCE_COUNT: readonly Dated<number>[] = [
  { from: '2000-01-01', value: 63 },
  { from: TWO_LEVEL_LOCAL_GOVERNMENT_FROM, value: 34 },
];

/**
 * Days a structure changed so much that a unit formed on them cannot be compared with what it took
 * over: the first period after is a declared break with no jump check (a new commune took over its
 * old communes and part of an abolished district's work, which no filing measured apart).
 */
export const STRUCTURAL_BREAKS: readonly string[] = [TWO_LEVEL_LOCAL_GOVERNMENT_FROM];

/** Does the province have districts on `day`? */
export function hasDistricts(day: string): boolean {
  return day < TWO_LEVEL_LOCAL_GOVERNMENT_FROM;
}

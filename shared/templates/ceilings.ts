/**
 * The largest figure a cell of a measure may hold, unless its row says otherwise: far above any
 * real report (a province receives a few hundred thousand records a half-year and spends a few
 * thousand tỷ đồng a year), and low enough that the province's sum over every unit stays an exact
 * integer (220 × 10^12 is far below 2^53). A figure above it is a typing slip, not a report.
 */
import type { Measure } from './schema';

export const MEASURE_CEILINGS: Partial<Record<Measure, number>> = {
  count: 1e12,
  money: 1e6,
};

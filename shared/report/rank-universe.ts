/**
 * How many provinces a rank is among, so the report writes "36/63" and never a bare "36". The
 * universe belongs to the template's version for the period (BM08: 63 under the 2022 scheme, 34 from
 * DTI 2024, published after the 2025 merger of provinces); a template that ranks nothing has none.
 */
import type { Period } from '../periods';
import { on, PROVINCE_COUNT } from '../settings';
import type { Template } from '../templates/schema';

export function rankUniverse(template: Pick<Template, 'id' | 'rankAmong'>, period: Pick<Period, 'end'>): number | null {
  if (template.rankAmong) return template.rankAmong;
  return template.id === 'BM08' ? on(PROVINCE_COUNT, period.end) : null;
}

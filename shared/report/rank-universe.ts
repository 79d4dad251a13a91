/**
 * How many provinces a rank is among, so the report writes "36/63" and never a bare "36". DTI ranks
 * provinces: among 63 up to DTI 2023, among 34 from DTI 2024 (published after the 2025 merger of
 * provinces). Read only through here: the universe belongs to the template's version for the period.
 */
import type { Period } from '../periods';

export function rankUniverse(templateId: string, period: Pick<Period, 'year'>): number | null {
  if (templateId !== 'BM08') return null;
  return period.year >= 2024 ? 34 : 63;
}

/**
 * The periods a view offers: those around today, and every earlier one that has filings. It opens on
 * the latest period with filings, so the pane shows figures on any date, the demo's as well.
 */
import { newestFirst, parsePeriod, periodLabel, recentPeriods, type Period, type PeriodKind } from '../../../shared/periods';
import type { Ctx } from './context';

export interface PeriodChoices {
  periods: Period[];
  /** The period to open on. */
  initial: string;
}

export async function periodChoices(ctx: Ctx, kinds: readonly PeriodKind[] = ['Q', 'H', 'Y']): Promise<PeriodChoices> {
  const around = recentPeriods(kinds, ctx.today(), 3);
  let filed: string[] = [];
  try {
    filed = newestFirst(await ctx.api.filedPeriods()).map((p) => p.period);
  } catch {
    // Without the list the periods around today still serve.
  }
  const today = ctx.today();
  const withData = filed.map((code) => parsePeriod(code)).filter((p): p is Period => !!p && kinds.includes(p.kind) && p.start <= today);
  const all = [...around, ...withData.filter((p) => !around.some((a) => a.code === p.code))];
  // Periods under way first (as recentPeriods orders them), then every past one newest first, filed or not.
  const current = all.filter((p) => p.start <= today && today <= p.end);
  const past = newestFirst(all.filter((p) => !current.includes(p)).map((p) => ({ period: p.code, p }))).map(({ p }) => p);
  return { periods: [...current, ...past], initial: withData[0]?.code ?? around[0]!.code };
}

export function periodOptions(periods: readonly Period[], ctx: Ctx): { value: string; label: string }[] {
  return periods.map((p) => ({ value: p.code, label: `${periodLabel(p, ctx.lang)} (${p.code})` }));
}

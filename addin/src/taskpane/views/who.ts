/** Who filed and who reviewed, as Lịch sử, Duyệt and the receipt name them: the person, and the unit. */
import type { Ctx } from '../context';

/**
 * The person who filed (and for which unit); else the token filed with, by its label (DIC filing on a
 * unit's behalf is not the unit's own token), or the unit's where the label is not known.
 */
export function filerLine(person: string | null, unit: string, ctx: Ctx, tokenLabel?: string): string {
  if (person) return ctx.t.pane.filedBy(person, unit);
  return tokenLabel ? ctx.t.pane.filedByLabelledToken(tokenLabel) : ctx.t.pane.filedByToken(unit);
}

export function reviewerLine(person: string | null | undefined, ctx: Ctx): string {
  return person ? ctx.t.pane.reviewedBy(person) : ctx.t.pane.reviewedByToken;
}

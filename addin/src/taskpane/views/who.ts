/** Who filed and who reviewed, as Lịch sử, Duyệt and the receipt name them: the person, and the unit. */
import type { Ctx } from '../context';

/** The person who filed (and for which unit); a token that belongs to no one is said to be the unit's. */
export function filerLine(person: string | null, unit: string, ctx: Ctx): string {
  return person ? ctx.t.pane.filedBy(person, unit) : ctx.t.pane.filedByToken(unit);
}

export function reviewerLine(person: string | null | undefined, ctx: Ctx): string {
  return person ? ctx.t.pane.reviewedBy(person) : ctx.t.pane.reviewedByToken;
}

/**
 * People and what they may do: a person (named by a verified e-mail or username, their `login`)
 * holds memberships — a role, for a unit where the role needs one, from a day to a day (Viet Nam,
 * inclusive), kept with dates like the registry. Several at once are possible (a clerk of two units).
 */
import { z } from 'zod';
import { fieldIssue } from '../problems';
import { safeText } from '../text/schema';

const IsoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), fieldIssue('iso_date'));
const UnitCode = z.string().refine((s) => /^[A-Z0-9][A-Z0-9_-]{0,31}$/.test(s), fieldIssue('unit_code_format'));

/** A verified e-mail address or a username, as the province's provider gives it; compared in lower case. */
export const LoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((s) => /^[a-z0-9][a-z0-9._%+@-]{0,127}$/.test(s), fieldIssue('login_format'));

export const MEMBERSHIP_ROLES = ['unit', 'dic', 'auditor'] as const;

/** One line of DIC's people file, or one item of the JSON route: a person and one membership. */
export const PersonMembershipSchema = z
  .object({
    login: LoginSchema,
    name: safeText(200).trim().min(1),
    role: z.enum(MEMBERSHIP_ROLES),
    unit: UnitCode.nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
  })
  .superRefine((m, ctx) => {
    if (m.role === 'unit' && m.unit === null) ctx.addIssue({ code: 'custom', path: ['unit'], ...fieldIssue('token_unit_required') });
    if (m.role === 'auditor' && m.unit !== null) ctx.addIssue({ code: 'custom', path: ['unit'], ...fieldIssue('token_auditor_unit') });
    if (m.validTo !== null && m.validTo < m.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], ...fieldIssue('csv_valid_to_before') });
  });
export type PersonMembership = z.infer<typeof PersonMembershipSchema>;

export const MembershipSchema = z.object({
  id: z.number().int(),
  personId: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  unit: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.enum(['registered', 'claim']),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const PersonSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  memberships: z.array(MembershipSchema),
});
export type Person = z.infer<typeof PersonSchema>;

/** Is the membership in force on `day` (ISO date, Viet Nam)? */
export function membershipInForce(m: Pick<Membership, 'validFrom' | 'validTo'>, day: string): boolean {
  return m.validFrom <= day && (m.validTo === null || m.validTo >= day);
}

/** The memberships a person may sign in with on `day`, in a stable order: DIC first, then units, then auditing. */
export function membershipsOn<M extends Pick<Membership, 'validFrom' | 'validTo' | 'role' | 'unit'>>(memberships: readonly M[], day: string): M[] {
  const rank = { dic: 0, unit: 1, auditor: 2 } as const;
  return memberships
    .filter((m) => membershipInForce(m, day))
    .sort((a, b) => rank[a.role] - rank[b.role] || (a.unit ?? '').localeCompare(b.unit ?? ''));
}

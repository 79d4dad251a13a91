/** Requests and responses of people, sessions and sign-in through the province's provider. */
import { z } from 'zod';
import { MembershipSchema, PersonMembershipSchema, PersonSchema } from '../people';

export { PersonSchema, MembershipSchema };

const role = z.enum(['unit', 'dic', 'auditor']);

/** The JSON form of the people file: the same lines. */
export const PeopleImportRequestSchema = z.object({ people: z.array(PersonMembershipSchema).max(5000) });

export const PeopleChangeSchema = z.object({ action: z.string(), login: z.string() }).loose();

export const PeopleImportResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  dryRun: z.boolean(),
  changes: z.array(PeopleChangeSchema),
});

export const OpenSessionSchema = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string(), login: z.string() }),
  role,
  unit: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastSeenAt: z.string().nullable(),
});

export const SessionsEndedSchema = z.object({ ended: z.number().int() });

/** Whether this deployment signs people in through a provider, for the pane's first screen. */
export const SignInConfigSchema = z.object({
  enabled: z.boolean(),
  provider: z.string().nullable(),
  /** Where the province uses Microsoft 365: what the pane's MSAL asks Entra for (Nested App Authentication). */
  microsoft365: z.object({ clientId: z.string(), authority: z.string(), scope: z.string() }).optional(),
});
export type SignInConfig = z.infer<typeof SignInConfigSchema>;

/** An Entra access token for chitieu's API, which the pane got from Office through MSAL, traded for a session. */
export const NaaExchangeRequestSchema = z.object({ accessToken: z.string().min(1).max(16_384) });

/** Another membership of the signed-in person (a clerk of two units), for the rest of the session. */
export const SwitchRequestSchema = z.object({ membershipId: z.number().int().positive() });

export const ExchangeRequestSchema = z.object({ code: z.string().min(1).max(128) });

export const ExchangeResultSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
  role,
  unit: z.string().nullable(),
});
export type ExchangeResult = z.infer<typeof ExchangeResultSchema>;

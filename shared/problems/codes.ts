/**
 * Every problem the product reports outside a report's own issues, each of one kind: the same
 * problem has the same code and kind whether it comes through JSON, an .xlsx file, the command line
 * or the task pane. Their words are in vi.ts and en.ts.
 */
import type { ProblemKind } from './kinds';

export const PROBLEM_CODES = {
  // Requests
  not_found_path: 'not-found',
  method_not_allowed: 'method-not-allowed',
  body_too_large: 'too-large',
  malformed_json: 'malformed-json',
  json_required: 'unsupported-media-type',
  submission_media_type: 'unsupported-media-type',
  csv_required: 'unsupported-media-type',
  invalid_data: 'invalid',
  bad_request: 'bad-request',
  internal: 'internal',
  idempotency_key_length: 'bad-request',
  idempotency_key_reused: 'conflict',
  filing_race: 'conflict',
  submission_unchanged: 'conflict',
  // Signing in and rights
  token_missing: 'unauthorized',
  token_unknown: 'unauthorized',
  token_revoked: 'unauthorized',
  token_expired: 'unauthorized',
  sign_ins_limited: 'too-many-requests',
  role_forbidden: 'forbidden',
  unit_may_not_file_for: 'forbidden',
  unit_reads_own_only: 'forbidden',
  submission_of_other_unit: 'forbidden',
  // What a request names
  template_unknown: 'not-found',
  period_invalid: 'not-found',
  period_not_filed: 'not-found',
  unit_missing: 'invalid',
  unit_unknown: 'invalid',
  unit_not_in_force: 'invalid',
  unit_kind_not_filer: 'invalid',
  coordinator_files: 'invalid',
  submission_not_found: 'not-found',
  revision_not_found: 'not-found',
  review_outdated: 'conflict',
  token_not_found: 'not-found',
  token_revoked_cannot_rotate: 'conflict',
  token_self_revoke: 'conflict',
  expiry_format: 'invalid',
  expiry_past: 'invalid',
  expiry_too_far: 'invalid',
  // Reports
  report_refused: 'validation',
  several_template_sheets: 'invalid',
  // Spreadsheet files
  not_xlsx: 'invalid',
  file_too_large: 'invalid',
  corrupt: 'invalid',
  encrypted: 'invalid',
  too_many_parts: 'invalid',
  part_too_large: 'invalid',
  total_too_large: 'invalid',
  malformed_xml: 'invalid',
  no_metadata: 'invalid',
  sheet_missing: 'invalid',
  cell_outside_area: 'invalid',
  formula_without_result: 'invalid',
  // The unit registry as CSV
  csv_invalid: 'invalid',
  csv_no_units: 'invalid',
  registry_invalid: 'invalid',
  registry_history_conflict: 'conflict',
  unit_record_not_found: 'not-found',
  unit_record_in_use: 'conflict',
  // What a filing covers
  covers_without_predecessors: 'invalid',
  // The registry and tokens written safely under concurrent requests
  write_conflict: 'conflict',
  token_replaced: 'conflict',
  // A province as a dated membership
  unit_not_member: 'invalid',
  // Spreadsheet files: reading what Excel reads
  malformed_cell: 'invalid',
  heading_mismatch: 'invalid',
  // Training clock (npm start)
  training_clock_invalid: 'invalid',
  // Closing a period
  period_closed: 'conflict',
  period_closing: 'conflict',
  period_not_closed: 'conflict',
  close_version_not_found: 'not-found',
  // People, sessions and sign-in through the province's provider
  session_ended: 'unauthorized',
  session_expired: 'unauthorized',
  membership_ended: 'forbidden',
  person_no_membership: 'forbidden',
  person_unknown: 'forbidden',
  sign_in_not_configured: 'not-found',
  sign_in_state_invalid: 'unauthorized',
  sign_in_code_invalid: 'unauthorized',
  sign_in_token_invalid: 'unauthorized',
  sign_in_provider_refused: 'unauthorized',
  sign_in_provider_unreachable: 'bad-gateway',
  session_not_found: 'not-found',
  person_not_found: 'not-found',
  people_invalid: 'invalid',
  people_empty: 'invalid',
  membership_not_found: 'not-found',
  token_person_membership: 'invalid',
  people_changed_meanwhile: 'conflict',
  people_media_type: 'unsupported-media-type',
  switch_needs_session: 'conflict',
  // identity: sign-in starts limited, Microsoft 365 sign-in (NAA)
  sign_in_starts_limited: 'too-many-requests',
  naa_not_configured: 'not-found',
  naa_token_invalid: 'unauthorized',
} as const satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export type ProblemParams = Readonly<Record<string, string | number>>;

/** Problems of one field or one line of an upload (a zod check, a CSV line): coded, worded late. */
export const FIELD_CODES = [
  'unwritable_text',
  'unit_code_format',
  'iso_date',
  'iso_time',
  'review_comment_required',
  'token_unit_required',
  'token_auditor_unit',
  'csv_empty',
  'csv_missing_column',
  'csv_duplicate',
  'csv_valid_to_before',
  'csv_only_commune_parent',
  'csv_coordinator_department',
  'csv_parent_unknown',
  'registry_overlap',
  'registry_two_coordinators',
  'registry_parent_ends_first',
  'registry_successors_need_end',
  'registry_change_missing',
  'registry_successor_missing',
  // The unit registry: catalogue keeper, days without a coordinator
  'csv_catalogue_department',
  'registry_no_coordinator',
  // Closing a period
  'reopen_reason_required',
  // People and memberships
  'login_format',
  'people_unit_unknown',
  'people_name_differs',
  'people_duplicate',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

import type { MentorshipLog } from '../api/logs.ts';

export type LogIdentity = Pick<
  MentorshipLog,
  'id' | 'facility_id' | 'facility_name' | 'mentor_id' | 'mentor_name' | 'visit_date'
>;

/**
 * A new draft: who, where and when, every other field empty. The create service fills it from the
 * request; tests, the benchmark and fixtures build their logs from it too, so they never drift from
 * the schema.
 */
export const newDraftLog = (
  identity: LogIdentity,
  at: string,
  fields: Partial<MentorshipLog> = {},
): MentorshipLog => ({
  ...identity,
  status: 'draft',
  performance_summary: null,
  identified_gaps: null,
  trends_summary: null,
  previous_followup: null,
  persistent_challenges: null,
  progress_made: null,
  resources_needed: null,
  facility_requests: null,
  logistics_notes: null,
  staff_to_engage: [],
  objectives: [],
  visit_outcomes: null,
  lessons_learned: null,
  check_in: null,
  review_trail: [],
  submitted_at: null,
  approved_at: null,
  approved_by: null,
  completed_at: null,
  verified_at: null,
  verified_by: null,
  deleted_at: null,
  created_at: at,
  updated_at: at,
  version: 1,
  ...fields,
});

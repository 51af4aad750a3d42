/**
 * The log's fields as people read them: one label per field, used by the form, the Excel workbook and
 * the PDF visit report alike, so a field is called the same everywhere.
 */
export const logFieldLabels = {
  facility_id: 'Facility',
  visit_date: 'Visit date',
  performance_summary: 'Performance summary',
  identified_gaps: 'Identified gaps',
  trends_summary: 'Trends summary',
  previous_followup: 'Previous follow-up',
  persistent_challenges: 'Persistent challenges',
  progress_made: 'Progress made',
  resources_needed: 'Resources needed',
  facility_requests: 'Facility requests',
  logistics_notes: 'Logistics notes',
  staff_to_engage: 'Staff to engage',
  objectives: 'Objectives',
  visit_outcomes: 'Visit outcomes',
  lessons_learned: 'Lessons learned',
} as const;
export type LogFieldName = keyof typeof logFieldLabels;

/** The planning section's free-text fields, in the order the form and the visit report show them. */
export const planningTextFields = [
  'performance_summary',
  'identified_gaps',
  'trends_summary',
  'previous_followup',
  'persistent_challenges',
  'progress_made',
  'resources_needed',
  'facility_requests',
  'logistics_notes',
] as const satisfies readonly LogFieldName[];
export type PlanningTextField = (typeof planningTextFields)[number];

import type { ErrorDetail, MentorshipLog, Objective } from '@dml/shared';
import { planningEditable, planningFieldNames, reportingEditable, reportingFieldNames } from '@dml/shared';

export const MIN_SUMMARY = 10;
export const MIN_OUTCOMES = 10;

/** DESIGN §6 "submit requires": facility, visit date, performance summary ≥ 10 characters, ≥ 1 objective. */
export const submitProblems = (log: MentorshipLog): ErrorDetail[] => [
  ...((log.performance_summary ?? '').trim().length < MIN_SUMMARY
    ? [{ path: 'performance_summary', message: `needs at least ${MIN_SUMMARY} characters before you submit` }]
    : []),
  ...(log.objectives.length < 1
    ? [{ path: 'objectives', message: 'add at least one objective before you submit' }]
    : []),
];

/** "complete requires": visit outcomes, on or after the visit date. */
export const completeProblems = (log: MentorshipLog, today: string): ErrorDetail[] => [
  ...((log.visit_outcomes ?? '').trim().length < MIN_OUTCOMES
    ? [
        {
          path: 'visit_outcomes',
          message: `describe the outcomes (at least ${MIN_OUTCOMES} characters) before you complete`,
        },
      ]
    : []),
  ...(today < log.visit_date
    ? [
        {
          path: 'visit_date',
          message: `the visit is planned for ${log.visit_date}; report it on or after that day`,
        },
      ]
    : []),
];

/** Fields sent for a section that is locked in the log's current status. */
export const lockedFields = (status: MentorshipLog['status'], fields: readonly string[]): ErrorDetail[] => [
  ...fields
    .filter((f) => (planningFieldNames as readonly string[]).includes(f) && !planningEditable(status))
    .map((path) => ({ path, message: `planning is locked while the log is ${status}` })),
  ...fields
    .filter((f) => (reportingFieldNames as readonly string[]).includes(f) && !reportingEditable(status))
    .map((path) => ({ path, message: `reporting opens once the plan is approved (the log is ${status})` })),
];

/** Keeps the id and creation time of objectives whose text is unchanged, in the new order. */
export const nextObjectives = (
  current: readonly Objective[],
  texts: readonly string[],
  now: string,
  newId: () => string,
): Objective[] => {
  const unused = [...current];
  return texts.map((text, i) => {
    const match = unused.findIndex((o) => o.objective_text === text);
    const kept = match >= 0 ? unused.splice(match, 1)[0] : undefined;
    return {
      id: kept?.id ?? newId(),
      objective_text: text,
      sequence: i + 1,
      created_at: kept?.created_at ?? now,
    };
  });
};

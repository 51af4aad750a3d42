import type { ErrorDetail, MentorshipLog, Objective } from '@dml/shared';
import { planningEditable, planningFieldNames, reportingEditable, reportingFieldNames } from '@dml/shared';

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

import type { FollowUpStatus } from '@dml/shared/api/follow-ups';

export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** The button that moves a follow-up to a status. */
export const moveLabels: Record<FollowUpStatus, string> = {
  pending: 'Back to pending',
  in_progress: 'Start',
  completed: 'Mark completed',
};

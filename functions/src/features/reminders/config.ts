import { optionalEnv } from '#env';

/** Reminder thresholds, in days; each can be changed per deployment through its env var. */
export type ReminderThresholds = {
  /** Follow-ups due within this many days are "due soon". */
  dueSoonDays: number;
  /** Follow-ups overdue by more than this are escalated to the facility's supervisors. */
  escalateAfterDays: number;
  /** Plans or reports waiting longer than this for a supervisor are reminded. */
  reviewWaitDays: number;
};

const days = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 365 ? n : fallback;
};

export const reminderThresholds = (): ReminderThresholds => ({
  dueSoonDays: days(optionalEnv('reminderDueSoonDays'), 3),
  escalateAfterDays: days(optionalEnv('reminderEscalateAfterDays'), 7),
  reviewWaitDays: days(optionalEnv('reminderReviewWaitDays'), 3),
});

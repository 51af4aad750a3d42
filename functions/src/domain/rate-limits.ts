/**
 * Per-person limits on actions that cost something outside the app — mostly email. SES sends at most
 * 200 messages a day from a sandbox account (and a new production account's quota starts small), so
 * one person repeating an action must not spend the programme's daily mail. Each limit sits well
 * above what real work needs and well below what a loop can send. Windows are fixed (they start on
 * the hour, or on the 10-minute mark), counted per person in the table.
 */
export type RateLimit = { limit: number; windowSeconds: number; what: string };

const HOUR = 3600;
const DAY = 24 * HOUR;

export const rateLimits = {
  /**
   * Submitting a plan or completing a report emails every supervisor covering the facility. One log
   * goes for review once or twice in an hour (a return, a fix, a resubmit); a submit → withdraw loop
   * would mail the reviewers each time, so it stops here.
   */
  reviewRequestsOfOneLog: { limit: 5, windowSeconds: HOUR, what: 'submissions of this log' },
  /**
   * The same across all of a person's logs: a phone back online sends its queue of plans at once,
   * so this is roomy; it stops a script working through many logs.
   */
  notifyReviewers: { limit: 100, windowSeconds: HOUR, what: 'plans submitted or reports completed' },
  /** Each new follow-up emails its assignee; a visit agrees a handful, a busy day a few dozen. */
  createFollowUp: { limit: 60, windowSeconds: HOUR, what: 'follow-ups created' },
  /** Each resend emails a new temporary password; an admin fixing a batch of lost invites needs a few. */
  resendInvitation: { limit: 20, windowSeconds: HOUR, what: 'invitations resent' },
  /** And one person's inbox gets at most a few resends a day, whoever sends them. */
  invitationsToOnePerson: { limit: 5, windowSeconds: DAY, what: 'invitations resent to this person' },
  /** Presigned uploads (no email, but each is a record and an S3 object). */
  uploads: { limit: 30, windowSeconds: 600, what: 'uploads' },
} as const satisfies Record<string, RateLimit>;
export type RateLimitName = keyof typeof rateLimits;

const period = (seconds: number) =>
  seconds % DAY === 0
    ? seconds === DAY
      ? 'day'
      : `${seconds / DAY} days`
    : seconds % HOUR === 0
      ? seconds === HOUR
        ? 'hour'
        : `${seconds / HOUR} hours`
      : `${seconds / 60} minutes`;

/** "At most 20 plans submitted or reports completed an hour; try again in 12 minutes." */
export const rateLimitMessage = (limit: RateLimit, retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait =
    minutes >= 120 ? `${Math.ceil(minutes / 60)} hours` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `At most ${limit.limit} ${limit.what} per ${period(limit.windowSeconds)}; try again in ${wait}.`;
};

/** Seconds from `now` to the end of its fixed window. */
export const secondsLeftInWindow = (windowSeconds: number, now: Date) => {
  const nowSeconds = now.getTime() / 1000;
  const end = (Math.floor(nowSeconds / windowSeconds) + 1) * windowSeconds;
  return Math.max(1, Math.ceil(end - nowSeconds));
};

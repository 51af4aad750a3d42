/** Today's calendar date (YYYY-MM-DD) in a time zone: "today" for a programme is local, not UTC. */
export const todayIn = (timeZone: string, now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** Whole days from `a` to `b` (YYYY-MM-DD), negative when b is before a. */
export const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The programme's default zone; deployments override it (CDK context / env). */
export const DEFAULT_TIME_ZONE = 'Africa/Lagos';

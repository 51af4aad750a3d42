import { DEFAULT_TIME_ZONE, todayIn } from '@dml/shared';
import { optionalEnv } from '#env';

/** The programme's "today" (visit and due dates): the calendar date in its zone, which deployments set. */
export const programmeToday = (now: Date) => todayIn(optionalEnv('timeZone') ?? DEFAULT_TIME_ZONE, now);

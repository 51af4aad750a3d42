import { lastMonths, monthsBetween, yearsOf } from '#domain/dashboard';
import { programmeToday } from '#features/today';

/** The last `months` months up to the current one, in the programme's zone. */
export const reportPeriod = (months: number, now: Date) => {
  const today = programmeToday(now);
  const { from, to } = lastMonths(today, months);
  const list = monthsBetween(from, to);
  return { today, months: list, years: yearsOf(list), period: { from, to, months: list.length } };
};

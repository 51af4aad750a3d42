import { DEFAULT_TIME_ZONE, todayIn } from '@dml/shared/domain/dates';

/**
 * Today's date (YYYY-MM-DD) in the programme's time zone: the API decides "not in the past" and
 * "overdue" by that calendar, not by the phone's own zone.
 */
export const programmeToday = (now: Date = new Date()) => todayIn(DEFAULT_TIME_ZONE, now);

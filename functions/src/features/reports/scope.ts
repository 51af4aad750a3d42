import { DEFAULT_TIME_ZONE, todayIn } from '@dml/shared';
import { isAssigned } from '../../data/assignments.ts';
import { getFacility } from '../../data/facilities.ts';
import { getUser } from '../../data/users.ts';
import { lastMonths, monthsBetween, yearsOf } from '../../domain/dashboard.ts';
import { scopes } from '../../domain/figures.ts';
import { optionalEnv } from '../../env.ts';
import type { Actor } from '../../http/actor.ts';
import { HttpError, notFound } from '../../http/errors.ts';

export type ReportScope = {
  scope: string;
  kind: 'programme' | 'state' | 'facility' | 'mentor' | 'supervisor';
  label: string;
};
type Filters = {
  facility_id?: string | undefined;
  state?: string | undefined;
  mentor_id?: string | undefined;
};

/**
 * Whose figures a report shows (DESIGN §5 "reports"): mentors their own, supervisors the facilities
 * they cover (or one of them), admins the programme (or a state, a facility, a mentor).
 */
export const reportScope = async (actor: Actor, f: Filters): Promise<ReportScope> => {
  const filters = [f.facility_id, f.state, f.mentor_id].filter(Boolean).length;
  if (filters > 1)
    throw new HttpError(400, 'validation_failed', 'Filter by one of facility, state or mentor.', [
      { path: 'query', message: 'use one filter at a time' },
    ]);
  if (actor.role === 'mentor') {
    if (filters) throw new HttpError(403, 'forbidden', 'Mentors see the figures of their own visits.');
    return { scope: scopes.mentor(actor.id), kind: 'mentor', label: actor.name };
  }
  if (f.facility_id) {
    if (actor.role !== 'admin' && !(await isAssigned(actor.id, f.facility_id))) throw notFound('Facility');
    const facility = await getFacility(f.facility_id);
    if (!facility) throw notFound('Facility');
    return { scope: scopes.facility(facility.id), kind: 'facility', label: facility.name };
  }
  if (f.state || f.mentor_id) {
    if (actor.role !== 'admin')
      throw new HttpError(403, 'forbidden', 'Supervisors can narrow reports to one of their facilities.');
    if (f.state) return { scope: scopes.state(f.state), kind: 'state', label: f.state };
    const mentor = await getUser(f.mentor_id ?? '');
    if (!mentor) throw notFound('User');
    return { scope: scopes.mentor(mentor.id), kind: 'mentor', label: mentor.name };
  }
  if (actor.role === 'supervisor')
    return { scope: scopes.user(actor.id), kind: 'supervisor', label: `Facilities covered by ${actor.name}` };
  return { scope: scopes.programme(), kind: 'programme', label: 'Whole programme' };
};

/** The last `months` months up to the current one, in the programme's zone. */
export const reportPeriod = (months: number, now: Date) => {
  const today = todayIn(optionalEnv('timeZone') ?? DEFAULT_TIME_ZONE, now);
  const { from, to } = lastMonths(today, months);
  const list = monthsBetween(from, to);
  return { today, months: list, years: yearsOf(list), period: { from, to, months: list.length } };
};

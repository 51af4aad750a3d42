import { getFacility } from '#data/facilities';
import { getUser } from '#data/users';
import { badRequest, forbidden, notFound } from '#domain/errors';
import { subjects } from '#domain/figures';
import { coversFacility } from '#features/scope';
import type { Actor } from '#http/actor';

/** What a report's figures are about, and how it is shown (`kind` and `label` are in the response). */
export type ReportSubject = {
  subject: string;
  kind: 'programme' | 'state' | 'facility' | 'mentor' | 'supervisor';
  label: string;
};
type Filters = {
  facility_id?: string | undefined;
  state?: string | undefined;
  mentor_id?: string | undefined;
};

/**
 * Whose figures a report shows: mentors their own, supervisors the facilities
 * they cover (or one of them), admins the programme (or a state, a facility, a mentor).
 */
export const reportSubject = async (actor: Actor, f: Filters): Promise<ReportSubject> => {
  const filters = [f.facility_id, f.state, f.mentor_id].filter(Boolean).length;
  if (filters > 1)
    throw badRequest('Filter by one of facility, state or mentor.', [
      { path: 'query', message: 'use one filter at a time' },
    ]);
  if (actor.role === 'mentor') {
    if (filters) throw forbidden('Mentors see the figures of their own visits.');
    return { subject: subjects.mentor(actor.id), kind: 'mentor', label: actor.name };
  }
  if (f.facility_id) {
    if (!(await coversFacility(actor, f.facility_id))) throw notFound('Facility');
    const facility = await getFacility(f.facility_id);
    if (!facility) throw notFound('Facility');
    return { subject: subjects.facility(facility.id), kind: 'facility', label: facility.name };
  }
  if (f.state || f.mentor_id) {
    if (actor.role !== 'admin') throw forbidden('Supervisors can narrow reports to one of their facilities.');
    if (f.state) return { subject: subjects.state(f.state), kind: 'state', label: f.state };
    const mentor = await getUser(f.mentor_id ?? '');
    if (!mentor) throw notFound('User');
    return { subject: subjects.mentor(mentor.id), kind: 'mentor', label: mentor.name };
  }
  if (actor.role === 'supervisor')
    return {
      subject: subjects.user(actor.id),
      kind: 'supervisor',
      label: `Facilities covered by ${actor.name}`,
    };
  return { subject: subjects.programme(), kind: 'programme', label: 'Whole programme' };
};

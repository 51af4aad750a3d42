import { assignmentsOfUser, isAssigned } from '#data/assignments';
import { notFound } from '#domain/errors';
import type { Actor } from '#http/actor';

/**
 * A user's scope is the set of facilities assigned to them; admins' is everything (docs/api-conventions.md).
 * Objects outside scope are reported as not found, never as forbidden.
 */
export type Scope = { all: true } | { all: false; facilityIds: Set<string> };

export const scopeOf = async (actor: Pick<Actor, 'id' | 'role'>): Promise<Scope> =>
  actor.role === 'admin'
    ? { all: true }
    : { all: false, facilityIds: new Set((await assignmentsOfUser(actor.id)).map((a) => a.facility_id)) };

export const inScope = (scope: Scope, facilityId: string) => scope.all || scope.facilityIds.has(facilityId);

/** Does this person cover the facility? Admins cover every one; others the ones assigned to them (one GetItem). */
export const coversFacility = async (person: Pick<Actor, 'id' | 'role'>, facilityId: string) =>
  person.role === 'admin' || (await isAssigned(person.id, facilityId));

/** One GetItem: is this facility in the caller's scope? 404 if not. */
export const assertFacilityInScope = async (
  actor: Pick<Actor, 'id' | 'role'>,
  facilityId: string,
  what = 'Facility',
) => {
  if (!(await coversFacility(actor, facilityId))) throw notFound(what);
};

/** Supervisors see users who share at least one of their facilities. */
export const sharesAFacility = async (supervisorId: string, userId: string) => {
  const [mine, theirs] = await Promise.all([assignmentsOfUser(supervisorId), assignmentsOfUser(userId)]);
  const mineIds = new Set(mine.map((a) => a.facility_id));
  return theirs.some((a) => mineIds.has(a.facility_id));
};

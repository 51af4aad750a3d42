import { isAssigned } from '../../data/assignments.ts';
import type { Actor } from '../../http/actor.ts';
import { scopeOf } from '../scope.ts';
import type { Caller, LogFilters } from './list-plan.ts';

/**
 * Supervisors' whole-scope lists read their pointer partition and need no scope lookup; a facility
 * filter costs one GetItem, a mentor filter the list of their facilities.
 */
export const callerOf = async (
  actor: Actor,
  filters: Pick<LogFilters, 'facility_id' | 'mentor_id'>,
): Promise<Caller> => {
  if (actor.role === 'admin') return { kind: 'admin' };
  if (actor.role === 'mentor') return { kind: 'mentor', id: actor.id };
  let facilityIds: string[] = [];
  if (filters.facility_id)
    facilityIds = (await isAssigned(actor.id, filters.facility_id)) ? [filters.facility_id] : [];
  else if (filters.mentor_id) {
    const scope = await scopeOf(actor);
    facilityIds = scope.all ? [] : [...scope.facilityIds];
  }
  return { kind: 'supervisor', id: actor.id, facilityIds };
};

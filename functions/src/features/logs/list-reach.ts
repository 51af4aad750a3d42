import { isAssigned } from '#data/assignments';
import type { Actor } from '#http/actor';
import type { LogFilters, LogListReach } from './list-plan.ts';

/**
 * Supervisors' lists read their scope pointer partitions and need no scope lookup; a facility filter
 * costs one GetItem (do they cover it?).
 */
export const logListReachOf = async (
  actor: Actor,
  filters: Pick<LogFilters, 'facility_id'>,
): Promise<LogListReach> => {
  if (actor.role === 'admin') return { kind: 'admin' };
  if (actor.role === 'mentor') return { kind: 'mentor', id: actor.id };
  if (!filters.facility_id) return { kind: 'supervisor', id: actor.id };
  return {
    kind: 'supervisor',
    id: actor.id,
    coversFacility: await isAssigned(actor.id, filters.facility_id),
  };
};

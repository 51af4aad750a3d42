import { routes } from '@dml/shared';
import { isAssigned } from '../../data/assignments.ts';
import { toSummary } from '../../data/logs.ts';
import { queryPage } from '../../data/query.ts';
import type { Actor } from '../../http/actor.ts';
import { implement } from '../../http/route-handler.ts';
import { assertFacilityInScope, scopeOf } from '../scope.ts';
import { loadVisibleLog, viewOf } from './access.ts';
import { carryOver } from './carry-over.ts';
import { logHistory } from './history.ts';
import { type Caller, type LogFilters, planLogList } from './list-plan.ts';
import { createLog, deleteLog, restoreLog, transitionLog, updateLog } from './service.ts';

/**
 * Supervisors' whole-scope lists read their pointer partition and need no scope lookup; a facility
 * filter costs one GetItem, a mentor filter the list of their facilities.
 */
const callerOf = async (
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

export const logRoutes = [
  implement(routes.listLogs, async ({ actor, query: { limit, cursor, ...filters } }) => {
    const plan = planLogList(await callerOf(actor, filters), filters as LogFilters);
    if (!plan) return { items: [], next_cursor: null };
    const page = await queryPage({ ...plan, limit, cursor });
    return { items: page.items.map(toSummary), next_cursor: page.next_cursor };
  }),
  implement(routes.createLog, ({ actor, body, idempotencyKey, now }) =>
    createLog(actor, body, idempotencyKey, now),
  ),
  implement(routes.logCarryOver, async ({ actor, query }) => {
    await assertFacilityInScope(actor, query.facility_id);
    return carryOver(query.facility_id);
  }),
  implement(routes.getLog, async ({ actor, params }) => {
    const { log, relation } = await loadVisibleLog(actor, params.id);
    return viewOf(log, relation);
  }),
  implement(routes.updateLog, ({ actor, params, body, now }) => updateLog(actor, params.id, body, now)),
  implement(routes.deleteLog, ({ actor, params, query, now }) =>
    deleteLog(actor, params.id, query.version, now),
  ),
  implement(routes.logHistory, ({ actor, params }) => logHistory(actor, params.id)),
  implement(routes.submitLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'submit', body, now),
  ),
  implement(routes.withdrawLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'withdraw', body, now),
  ),
  implement(routes.approveLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'approve', body, now),
  ),
  implement(routes.returnLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'return', body, now),
  ),
  implement(routes.completeLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'complete', body, now),
  ),
  implement(routes.verifyLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'verify', body, now),
  ),
  implement(routes.reopenLog, ({ actor, params, body, now }) =>
    transitionLog(actor, params.id, 'reopen', body, now),
  ),
  implement(routes.restoreLog, ({ actor, params, body, now }) =>
    restoreLog(actor, params.id, body.version, now),
  ),
];

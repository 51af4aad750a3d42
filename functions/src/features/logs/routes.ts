import { logActions } from '@dml/shared/domain/lifecycle';
import { logRoutes as routes, transitionRouteId } from '@dml/shared/routes/logs';
import { toSummary } from '#data/logs';
import { queryPage } from '#data/query';
import { assertFacilityInScope } from '#features/scope';
import { implement } from '#http/route-handler';
import { canRead, listRelation, loadVisibleLog, viewOf } from './access.ts';
import { carryOver } from './carry-over.ts';
import { logHistory } from './history.ts';
import { type LogFilters, planLogList } from './list-plan.ts';
import { logListReachOf } from './list-reach.ts';
import { createLog, deleteLog, restoreLog, transitionLog, updateLog } from './service.ts';

export const logRoutes = [
  implement(routes.listLogs, async ({ actor, query: { limit, cursor, ...filters } }) => {
    const plan = planLogList(await logListReachOf(actor, filters), filters as LogFilters);
    if (!plan) return { items: [], next_cursor: null };
    const { inScope, ...query } = plan;
    const page = await queryPage({ ...query, limit, cursor });
    // The plan picks partitions the caller may read; the item read's rule still has the last word.
    const items = page.items.map(toSummary).filter((log) => canRead(log, listRelation(actor, log, inScope)));
    return { items, next_cursor: page.next_cursor };
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
  // Every lifecycle action, from the lifecycle table: the service decides who, from which status, and what it needs.
  ...logActions.map((action) =>
    implement(routes[transitionRouteId(action)], ({ actor, params, body, now }) =>
      transitionLog(actor, params.id, action, body, now),
    ),
  ),
  implement(routes.restoreLog, ({ actor, params, body, now }) =>
    restoreLog(actor, params.id, body.version, now),
  ),
];

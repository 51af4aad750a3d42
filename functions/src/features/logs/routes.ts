import { logRoutes as routes } from '@dml/shared/routes/logs';
import { toSummary } from '../../data/logs.ts';
import { queryPage } from '../../data/query.ts';
import { implement } from '../../http/route-handler.ts';
import { assertFacilityInScope } from '../scope.ts';
import { loadVisibleLog, viewOf } from './access.ts';
import { callerOf } from './caller.ts';
import { carryOver } from './carry-over.ts';
import { logHistory } from './history.ts';
import { type LogFilters, planLogList } from './list-plan.ts';
import { createLog, deleteLog, restoreLog, transitionLog, updateLog } from './service.ts';

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

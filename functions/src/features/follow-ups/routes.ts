import { followUpRoutes as routes } from '@dml/shared/routes/follow-ups';
import { toFollowUp } from '../../data/follow-ups.ts';
import { queryPage } from '../../data/query.ts';
import { implement } from '../../http/route-handler.ts';
import { loadVisibleLog } from '../logs/access.ts';
import { assertFacilityInScope, scopeOf } from '../scope.ts';
import { type FollowUpFilters, planFollowUpList } from './list-plan.ts';
import {
  changeFollowUpStatus,
  createFollowUp,
  deleteFollowUp,
  loadVisibleFollowUp,
  today,
  updateFollowUp,
} from './service.ts';

export const followUpRoutes = [
  implement(routes.createFollowUp, ({ actor, params, body, idempotencyKey, now }) =>
    createFollowUp(actor, params.id, body, idempotencyKey, now),
  ),
  implement(routes.listFollowUps, async ({ actor, query: { limit, cursor, ...filters }, now }) => {
    // A log or facility filter must name something the caller can see (404 otherwise).
    if (filters.mentorship_log_id) await loadVisibleLog(actor, filters.mentorship_log_id);
    if (filters.facility_id) await assertFacilityInScope(actor, filters.facility_id);
    const needsScope =
      actor.role === 'supervisor' &&
      filters.view === 'all' &&
      !filters.facility_id &&
      !filters.mentorship_log_id;
    const scope = needsScope ? await scopeOf(actor) : { all: true as const };
    const plan = planFollowUpList(
      { id: actor.id, role: actor.role, scopeFacilityIds: scope.all ? [] : [...scope.facilityIds] },
      filters as FollowUpFilters,
      today(now),
    );
    if (!plan) return { items: [], next_cursor: null };
    const page = await queryPage({ ...plan, limit, cursor });
    return { items: page.items.map(toFollowUp), next_cursor: page.next_cursor };
  }),
  implement(
    routes.getFollowUp,
    async ({ actor, params }) => (await loadVisibleFollowUp(actor, params.id)).followUp,
  ),
  implement(routes.updateFollowUp, ({ actor, params, body, now }) =>
    updateFollowUp(actor, params.id, body, now),
  ),
  implement(routes.updateFollowUpStatus, ({ actor, params, body, now }) =>
    changeFollowUpStatus(actor, params.id, body, now),
  ),
  implement(routes.deleteFollowUp, ({ actor, params, query, now }) =>
    deleteFollowUp(actor, params.id, query.version, now),
  ),
];

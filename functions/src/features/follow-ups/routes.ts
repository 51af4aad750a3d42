import { followUpRoutes as routes } from '@dml/shared/routes/follow-ups';
import { toFollowUp } from '#data/follow-ups';
import { queryPage } from '#data/query';
import { loadVisibleLog } from '#features/logs/access';
import { assertFacilityInScope } from '#features/scope';
import { implement } from '#http/route-handler';
import { canReadFollowUp, followUpRelation } from './access.ts';
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
    let coversFilter = actor.role === 'admin';
    if (filters.mentorship_log_id)
      coversFilter = (await loadVisibleLog(actor, filters.mentorship_log_id)).relation.inScope;
    if (filters.facility_id) {
      await assertFacilityInScope(actor, filters.facility_id);
      coversFilter = true;
    }
    const plan = planFollowUpList(
      { id: actor.id, role: actor.role, coversFilter },
      filters as FollowUpFilters,
      today(now),
    );
    if (!plan) return { items: [], next_cursor: null };
    const { covers, ...query } = plan;
    const page = await queryPage({ ...query, limit, cursor });
    // The plan picks partitions the caller may read; the item read's rule still has the last word.
    const items = page.items
      .map(toFollowUp)
      .filter((f) => canReadFollowUp(followUpRelation(actor, f, covers)));
    return { items, next_cursor: page.next_cursor };
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

import type { Facility } from '@dml/shared';
import { facilityRoutes as routes } from '@dml/shared/routes/facilities';
import { assignmentsOfFacility } from '#data/assignments';
import { pageOf } from '#data/cursor';
import {
  type FacilityFilters,
  getFacilities,
  getFacility,
  getFacilityIdByCode,
  listFacilities,
} from '#data/facilities';
import { requestHash } from '#data/idempotency';
import { getUsers } from '#data/users';
import { notFound } from '#domain/errors';
import { assertFacilityInScope, scopeOf } from '#features/scope';
import { implement } from '#http/route-handler';
import { createFacility, deleteFacility, updateFacility } from './service.ts';

const matches = (f: Facility, filters: FacilityFilters) =>
  (!filters.state || f.state.toLowerCase() === filters.state.toLowerCase()) &&
  (!filters.facility_type || f.facility_type === filters.facility_type) &&
  (!filters.q ||
    f.name.toLowerCase().startsWith(filters.q.toLowerCase()) ||
    f.code === filters.q.toUpperCase());

export const facilityRoutes = [
  implement(routes.listFacilities, async ({ actor, query: { limit, cursor, ...filters } }) => {
    const scope = await scopeOf(actor);
    if (!scope.all) {
      // Mentors and supervisors: their own facilities, a bounded set.
      const facilities = (await getFacilities([...scope.facilityIds]))
        .filter((f) => !f.deleted_at && matches(f, filters))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return pageOf(facilities, limit, cursor, requestHash({ actor: actor.id, filters }));
    }
    const byCode = filters.q ? await getFacilityIdByCode(filters.q) : null;
    if (byCode && !cursor) {
      const facility = await getFacility(byCode);
      if (facility && !facility.deleted_at && matches(facility, filters))
        return { items: [facility], next_cursor: null };
    }
    const { items, next_cursor } = await listFacilities(filters, limit, cursor);
    return { items, next_cursor };
  }),
  implement(routes.createFacility, ({ actor, body, idempotencyKey, now }) =>
    createFacility(actor, body, idempotencyKey, now),
  ),
  implement(routes.getFacility, async ({ actor, params }) => {
    await assertFacilityInScope(actor, params.id);
    const facility = await getFacility(params.id);
    if (!facility || (facility.deleted_at && actor.role !== 'admin')) throw notFound('Facility');
    return facility;
  }),
  implement(routes.updateFacility, ({ actor, params, body, now }) =>
    updateFacility(actor, params.id, body, now),
  ),
  implement(routes.deleteFacility, ({ actor, params, query, now }) =>
    deleteFacility(actor, params.id, query.version, query.force ?? false, now),
  ),
  implement(routes.listFacilityUsers, async ({ actor, params }) => {
    await assertFacilityInScope(actor, params.id);
    if (!(await getFacility(params.id))) throw notFound('Facility');
    const assignments = await assignmentsOfFacility(params.id);
    const assignedAt = new Map(assignments.map((a) => [a.user_id, a.assigned_at]));
    const users = await getUsers([...assignedAt.keys()]);
    return {
      items: users
        .map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          designation: u.designation,
          is_active: u.is_active,
          assigned_at: assignedAt.get(u.id) ?? u.created_at,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }),
];

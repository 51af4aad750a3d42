import type { User } from '@dml/shared';
import { userRoutes as routes } from '@dml/shared/routes/users';
import type { UserDirectory } from '#adapters/directory';
import type { Mailer } from '#adapters/mailer';
import { mapBounded } from '#concurrency';
import { assignmentsOfFacility } from '#data/assignments';
import { pageOf } from '#data/cursor';
import { requestHash } from '#data/idempotency';
import { getUser, getUserIdByEmail, getUsers, listUsers, type UserFilters } from '#data/users';
import { scopeOf } from '#features/scope';
import { implement } from '#http/route-handler';
import { assignedFacilities, assignFacilities } from './assignments.ts';
import { createUser, deactivateUser, getVisibleUser, resendInvitation, updateUser } from './service.ts';

const matches = (user: User, f: UserFilters) =>
  (!f.role || user.role === f.role) &&
  (!f.region_state || user.region_state?.toLowerCase() === f.region_state.toLowerCase()) &&
  (f.is_active === undefined || user.is_active === f.is_active) &&
  (!f.q ||
    (f.q.includes('@')
      ? user.email === f.q.toLowerCase()
      : user.name.toLowerCase().startsWith(f.q.toLowerCase())));

/** Facilities whose user lists are read at the same time when a supervisor lists users. */
const FACILITY_READS_IN_FLIGHT = 8;

/** Supervisors list the users of their facilities: a bounded set assembled in memory. */
const listUsersInScope = async (
  supervisorId: string,
  filters: UserFilters,
  limit: number,
  cursor?: string,
) => {
  const scope = await scopeOf({ id: supervisorId, role: 'supervisor' });
  const facilityIds = scope.all ? [] : [...scope.facilityIds];
  const assignments = (
    await mapBounded(facilityIds, FACILITY_READS_IN_FLIGHT, (id) => assignmentsOfFacility(id))
  ).flat();
  const users = (await getUsers(assignments.map((a) => a.user_id)))
    .filter((u) => matches(u, filters))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return pageOf(users, limit, cursor, requestHash({ supervisorId, filters }));
};

/** Admins search by a whole email address with one GetItem on the email marker. */
const findByEmail = async (filters: UserFilters) => {
  const id = filters.q ? await getUserIdByEmail(filters.q) : null;
  const user = id ? await getUser(id) : null;
  return { items: user && matches(user, filters) ? [user] : [], next_cursor: null };
};

export const userRoutes = (deps: () => { directory: UserDirectory; mailer: Mailer; webUrl: string }) => [
  implement(routes.listUsers, async ({ actor, query: { limit, cursor, ...filters } }) => {
    if (actor.role === 'supervisor') return listUsersInScope(actor.id, filters, limit, cursor);
    if (filters.q?.includes('@')) return findByEmail(filters);
    const { items, next_cursor } = await listUsers(filters, limit, cursor);
    return { items, next_cursor };
  }),
  implement(routes.createUser, ({ actor, body, idempotencyKey, now }) =>
    createUser(deps(), actor, body, idempotencyKey, now),
  ),
  implement(routes.getUser, ({ actor, params }) => getVisibleUser(actor, params.id)),
  implement(routes.updateUser, ({ actor, params, body, now }) =>
    updateUser(deps(), actor, params.id, body, now),
  ),
  implement(routes.deactivateUser, ({ actor, params, query, now }) =>
    deactivateUser(deps(), actor, params.id, query.version, now),
  ),
  implement(routes.resendInvitation, ({ actor, params, now }) =>
    resendInvitation(deps(), actor, params.id, now),
  ),
  implement(routes.assignFacilities, async ({ actor, params, body, now }) => ({
    items: await assignFacilities(actor, params.id, body, now),
  })),
  implement(routes.listAssignedFacilities, async ({ actor, params }) => {
    await getVisibleUser(actor, params.id);
    return { items: await assignedFacilities(params.id) };
  }),
];

import type { AssignFacilitiesBody, Facility } from '@dml/shared';
import type * as z from '@dml/shared/zod';
import { type Assignment, assignmentItem, assignmentsOfFacility, assignmentsOfUser } from '#data/assignments';
import { facilitiesInState, getFacilities } from '#data/facilities';
import { keys } from '#data/keys';
import { assignedCountWrites, syncScopeFigures } from '#data/scope-figures';
import { syncScopePointers } from '#data/scope-pointers';
import { commit, tableItem } from '#data/transact';
import { getUser } from '#data/users';
import { batchPlan, planAssignments } from '#domain/assignments';
import { badRequest, conflict, notFound } from '#domain/errors';
import type { Actor } from '#http/actor';

/** One transaction holds ≤ 100 items: the assignment writes, two facility counts and the audit entry. */
const WRITES_PER_TRANSACTION = 96;

/**
 * The most users who may cover one facility. Every change to a log or follow-up there writes each
 * coverer's scope pointer and figures in the same transaction (at most 100 items, about 3 per
 * coverer), so the limit is refused here, clearly, rather than by a failed write later.
 */
export const MAX_USERS_PER_FACILITY = 25;
/** Facilities whose pointers and figures are brought in line at the same time. */
const SYNC_CONCURRENCY = 8;

/** 400 if adding the user would take a facility over the limit of users covering it. */
const checkRoomForCoverer = async (
  adding: readonly string[],
  body: z.output<typeof AssignFacilitiesBody>,
) => {
  const full: string[] = [];
  for (let i = 0; i < adding.length; i += 25) {
    const chunk = adding.slice(i, i + 25);
    const counts = await Promise.all(chunk.map(async (id) => (await assignmentsOfFacility(id)).length));
    chunk.forEach((id, j) => {
      if ((counts[j] ?? 0) >= MAX_USERS_PER_FACILITY) full.push(id);
    });
  }
  if (full.length === 0) return;
  const position = new Map<string, number>();
  if ('facility_ids' in body)
    body.facility_ids.forEach((id, i) => {
      if (!position.has(id)) position.set(id, i);
    });
  throw badRequest(
    `A facility can be covered by at most ${MAX_USERS_PER_FACILITY} users; remove someone from it first.`,
    full.map((id) => ({
      path: position.has(id) ? `facility_ids.${position.get(id)}` : 'state',
      message: `facility ${id} already has ${MAX_USERS_PER_FACILITY} users covering it`,
    })),
  );
};

export type AssignedFacilityView = Facility & { assigned_at: string };

/** The facilities a user covers, with when each was assigned, by name. */
export const assignedFacilities = async (userId: string): Promise<AssignedFacilityView[]> => {
  const assignments = await assignmentsOfUser(userId);
  const assignedAt = new Map(assignments.map((a) => [a.facility_id, a.assigned_at]));
  const facilities = await getFacilities([...assignedAt.keys()]);
  return facilities
    .filter((f) => !f.deleted_at)
    .map((f) => ({ ...f, assigned_at: assignedAt.get(f.id) ?? f.created_at }))
    .sort((a, b) => a.name.localeCompare(b.name));
};

const requestedFacilityIds = async (body: z.output<typeof AssignFacilitiesBody>) => {
  if ('state' in body) return (await facilitiesInState(body.state)).map((f) => f.id);
  const unique = [...new Set(body.facility_ids)];
  const found = new Map((await getFacilities(unique)).filter((f) => !f.deleted_at).map((f) => [f.id, f]));
  const unknown = body.facility_ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `facility_ids.${i}`, message: 'no such facility' }],
  );
  if (unknown.length && body.mode !== 'remove') throw badRequest('Some facilities do not exist.', unknown);
  return unique;
};

/**
 * Sets, adds or removes a user's facilities. Each add/remove is conditioned on the state it was
 * planned from, so two admins editing the same user cannot silently undo each other (409 instead).
 * Large changes go in transaction-sized batches, each with its own audit entry.
 */
export const assignFacilities = async (
  actor: Actor,
  userId: string,
  body: z.output<typeof AssignFacilitiesBody>,
  now: Date,
) => {
  const user = await getUser(userId, true);
  if (!user) throw notFound('User');
  if (user.role === 'admin')
    throw conflict('Admins cover every facility already; assign facilities to mentors and supervisors.');
  const requested = await requestedFacilityIds(body);
  const current = (await assignmentsOfUser(userId)).map((a) => a.facility_id);
  const plan = planAssignments(current, requested, body.mode);
  await checkRoomForCoverer(plan.add, body);
  const stale = () =>
    conflict("This user's facilities changed while you were editing. Reload and try again.");

  let have = new Set(current);
  for (const batch of batchPlan(plan, WRITES_PER_TRANSACTION)) {
    const after = new Set(have);
    const writes = batch.map(({ op, id }) => {
      if (op === 'add') {
        after.add(id);
        const assignment: Assignment = {
          user_id: userId,
          facility_id: id,
          assigned_at: now.toISOString(),
          assigned_by: actor.id,
        };
        return {
          item: tableItem('Put', {
            Item: assignmentItem(assignment),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
          onConditionFailed: stale,
        };
      }
      after.delete(id);
      return {
        item: tableItem('Delete', {
          Key: keys.assignment(userId, id),
          ConditionExpression: 'attribute_exists(pk)',
        }),
        onConditionFailed: stale,
      };
    });
    const net = batch.reduce((n, { op }) => n + (op === 'add' ? 1 : -1), 0);
    await commit({
      writes: [...writes, ...assignedCountWrites(userId, net)],
      audit: {
        actor: { id: actor.id, email: actor.email },
        entityType: 'assignment',
        entityId: userId,
        action: 'assign_facilities',
        changes: { facility_ids: { from: [...have].sort(), to: [...after].sort() } },
        at: now,
      },
    });
    have = after;
    for (let i = 0; i < batch.length; i += SYNC_CONCURRENCY)
      await Promise.all(
        batch.slice(i, i + SYNC_CONCURRENCY).map(async ({ op, id }) => {
          await syncScopePointers(userId, id, op);
          await syncScopeFigures(userId, id, op);
        }),
      );
  }
  return assignedFacilities(userId);
};

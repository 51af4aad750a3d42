import type { AssignFacilitiesBody, Facility } from '@dml/shared';
import type * as z from 'zod';
import { type Assignment, assignmentItem, assignmentsOfUser } from '../../data/assignments.ts';
import { facilitiesInState, getFacilities } from '../../data/facilities.ts';
import { keys } from '../../data/keys.ts';
import { assignedCountWrites, syncScopeFigures } from '../../data/scope-figures.ts';
import { syncScopePointers } from '../../data/scope-pointers.ts';
import { commit, tableItem } from '../../data/transact.ts';
import { getUser } from '../../data/users.ts';
import { batchPlan, planAssignments } from '../../domain/assignments.ts';
import type { Actor } from '../../http/actor.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';

/** One transaction holds ≤ 100 items: the assignment writes, two facility counts and the audit entry. */
const WRITES_PER_TRANSACTION = 96;

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
    for (const { op, id } of batch) {
      await syncScopePointers(userId, id, op);
      await syncScopeFigures(userId, id, op);
    }
  }
  return assignedFacilities(userId);
};

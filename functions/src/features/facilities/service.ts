import { randomUUID } from 'node:crypto';
import {
  type CreateFacilityBody,
  DEFAULT_GEOFENCE_RADIUS_M,
  type Facility,
  type UpdateFacilityBody,
} from '@dml/shared';
import type * as z from '@dml/shared/zod';
import { assignmentsOfFacility } from '#data/assignments';
import { codeMarkerItem, facilityItem, getFacility, getFacilityIdByCode } from '#data/facilities';
import { figureWrite } from '#data/figures';
import { type IdempotencyClaim, idempotentCreate } from '#data/idempotency';
import { keys, logIndexes, partitions } from '#data/keys';
import { queryPage } from '#data/query';
import { assignedCountWrites, syncScopeFigures } from '#data/scope-figures';
import { syncScopePointers } from '#data/scope-pointers';
import { commit, tableItem, type Write } from '#data/transact';
import { ifVersion } from '#data/versioned';
import { diffChanges } from '#domain/diff';
import { conflict, duplicate, notFound, versionConflict } from '#domain/errors';
import { subjects } from '#domain/figures';
import type { Actor } from '#http/actor';

type CreateInput = z.output<typeof CreateFacilityBody>;
type UpdateInput = z.output<typeof UpdateFacilityBody>;

/** The facility counts of the programme and of a state ("facilities assigned" on their dashboards). */
const facilityCount = (state: string, delta: 1 | -1) => [
  figureWrite(subjects.programme(), 'CURRENT', { facilities: delta }),
  figureWrite(subjects.state(state), 'CURRENT', { facilities: delta }),
];

const duplicateCode = () => duplicate('code', 'Another facility already has this code.');
const auditActor = (actor: Actor) => ({ id: actor.id, email: actor.email });

/** Registers a facility; the code marker in the same transaction makes the code unique. */
export const createFacility = (
  actor: Actor,
  input: CreateInput,
  idempotencyKey: string | undefined,
  now: Date,
) =>
  idempotentCreate(
    { actorId: actor.id, key: idempotencyKey, request: input, now },
    async (claim: IdempotencyClaim | undefined) => {
      if (await getFacilityIdByCode(input.code)) throw duplicateCode();
      const at = now.toISOString();
      const facility: Facility = {
        id: randomUUID(),
        name: input.name,
        code: input.code,
        location: input.location ?? null,
        state: input.state,
        facility_type: input.facility_type,
        contact_person: input.contact_person ?? null,
        contact_email: input.contact_email ?? null,
        contact_phone: input.contact_phone ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        geofence_radius_m: input.geofence_radius_m ?? DEFAULT_GEOFENCE_RADIUS_M,
        deleted_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await commit({
        writes: [
          {
            item: tableItem('Put', {
              Item: facilityItem(facility),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          },
          {
            item: tableItem('Put', {
              Item: codeMarkerItem(facility.code, facility.id),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
            onConditionFailed: duplicateCode,
          },
          ...facilityCount(facility.state, 1),
        ],
        audit: {
          actor: auditActor(actor),
          entityType: 'facility',
          entityId: facility.id,
          action: 'create',
          changes: diffChanges(null, facility),
          at: now,
        },
        idempotency: claim && { ...claim, response: { status: 201, body: facility } },
      });
      return facility;
    },
  );

/** A facility that may still change: present and not retired. Also what a 409 shows as `current`. */
const loadFacility = async (id: string) => {
  const facility = await getFacility(id, true);
  if (!facility || facility.deleted_at) throw notFound('Facility');
  return facility;
};

const versioned = (facility: Facility, expected: number): Write =>
  ifVersion.put(facilityItem(facility), expected, () => loadFacility(facility.id));

/** Changes a facility under optimistic locking; a new code swaps the unique markers atomically. */
export const updateFacility = async (
  actor: Actor,
  id: string,
  body: UpdateInput,
  now: Date,
): Promise<Facility> => {
  const { version, ...changes } = body;
  const current = await loadFacility(id);
  if (current.version !== version) throw versionConflict(current);
  const next: Facility = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    version: current.version + 1,
    updated_at: now.toISOString(),
  };
  const diff = diffChanges(current, next);
  if (Object.keys(diff).length === 0) return current;

  const writes: Write[] = [versioned(next, current.version)];
  if (subjects.state(next.state) !== subjects.state(current.state))
    writes.push(...facilityCount(current.state, -1), ...facilityCount(next.state, 1).slice(1));
  if (next.code !== current.code) {
    writes.push(
      { item: tableItem('Delete', { Key: keys.facilityCodeMarker(current.code) }) },
      {
        item: tableItem('Put', {
          Item: codeMarkerItem(next.code, id),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
        onConditionFailed: duplicateCode,
      },
    );
  }
  await commit({
    writes,
    audit: {
      actor: auditActor(actor),
      entityType: 'facility',
      entityId: id,
      action: 'update',
      changes: diff,
      at: now,
    },
  });
  return next;
};

const referencedByLogs = async (facilityId: string) =>
  (
    await queryPage({
      index: logIndexes.byFacility,
      partition: partitions.logsByFacility(facilityId),
      limit: 1,
    })
  ).items.length > 0;

/**
 * Deletes a facility nothing references (with its code and assignments), or — when logs reference it
 * and an admin forces it — retires it: soft-deleted, out of every list, history intact.
 */
export const deleteFacility = async (
  actor: Actor,
  id: string,
  version: number,
  force: boolean,
  now: Date,
) => {
  const current = await loadFacility(id);
  if (current.version !== version) throw versionConflict(current);
  const assignments = await assignmentsOfFacility(id);
  const unassign = assignments.map((a) => ({
    item: tableItem('Delete', { Key: keys.assignment(a.user_id, id) }),
  }));
  // Each unassignment also updates two facility counts: keep the transaction under 100 items.
  if (unassign.length > 30)
    throw conflict('Unassign this facility from its users first (more than 30 users cover it).');
  const uncount = assignments.flatMap((a) => assignedCountWrites(a.user_id, -1));

  if (await referencedByLogs(id)) {
    if (!force) {
      throw conflict(
        'Mentorship logs reference this facility. Retire it instead (force=true) to keep their history.',
        [{ path: 'force', message: 'set force=true to retire the facility' }],
      );
    }
    const retired: Facility = {
      ...current,
      deleted_at: now.toISOString(),
      version: current.version + 1,
      updated_at: now.toISOString(),
    };
    await commit({
      writes: [
        versioned(retired, current.version),
        ...unassign,
        ...facilityCount(current.state, -1),
        ...uncount,
      ],
      audit: {
        actor: auditActor(actor),
        entityType: 'facility',
        entityId: id,
        action: 'retire',
        changes: diffChanges(current, retired),
        at: now,
      },
    });
    for (const a of assignments) {
      await syncScopePointers(a.user_id, id, 'remove');
      await syncScopeFigures(a.user_id, id, 'remove');
    }
    return { id, outcome: 'retired' as const };
  }
  await commit({
    writes: [
      ifVersion.delete(keys.facility(id), current.version, () => loadFacility(id)),
      { item: tableItem('Delete', { Key: keys.facilityCodeMarker(current.code) }) },
      ...unassign,
      ...facilityCount(current.state, -1),
      ...uncount,
    ],
    audit: {
      actor: auditActor(actor),
      entityType: 'facility',
      entityId: id,
      action: 'delete',
      changes: diffChanges(current, null),
      at: now,
    },
  });
  return { id, outcome: 'deleted' as const };
};

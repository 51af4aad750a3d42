import { randomUUID } from 'node:crypto';
import { domainEvent } from '@dml/events';
import {
  type CreateFollowUpBody,
  type FollowUp,
  type FollowUpStatusBody,
  followUpMoves,
  isOpen,
  needsNote,
  type UpdateFollowUpBody,
} from '@dml/shared';
import type * as z from '@dml/shared/zod';
import { figureWrites, placementOf } from '#data/figures';
import { followUpItem, followUpPointerWrites, getFollowUp } from '#data/follow-ups';
import { idempotentCreate } from '#data/idempotency';
import { keys } from '#data/keys';
import { getLog } from '#data/logs';
import type { OutboxEvent } from '#data/outbox';
import { enforceRateLimit } from '#data/rate-limit';
import { commit, tableItem } from '#data/transact';
import { getUser } from '#data/users';
import { ifVersion } from '#data/versioned';
import { diffChanges } from '#domain/diff';
import { badRequest, forbidden, invalidTransition, notFound, versionConflict } from '#domain/errors';
import { followUpContributions } from '#domain/figures';
import { coversFacility } from '#features/scope';
import { programmeToday } from '#features/today';
import type { Actor } from '#http/actor';
import { canManageFollowUp, canReadFollowUp, relationTo } from './access.ts';

/**
 * Status moves kept on the follow-up item, newest last. Each may carry a 2 000-character note, so an
 * unbounded list would take the item past DynamoDB's 400 KB; every move is also in the audit trail.
 */
const FOLLOW_UP_HISTORY_KEPT = 30;

type Create = z.output<typeof CreateFollowUpBody>;
type Update = z.output<typeof UpdateFollowUpBody>;
type StatusChange = z.output<typeof FollowUpStatusBody>;

export const today = programmeToday;

export const loadVisibleFollowUp = async (actor: Actor, id: string, consistent = false) => {
  const followUp = await getFollowUp(id, consistent);
  if (!followUp) throw notFound('Follow-up');
  const r = await relationTo(actor, followUp);
  if (!canReadFollowUp(r)) throw notFound('Follow-up');
  return { followUp, relation: r };
};

/** The assignee must be active and cover the facility (admins cover all). */
const checkAssignee = async (userId: string, facilityId: string) => {
  const user = await getUser(userId);
  const covers = user && (await coversFacility(user, facilityId));
  if (!user?.is_active || !covers) {
    throw badRequest('The assignee must be an active user who covers this facility.', [
      {
        path: 'assigned_to',
        message: user && !user.is_active ? 'is deactivated' : 'does not cover this facility',
      },
    ]);
  }
  return user;
};

const assignedEvent = (f: FollowUp, actor: Actor, at: string): OutboxEvent =>
  domainEvent('follow-up.assigned', {
    follow_up_id: f.id,
    log_id: f.mentorship_log_id,
    facility_id: f.facility_id,
    facility_name: f.facility_name,
    action_item: f.action_item,
    due_date: f.due_date,
    assigned_to: f.assigned_to,
    by: actor.id,
    by_name: actor.name,
    at,
  });

/**
 * What a follow-up change also writes, from one read of where its facility counts: the figure deltas
 * (opened, closed, on time, open by due date) and the scope pointers of everyone covering it.
 */
const derivedWrites = async (before: FollowUp | null, after: FollowUp | null) => {
  const placement = await placementOf((after ?? before)?.facility_id ?? '');
  return [
    ...figureWrites(followUpContributions(before, placement), followUpContributions(after, placement)),
    ...followUpPointerWrites(placement.coverers, (after ?? before)?.id ?? '', after),
  ];
};

/** The follow-up as the caller may see it now: what a lost race answers with. */
const currentFollowUp = async (actor: Actor, id: string) =>
  (await loadVisibleFollowUp(actor, id, true)).followUp;
const versioned = (actor: Actor, f: FollowUp, expected: number) =>
  ifVersion.put(followUpItem(f), expected, () => currentFollowUp(actor, f.id));
const audit = (
  actor: Actor,
  id: string,
  action: string,
  before: FollowUp | null,
  after: FollowUp | null,
  at: Date,
) => ({
  actor: { id: actor.id, email: actor.email },
  entityType: 'follow_up' as const,
  entityId: id,
  action,
  changes: diffChanges(before, after, ['history']),
  at,
});

/** Agrees an action item on a log: by its owner, a supervisor covering the facility, or an admin. */
export const createFollowUp = (
  actor: Actor,
  logId: string,
  body: Create,
  idempotencyKey: string | undefined,
  now: Date,
) =>
  idempotentCreate(
    { actorId: actor.id, key: idempotencyKey, request: { logId, body }, now },
    async (claim) => {
      const log = await getLog(logId);
      if (!log || log.deleted_at) throw notFound('Mentorship log');
      const r = await relationTo(actor, {
        facility_id: log.facility_id,
        log_owner_id: log.mentor_id,
        assigned_to: '',
      });
      if (!canManageFollowUp(r)) {
        if (r.isAdmin || r.isLogOwner || r.isReviewer)
          throw forbidden('You cannot add follow-ups to this log.');
        throw notFound('Mentorship log');
      }
      if (body.due_date < today(now))
        throw badRequest('A follow-up cannot be due in the past.', [
          { path: 'due_date', message: `must be ${today(now)} or later` },
        ]);
      const assignee = await checkAssignee(body.assigned_to, log.facility_id);
      // Each new follow-up emails its assignee.
      await enforceRateLimit('createFollowUp', actor.id, now);
      const at = now.toISOString();
      const followUp: FollowUp = {
        id: randomUUID(),
        mentorship_log_id: log.id,
        facility_id: log.facility_id,
        facility_name: log.facility_name,
        log_owner_id: log.mentor_id,
        action_item: body.action_item,
        status: 'pending',
        assigned_to: assignee.id,
        assigned_to_name: assignee.name,
        due_date: body.due_date,
        notes: body.notes ?? null,
        history: [],
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        completed_at: null,
        version: 1,
      };
      await commit({
        writes: [
          {
            item: tableItem('Put', {
              Item: followUpItem(followUp),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          },
          ...(await derivedWrites(null, followUp)),
        ],
        audit: audit(actor, followUp.id, 'create', null, followUp, now),
        events: [assignedEvent(followUp, actor, at)],
        idempotency: claim && { ...claim, response: { status: 201, body: followUp } },
      });
      return followUp;
    },
  );

export const updateFollowUp = async (actor: Actor, id: string, body: Update, now: Date) => {
  const { version, ...changes } = body;
  const { followUp, relation: r } = await loadVisibleFollowUp(actor, id, true);
  if (!canManageFollowUp(r))
    throw forbidden(
      "Only the log's owner, a supervisor covering the facility or an admin can change this follow-up.",
    );
  if (followUp.version !== version) throw versionConflict(followUp);
  const next: FollowUp = {
    ...followUp,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    version: followUp.version + 1,
    updated_at: now.toISOString(),
  };
  if (changes.assigned_to && changes.assigned_to !== followUp.assigned_to) {
    next.assigned_to_name = (await checkAssignee(changes.assigned_to, followUp.facility_id)).name;
  }
  if (changes.due_date && changes.due_date !== followUp.due_date && changes.due_date < today(now)) {
    throw badRequest('A follow-up cannot be due in the past.', [
      { path: 'due_date', message: `must be ${today(now)} or later` },
    ]);
  }
  const diff = diffChanges(followUp, next, ['history']);
  if (Object.keys(diff).length === 0) return followUp;
  await commit({
    writes: [versioned(actor, next, followUp.version), ...(await derivedWrites(followUp, next))],
    audit: audit(actor, id, 'update', followUp, next, now),
    events: next.assigned_to !== followUp.assigned_to ? [assignedEvent(next, actor, next.updated_at)] : [],
  });
  return next;
};

/** pending → in progress → completed; back to pending with a note. Closing leaves the due-date index. */
export const changeFollowUpStatus = async (actor: Actor, id: string, body: StatusChange, now: Date) => {
  const { followUp, relation: r } = await loadVisibleFollowUp(actor, id, true);
  if (!(canManageFollowUp(r) || r.isAssignee))
    throw forbidden('Only the assignee, the log owner, a supervisor in scope or an admin can update this.');
  if (followUp.version !== body.version) throw versionConflict(followUp);
  if (body.status === followUp.status) return followUp;
  if (!followUpMoves[followUp.status].includes(body.status)) {
    throw invalidTransition(
      `A ${followUp.status} follow-up cannot become ${body.status}.`,
      followUpMoves[followUp.status],
    );
  }
  if (needsNote(followUp.status, body.status) && !body.note) {
    throw badRequest('Say why it goes back to pending.', [
      { path: 'note', message: 'is required when reopening' },
    ]);
  }
  const at = now.toISOString();
  const next: FollowUp = {
    ...followUp,
    status: body.status,
    completed_at: body.status === 'completed' ? at : null,
    history: [
      ...followUp.history,
      {
        from: followUp.status,
        to: body.status,
        by: actor.id,
        by_name: actor.name,
        at,
        note: body.note ?? null,
      },
    ].slice(-FOLLOW_UP_HISTORY_KEPT),
    version: followUp.version + 1,
    updated_at: at,
  };
  await commit({
    writes: [versioned(actor, next, followUp.version), ...(await derivedWrites(followUp, next))],
    audit: audit(actor, id, isOpen(next.status) ? 'status' : 'complete', followUp, next, now),
    events: [
      domainEvent('follow-up.status-changed', {
        follow_up_id: id,
        log_id: next.mentorship_log_id,
        facility_id: next.facility_id,
        action_item: next.action_item,
        from: followUp.status,
        to: next.status,
        assigned_to: next.assigned_to,
        log_owner_id: next.log_owner_id,
        by: actor.id,
        by_name: actor.name,
        at,
        note: body.note ?? null,
      }),
    ],
  });
  return next;
};

export const deleteFollowUp = async (actor: Actor, id: string, version: number, now: Date) => {
  const { followUp, relation: r } = await loadVisibleFollowUp(actor, id, true);
  if (!(r.isAdmin || r.isLogOwner))
    throw forbidden("Only the log's owner or an admin can delete a follow-up.");
  if (followUp.version !== version) throw versionConflict(followUp);
  await commit({
    writes: [
      ifVersion.delete(keys.followUp(id), version, () => currentFollowUp(actor, id)),
      ...(await derivedWrites(followUp, null)),
    ],
    audit: audit(actor, id, 'delete', followUp, null, now),
  });
  return { id, deleted: true as const };
};

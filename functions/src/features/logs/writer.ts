import type { MentorshipLog, TrailEntry } from '@dml/shared';
import { figureWrites, placementOf } from '#data/figures';
import type { IdempotencyClaim } from '#data/idempotency';
import { keys } from '#data/keys';
import { logItem, scopePointerItem } from '#data/logs';
import type { OutboxEvent } from '#data/outbox';
import { trailStepWrite } from '#data/review-trail';
import { commit, tableItem, type Write } from '#data/transact';
import { ifVersion } from '#data/versioned';
import { diffChanges } from '#domain/diff';
import { logContributions } from '#domain/figures';
import { assertLogFits } from '#domain/log-size';
import type { Actor } from '#http/actor';
import { loadVisibleLog, viewOf } from './access.ts';

/** The review backlog marker a log carries while it waits for a supervisor (since submit or complete). */
const reviewMarker = (log: MentorshipLog | null) => {
  if (!log || log.deleted_at) return null;
  const since =
    log.status === 'submitted' ? log.submitted_at : log.status === 'completed' ? log.completed_at : null;
  return since ? keys.reviewQueue(since, log.id) : null;
};

/** Keeps the backlog (read by the reminders job: "reviews waiting more than 3 days") in step. */
const reviewQueueWrites = (before: MentorshipLog | null, after: MentorshipLog): Write[] => {
  const was = reviewMarker(before);
  const now = reviewMarker(after);
  if (was?.sk === now?.sk) return [];
  return [
    ...(was ? [{ item: tableItem('Delete', { Key: was }) }] : []),
    ...(now
      ? [
          {
            item: tableItem('Put', {
              Item: {
                ...now,
                entity: 'review_wait',
                log_id: after.id,
                facility_id: after.facility_id,
                status: after.status,
                facility_name: after.facility_name,
                mentor_name: after.mentor_name,
                visit_date: after.visit_date,
              },
            }),
          },
        ]
      : []),
  ];
};

/** The log as the caller sees it now (what a lost race answers with, like a stale version caught earlier). */
export const currentView = async (actor: Actor, id: string) => {
  const { log, relation } = await loadVisibleLog(actor, id, true);
  return viewOf(log, relation);
};

/**
 * Every change to a log goes through here, as one transaction: the log (conditioned on the version
 * read, or on not existing), the scope pointers of everyone covering its facility, the review backlog
 * marker, the figure deltas, one audit entry, its events, and the idempotency record of a create.
 */
export const commitLog = async (input: {
  before: MentorshipLog | null;
  after: MentorshipLog;
  actor: Actor;
  action: string;
  events?: OutboxEvent[];
  /** Counters the change spends (rate limits), committed with it and checked after its version. */
  limits?: Write[];
  claim?: IdempotencyClaim;
  response?: unknown;
  /** A transition's review step, also kept as its own item (the log keeps only the recent ones). */
  trailStep?: TrailEntry;
  at: Date;
}) => {
  const { before, after } = input;
  assertLogFits(before, after);
  const placement = await placementOf(after.facility_id);
  const pointers: Write[] = placement.coverers.map((user_id) => ({
    item: after.deleted_at
      ? tableItem('Delete', { Key: keys.scopePointer(user_id, after.id) })
      : tableItem('Put', { Item: scopePointerItem(user_id, after) }),
  }));
  const log: Write = before
    ? ifVersion.put(logItem(after), before.version, () => currentView(input.actor, after.id))
    : { item: tableItem('Put', { Item: logItem(after), ConditionExpression: 'attribute_not_exists(pk)' }) };

  await commit({
    writes: [
      log,
      ...(input.limits ?? []),
      ...pointers,
      ...reviewQueueWrites(before, after),
      ...(input.trailStep ? [trailStepWrite(after.id, after.version, input.trailStep)] : []),
      ...figureWrites(logContributions(before, placement), logContributions(after, placement)),
    ],
    audit: {
      actor: { id: input.actor.id, email: input.actor.email },
      entityType: 'mentorship_log',
      entityId: after.id,
      action: input.action,
      // The trail is its own record of transitions; the diff says what else changed.
      changes: diffChanges(before, after, ['review_trail']),
      at: input.at,
    },
    events: input.events,
    idempotency: input.claim && { ...input.claim, response: { status: 201, body: input.response } },
  });
};

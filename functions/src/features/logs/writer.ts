import type { MentorshipLog } from '@dml/shared';
import { figureWrites, placementOf } from '../../data/figures.ts';
import type { IdempotencyClaim } from '../../data/idempotency.ts';
import { keys } from '../../data/keys.ts';
import { getLog, logItem, scopePointerItem } from '../../data/logs.ts';
import type { OutboxEvent } from '../../data/outbox.ts';
import { commit, tableItem, type Write } from '../../data/transact.ts';
import { diffChanges } from '../../domain/diff.ts';
import { logContributions } from '../../domain/figures.ts';
import type { Actor } from '../../http/actor.ts';
import { versionConflict } from '../../http/errors.ts';

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
  claim?: IdempotencyClaim;
  response?: unknown;
  at: Date;
}) => {
  const { before, after } = input;
  const placement = await placementOf(after.facility_id);
  const pointers: Write[] = placement.coverers.map((user_id) => ({
    item: after.deleted_at
      ? tableItem('Delete', { Key: keys.scopePointer(user_id, after.id) })
      : tableItem('Put', { Item: scopePointerItem(user_id, after) }),
  }));
  const log: Write = before
    ? {
        item: tableItem('Put', {
          Item: logItem(after),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        }),
        onConditionFailed: async () => versionConflict(await getLog(after.id, true)),
      }
    : { item: tableItem('Put', { Item: logItem(after), ConditionExpression: 'attribute_not_exists(pk)' }) };

  await commit({
    writes: [
      log,
      ...pointers,
      ...reviewQueueWrites(before, after),
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

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type FollowUp, isOpen } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { followUpIndexes, followUpPointerIndexes, indexKey, keys, partitions } from './keys.ts';
import type { Item } from './query.ts';
import { tableItem, type Write } from './transact.ts';

/** "0#<due>#<id>" for open items, "1#…" for closed: open ones first, and "overdue" is a key range. */
export const openFirst = (f: Pick<FollowUp, 'status' | 'due_date' | 'id'>) =>
  `${isOpen(f.status) ? 0 : 1}#${f.due_date}#${f.id}`;

/**
 * A follow-up: by id; by log; assigned to a user and on a mentor's logs and by facility (open first,
 * by due date); by status; and — only while open — in the programme-wide due-date index the
 * reminders job reads, so closing one takes it out.
 */
export const followUpItem = (f: FollowUp) => ({
  ...keys.followUp(f.id),
  entity: 'follow_up',
  ...indexKey(
    followUpIndexes.byLog,
    partitions.followUpsByLog(f.mentorship_log_id),
    `${f.created_at}#${f.id}`,
  ),
  ...indexKey(followUpIndexes.byAssignee, partitions.followUpsByAssignee(f.assigned_to), openFirst(f)),
  ...(isOpen(f.status)
    ? indexKey(followUpIndexes.open, partitions.openFollowUps(), `${f.due_date}#${f.id}`)
    : {}),
  ...indexKey(followUpIndexes.byFacility, partitions.followUpsByFacility(f.facility_id), openFirst(f)),
  ...indexKey(followUpIndexes.byMentor, partitions.followUpsByMentor(f.log_owner_id), openFirst(f)),
  ...indexKey(followUpIndexes.byStatus, partitions.followUpsByStatus(f.status), `${f.due_date}#${f.id}`),
  ...f,
});

/**
 * A user's pointer to a follow-up at a facility they cover: the whole follow-up, open first by due
 * date and by status, so a supervisor's follow-ups are one key-bounded Query however many facilities
 * the scope spans. Written in the same transaction as the follow-up.
 */
export const followUpScopePointerItem = (userId: string, f: FollowUp) => ({
  ...keys.followUpScopePointer(userId, f.id),
  entity: 'follow_up_pointer',
  ...indexKey(followUpPointerIndexes.inScope, partitions.followUpsInScope(userId), openFirst(f)),
  ...indexKey(
    followUpPointerIndexes.inScopeByStatus,
    partitions.followUpsInScopeByStatus(userId, f.status),
    `${f.due_date}#${f.id}`,
  ),
  ...f,
});

/** The pointer writes of a follow-up change for everyone covering its facility (deleted with it). */
export const followUpPointerWrites = (
  coverers: readonly string[],
  id: string,
  after: FollowUp | null,
): Write[] =>
  coverers.map((userId) => ({
    item: after
      ? tableItem('Put', { Item: followUpScopePointerItem(userId, after) })
      : tableItem('Delete', { Key: keys.followUpScopePointer(userId, id) }),
  }));

export const toFollowUp = (item: Item) => stripStorage<FollowUp>(item);

export const getFollowUp = async (id: string, consistent = false): Promise<FollowUp | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.followUp(id), ConsistentRead: consistent }),
  );
  return Item ? toFollowUp(Item) : null;
};

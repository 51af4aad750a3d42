import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type FollowUp, isOpen } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { keys, partitions } from './keys.ts';
import type { Item } from './query.ts';

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
  gsi1pk: partitions.followUpsByLog(f.mentorship_log_id),
  gsi1sk: `${f.created_at}#${f.id}`,
  gsi2pk: partitions.followUpsByAssignee(f.assigned_to),
  gsi2sk: openFirst(f),
  ...(isOpen(f.status) ? { gsi3pk: partitions.openFollowUps(), gsi3sk: `${f.due_date}#${f.id}` } : {}),
  gsi4pk: partitions.followUpsByFacility(f.facility_id),
  gsi4sk: openFirst(f),
  gsi5pk: partitions.followUpsByMentor(f.log_owner_id),
  gsi5sk: openFirst(f),
  gsi6pk: partitions.followUpsByStatus(f.status),
  gsi6sk: `${f.due_date}#${f.id}`,
  ...f,
});

export const toFollowUp = (item: Item) => stripStorage<FollowUp>(item);

export const getFollowUp = async (id: string, consistent = false): Promise<FollowUp | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.followUp(id), ConsistentRead: consistent }),
  );
  return Item ? toFollowUp(Item) : null;
};

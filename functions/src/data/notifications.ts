import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { keys, partitions } from './keys.ts';
import type { Item } from './query.ts';

/** One notification per (recipient, event): the id is derived, so processing an event twice finds it. */
export const notificationId = (eventId: string, recipientId: string) => {
  const hex = createHash('sha256').update(`${eventId}:${recipientId}`).digest('hex');
  // Shaped as a UUID (version nibble 5, RFC 4122 variant) as every id in the API is.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Unread sort after read ('U' > 'R'), so a descending query lists unread first, newest first. */
export const notificationItem = (userId: string, n: Notification) => ({
  ...keys.notification(userId, n.id),
  entity: 'notification',
  user_id: userId,
  gsi1pk: partitions.notificationsOf(userId),
  gsi1sk: `${n.read_at ? 'R' : 'U'}#${n.created_at}#${n.id}`,
  ...n,
});

export const toNotification = (item: Item) => {
  const {
    user_id: _user,
    email_claimed_at: _claimed,
    ...rest
  } = stripStorage<Notification & { user_id?: string; email_claimed_at?: string }>(item);
  return rest as Notification;
};

export const getNotification = async (userId: string, id: string) => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.notification(userId, id), ConsistentRead: true }),
  );
  return Item ? toNotification(Item) : null;
};

import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '@dml/shared';
import { putIfAbsent, updateIf, updateItem } from './claims.ts';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { indexAttributes, indexKey, keys, notificationIndexes, partitions } from './keys.ts';
import { type Item, queryPage } from './query.ts';

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
  ...indexKey(
    notificationIndexes.byUser,
    partitions.notificationsOf(userId),
    `${n.read_at ? 'R' : 'U'}#${n.created_at}#${n.id}`,
  ),
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

/** Creates the notification unless this event already did; true when this call created it. */
export const createNotificationOnce = (userId: string, n: Notification) =>
  putIfAbsent(notificationItem(userId, n));

/** Claims the right to email about a notification; only the first delivery of its event gets it. */
export const claimNotificationEmail = (userId: string, id: string, at: string) =>
  updateIf(keys.notification(userId, id), {
    UpdateExpression: 'SET email_claimed_at = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(email_claimed_at)',
    ExpressionAttributeValues: { ':at': at },
  });

/** Gives the claim back after a failed send, so the event's retry sends it. */
export const releaseNotificationEmail = async (userId: string, id: string) => {
  await updateItem(keys.notification(userId, id), { UpdateExpression: 'REMOVE email_claimed_at' });
};

const unread = (userId: string) => ({
  index: notificationIndexes.byUser,
  partition: partitions.notificationsOf(userId),
  range: { beginsWith: 'U#' },
});

/** Up to `limit` unread notifications of a user (the unread prefix of their partition). */
export const unreadNotifications = async (userId: string, limit: number) =>
  (await queryPage({ ...unread(userId), limit })).items.map(toNotification);

/** How many unread notifications a user has: COUNT queries over the unread prefix, no items read out. */
export const countUnread = async (userId: string) => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  const { partitionKey, sortKey } = indexAttributes(notificationIndexes.byUser);
  do {
    const result = await ddb().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: notificationIndexes.byUser,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :unread)',
        ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
        ExpressionAttributeValues: { ':pk': partitions.notificationsOf(userId), ':unread': 'U#' },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return count;
};

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '@dml/shared';
import { followUpRoutes as routes } from '@dml/shared/routes/follow-ups';
import { ddb, tableName } from '../../data/client.ts';
import { partitions } from '../../data/keys.ts';
import { getNotification, notificationItem, toNotification } from '../../data/notifications.ts';
import { queryPage } from '../../data/query.ts';
import { commit, tableItem } from '../../data/transact.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { implement } from '../../http/route-handler.ts';

const auditRead = (actor: Actor, entityId: string, ids: string[], at: Date) => ({
  actor: { id: actor.id, email: actor.email },
  entityType: 'notification' as const,
  entityId,
  action: 'read',
  changes: { read: { from: null, to: ids } },
  at,
});

/** Marks unread notifications read: the unread prefix of the user's partition, 98 per transaction. */
const readAll = async (actor: Actor, now: Date) => {
  let marked = 0;
  for (;;) {
    const { Items = [] } = await ddb().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :unread)',
        ExpressionAttributeValues: { ':pk': partitions.notificationsOf(actor.id), ':unread': 'U#' },
        Limit: 98,
      }),
    );
    if (Items.length === 0) return marked;
    const read = Items.map((item) => ({ ...toNotification(item), read_at: now.toISOString() }));
    await commit({
      writes: read.map((n) => ({ item: tableItem('Put', { Item: notificationItem(actor.id, n) }) })),
      audit: auditRead(
        actor,
        actor.id,
        read.map((n) => n.id),
        now,
      ),
    });
    marked += read.length;
  }
};

export const notificationRoutes = [
  implement(routes.listNotifications, async ({ actor, query }) => {
    const page = await queryPage({
      index: 'gsi1',
      partition: partitions.notificationsOf(actor.id),
      range: query.unread ? { beginsWith: 'U#' } : undefined,
      ascending: false,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toNotification), next_cursor: page.next_cursor };
  }),
  implement(routes.notificationSummary, async ({ actor }) => {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await ddb().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :unread)',
          ExpressionAttributeValues: { ':pk': partitions.notificationsOf(actor.id), ':unread': 'U#' },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += result.Count ?? 0;
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return { unread_count: count };
  }),
  implement(routes.readNotification, async ({ actor, params, now }) => {
    const current = await getNotification(actor.id, params.id);
    if (!current) throw notFound('Notification');
    if (current.read_at) return current;
    const read: Notification = { ...current, read_at: now.toISOString() };
    await commit({
      writes: [{ item: tableItem('Put', { Item: notificationItem(actor.id, read) }) }],
      audit: auditRead(actor, read.id, [read.id], now),
    });
    return read;
  }),
  implement(routes.readAllNotifications, async ({ actor, now }) => ({
    marked_read: await readAll(actor, now),
  })),
];

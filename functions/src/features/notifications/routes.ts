import type { Notification } from '@dml/shared';
import { followUpRoutes as routes } from '@dml/shared/routes/follow-ups';
import { notificationIndexes, partitions } from '#data/keys';
import {
  countUnread,
  getNotification,
  notificationItem,
  toNotification,
  unreadNotifications,
} from '#data/notifications';
import { queryPage } from '#data/query';
import { commit, tableItem } from '#data/transact';
import { notFound } from '#domain/errors';
import type { Actor } from '#http/actor';
import { implement } from '#http/route-handler';

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
    // Marked ones leave the unread prefix, so each round reads from its start again.
    const unread = await unreadNotifications(actor.id, 98);
    if (unread.length === 0) return marked;
    const read = unread.map((n) => ({ ...n, read_at: now.toISOString() }));
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
      index: notificationIndexes.byUser,
      partition: partitions.notificationsOf(actor.id),
      range: query.unread ? { beginsWith: 'U#' } : undefined,
      ascending: false,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toNotification), next_cursor: page.next_cursor };
  }),
  implement(routes.notificationSummary, async ({ actor }) => ({ unread_count: await countUnread(actor.id) })),
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

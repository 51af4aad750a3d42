import type { DetailOf, DetailType } from '@dml/events';
import type { Notification, User } from '@dml/shared';
import type { Mailer } from '#adapters/mailer';
import { assignmentsOfFacility } from '#data/assignments';
import {
  claimNotificationEmail,
  createNotificationOnce,
  notificationId,
  releaseNotificationEmail,
} from '#data/notifications';
import { getUsers } from '#data/users';
import { noticeEmail } from '#emails/notice';
import { logger } from '#logger';
import { type PlannedNotification, planNotifications, type Recipient } from './plan.ts';

const recipients = async (to: Recipient, actorId: string): Promise<User[]> => {
  const ids =
    to.kind === 'user' ? [to.id] : (await assignmentsOfFacility(to.facilityId)).map((a) => a.user_id);
  const users = await getUsers(ids);
  return users.filter(
    (u) => u.is_active && u.id !== actorId && (to.kind === 'user' || u.role === 'supervisor'),
  );
};

/**
 * Turns a domain event into in-app notifications and emails. Idempotent: the notification id comes
 * from (event, recipient) and is written only if absent, and an email goes out only after claiming
 * it on that notification — so a redelivered event creates no second notification and no second
 * email. A failed send releases the claim, so EventBridge's retry sends it.
 */
export const notify = async <T extends DetailType>(
  event: { id: string; type: T; time: string; detail: DetailOf<T> },
  deps: { mailer: Mailer; webUrl: string },
) => {
  const planned = planNotifications(event.type, event.detail);
  const actorId = String((event.detail as { by?: string }).by ?? '');
  let created = 0;
  let emailed = 0;
  for (const p of planned) {
    for (const user of await recipients(p.to, actorId)) {
      const notification: Notification = toNotification(
        p,
        event.type,
        notificationId(event.id, user.id),
        event.time,
      );
      if (await createNotificationOnce(user.id, notification)) created += 1;
      if (p.email && (await claimNotificationEmail(user.id, notification.id, new Date().toISOString()))) {
        try {
          await deps.mailer.send(
            noticeEmail({
              to: user.email,
              name: user.name,
              title: p.title,
              body: p.body,
              url: `${deps.webUrl.replace(/\/$/, '')}${p.link}`,
            }),
          );
          emailed += 1;
        } catch (error) {
          await releaseNotificationEmail(user.id, notification.id);
          throw error;
        }
      }
    }
  }
  logger.info('notified', { created, emailed });
  return { created, emailed };
};

const toNotification = (p: PlannedNotification, type: string, id: string, at: string): Notification => ({
  id,
  type,
  title: p.title,
  body: p.body,
  link: p.link,
  entity_type: p.entity.type,
  entity_id: p.entity.id,
  read_at: null,
  created_at: new Date(at).toISOString(),
});

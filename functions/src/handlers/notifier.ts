import { sesMailer } from '#adapters/mailer';
import { env } from '#env';
import { notify } from '#features/notifications/notifier';
import { eventFunction } from '#triggers/event';

export const handler = eventFunction((event) =>
  notify(event as never, { mailer: sesMailer(), webUrl: env('webUrl') }),
);

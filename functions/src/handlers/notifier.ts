import { sesMailer } from '../adapters/mailer.ts';
import { env } from '../env.ts';
import { notify } from '../features/notifications/notifier.ts';
import { eventFunction } from '../triggers/event.ts';

export const handler = eventFunction((event) =>
  notify(event as never, { mailer: sesMailer(), webUrl: env('webUrl') }),
);

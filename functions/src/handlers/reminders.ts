import { sesMailer } from '#adapters/mailer';
import { env, optionalEnv } from '#env';
import { reminderThresholds } from '#features/reminders/config';
import { runReminders } from '#features/reminders/job';
import { scheduleFunction } from '#triggers/schedule';

/** The daily `reminders` schedule: one digest email per person with something due. */
export const handler = scheduleFunction((invocation) =>
  runReminders({
    time: invocation.time,
    timeZone: optionalEnv('remindersTimeZone') ?? optionalEnv('timeZone'),
    thresholds: reminderThresholds(),
    mailer: sesMailer(),
    webUrl: env('webUrl'),
  }),
);

import { sesMailer } from '../adapters/mailer.ts';
import { env, optionalEnv } from '../env.ts';
import { reminderThresholds } from '../features/reminders/config.ts';
import { runReminders } from '../features/reminders/job.ts';
import { scheduleFunction } from '../triggers/schedule.ts';

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

import { ScheduledInvocation } from '@dml/events';
import { logger } from '../logger.ts';

/**
 * The daily `reminders` schedule. Follow-ups do not exist yet in this build, so there is nothing to
 * remind anyone of; the job says so rather than pretending to have sent digests.
 */
export const handler = async (event: unknown) => {
  const invocation = ScheduledInvocation.parse(event);
  const report = {
    schedule: invocation.schedule,
    time: invocation.time,
    recipients: 0,
    digests_sent: 0,
    items_found: 0,
  };
  logger.info('reminders: nothing to remind (no follow-ups exist yet)', report);
  return report;
};

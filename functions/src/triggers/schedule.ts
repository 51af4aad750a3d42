import { ScheduledInvocation } from '@dml/events';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '#logger';

/**
 * The middy stack for scheduled jobs: the invocation (schedule name and the time that counts as
 * "now") is checked, logged, and handed over; the job's report is logged as its result.
 */
export const scheduleFunction = <R>(run: (invocation: ScheduledInvocation, context: Context) => Promise<R>) =>
  middy<unknown, R>().handler(async (raw, context) => {
    const invocation = ScheduledInvocation.parse(raw);
    logger.resetKeys();
    logger.appendKeys({ schedule: invocation.schedule, scheduledTime: invocation.time });
    const report = await run(invocation, context);
    logger.info('job finished', { report: report as Record<string, unknown> });
    return report;
  });

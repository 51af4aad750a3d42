import { type ScheduleName, schedules, unixCron } from '@dml/events';
import type { FunctionName } from '@dml/functions/function-catalog';
import { Cron } from 'croner';
import { invoke } from './functions.ts';

/** Runs one schedule now (or "as of" `at`), exactly as EventBridge Scheduler would invoke it. */
export const fireSchedule = (name: ScheduleName, at: Date = new Date()) =>
  invoke(schedules[name].target as FunctionName, { schedule: name, time: at.toISOString() });

/** Fires every schedule on its cron, in its time zone (env override as in CDK context). */
export const startScheduler = (timeZones: Partial<Record<ScheduleName, string>> = {}) => {
  const jobs = Object.entries(schedules).map(([name, def]) => {
    const timezone = timeZones[name as ScheduleName] ?? def.defaultTimeZone;
    return new Cron(unixCron(def.cron), { timezone, name }, async () => {
      try {
        const result = await fireSchedule(name as ScheduleName);
        console.log(`[scheduler] ${name} ran:`, JSON.stringify(result));
      } catch (error) {
        console.error(`[scheduler] ${name} failed:`, error);
      }
    });
  });
  return {
    next: () => Object.fromEntries(jobs.map((job) => [job.name, job.nextRun()?.toISOString() ?? null])),
    stop: () => {
      for (const job of jobs) job.stop();
    },
  };
};

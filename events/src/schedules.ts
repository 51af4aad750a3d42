import * as z from '@dml/shared/zod';

/** A cron in EventBridge Scheduler's six fields; the local scheduler reads the same fields. */
export type Cron = { minute: string; hour: string; dayOfMonth: string; month: string; dayOfWeek: string };

export type ScheduleDef = {
  description: string;
  cron: Cron;
  /** IANA zone the cron is read in; overridable per deployment (CDK context / local env). */
  defaultTimeZone: string;
  /** The function the schedule invokes. */
  target: string;
};

export const schedules = {
  reminders: {
    description: 'Daily digest of due and overdue follow-ups, visits tomorrow and reviews waiting.',
    cron: { minute: '0', hour: '6', dayOfMonth: '*', month: '*', dayOfWeek: '?' },
    defaultTimeZone: 'Africa/Lagos',
    target: 'reminders',
  },
  reconcile: {
    description: 'Nightly recomputation of the dashboard figures from source, repairing any drift.',
    cron: { minute: '30', hour: '2', dayOfMonth: '*', month: '*', dayOfWeek: '?' },
    defaultTimeZone: 'Africa/Lagos',
    target: 'reconcile',
  },
} as const satisfies Record<string, ScheduleDef>;

export type ScheduleName = keyof typeof schedules;
export const scheduleNames = Object.keys(schedules) as ScheduleName[];

/** `cron(0 6 * * ? *)` for EventBridge Scheduler. */
export const schedulerExpression = ({ minute, hour, dayOfMonth, month, dayOfWeek }: Cron) =>
  `cron(${minute} ${hour} ${dayOfMonth} ${month} ${dayOfWeek} *)`;

/** Five-field unix cron for the local scheduler (`?` means "any" there). */
export const unixCron = ({ minute, hour, dayOfMonth, month, dayOfWeek }: Cron) =>
  [minute, hour, dayOfMonth, month, dayOfWeek].map((f) => (f === '?' ? '*' : f)).join(' ');

/**
 * What a schedule delivers to its function, in AWS (Scheduler input template with
 * `<aws.scheduler.scheduled-time>`) and locally (`npm run trigger -- <name> --at ISO`).
 * `time` is "now" for the job.
 */
export const ScheduledInvocation = z.object({
  schedule: z.string(),
  time: z.iso.datetime({ offset: true }),
});
export type ScheduledInvocation = z.infer<typeof ScheduledInvocation>;

export const schedulerInputTemplate = (name: string) =>
  JSON.stringify({ schedule: name, time: '<aws.scheduler.scheduled-time>' });

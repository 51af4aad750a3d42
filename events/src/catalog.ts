import { FollowUpStatus, LogAction, LogStatus } from '@dml/shared';
import { type LogEventType, logActions, logEventTypeOf } from '@dml/shared/domain/lifecycle';
import * as z from '@dml/shared/zod';

export { EVENT_SOURCE } from './source.ts';

const Id = z.uuid();
const At = z.iso.datetime();

/** A mentorship log moved along its lifecycle (one event per committed transition). */
export const LogTransitioned = z.object({
  log_id: Id,
  facility_id: Id,
  facility_name: z.string(),
  mentor_id: Id,
  action: LogAction,
  from: LogStatus,
  to: LogStatus,
  by: Id,
  by_name: z.string(),
  at: At,
  comment: z.nullable(z.string()),
  visit_date: z.iso.date(),
  version: z.int(),
});
export type LogTransitioned = z.infer<typeof LogTransitioned>;

/** A follow-up was given to someone (on create, or when reassigned). */
export const FollowUpAssigned = z.object({
  follow_up_id: Id,
  log_id: Id,
  facility_id: Id,
  facility_name: z.string(),
  action_item: z.string(),
  due_date: z.iso.date(),
  assigned_to: Id,
  by: Id,
  by_name: z.string(),
  at: At,
});
export type FollowUpAssigned = z.infer<typeof FollowUpAssigned>;

export const FollowUpStatusChanged = z.object({
  follow_up_id: Id,
  log_id: Id,
  facility_id: Id,
  action_item: z.string(),
  from: FollowUpStatus,
  to: FollowUpStatus,
  assigned_to: Id,
  log_owner_id: Id,
  by: Id,
  by_name: z.string(),
  at: At,
  note: z.nullable(z.string()),
});
export type FollowUpStatusChanged = z.infer<typeof FollowUpStatusChanged>;

/** A file passed its checks and is attached to a log. */
export const AttachmentUploaded = z.object({
  attachment_id: Id,
  log_id: Id,
  facility_id: Id,
  file_name: z.string(),
  file_type: z.string(),
  file_size: z.int(),
  by: Id,
  at: At,
});

/** The detail-type of each lifecycle action's event (`mentorship-log.submitted`…), from the lifecycle. */
export const logEventType = Object.fromEntries(logActions.map((a) => [a, logEventTypeOf(a)])) as {
  [A in LogAction]: LogEventType<A>;
};

const logEvents = Object.fromEntries(logActions.map((a) => [logEventTypeOf(a), LogTransitioned])) as Record<
  LogEventType,
  typeof LogTransitioned
>;

/**
 * The event catalog: detail-type → zod schema of the detail. Writers validate against it before the
 * event goes into the outbox; consumers parse with it.
 */
export const catalog = {
  ...logEvents,
  'follow-up.assigned': FollowUpAssigned,
  'follow-up.status-changed': FollowUpStatusChanged,
  'attachment.uploaded': AttachmentUploaded,
} as const;

export type DetailType = keyof typeof catalog;
export type DetailOf<T extends DetailType> = z.infer<(typeof catalog)[T]>;
export const detailTypes = Object.keys(catalog) as DetailType[];

/** Builds a validated event for the outbox. */
export const domainEvent = <T extends DetailType>(detailType: T, detail: DetailOf<T>) => ({
  detailType,
  detail: catalog[detailType].parse(detail) as Record<string, unknown>,
});

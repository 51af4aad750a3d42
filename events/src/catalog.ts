import { LogAction, LogStatus } from '@dml/shared';
import * as z from 'zod';

/** Every domain event comes from this source on the custom bus. */
export const EVENT_SOURCE = 'dml.app';

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
  comment: z.string().nullable(),
  visit_date: z.iso.date(),
  version: z.number().int(),
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
  from: z.enum(['pending', 'in_progress', 'completed']),
  to: z.enum(['pending', 'in_progress', 'completed']),
  assigned_to: Id,
  log_owner_id: Id,
  by: Id,
  by_name: z.string(),
  at: At,
  note: z.string().nullable(),
});
export type FollowUpStatusChanged = z.infer<typeof FollowUpStatusChanged>;

/** A file passed its checks and is attached to a log. */
export const AttachmentUploaded = z.object({
  attachment_id: Id,
  log_id: Id,
  facility_id: Id,
  file_name: z.string(),
  file_type: z.string(),
  file_size: z.number().int(),
  by: Id,
  at: At,
});

/**
 * The event catalog: detail-type → zod schema of the detail. Writers validate against it before the
 * event goes into the outbox; consumers parse with it.
 */
export const catalog = {
  'mentorship-log.submitted': LogTransitioned,
  'mentorship-log.withdrawn': LogTransitioned,
  'mentorship-log.approved': LogTransitioned,
  'mentorship-log.returned': LogTransitioned,
  'mentorship-log.completed': LogTransitioned,
  'mentorship-log.verified': LogTransitioned,
  'mentorship-log.reopened': LogTransitioned,
  'follow-up.assigned': FollowUpAssigned,
  'follow-up.status-changed': FollowUpStatusChanged,
  'attachment.uploaded': AttachmentUploaded,
} as const;

export type DetailType = keyof typeof catalog;
export type DetailOf<T extends DetailType> = z.infer<(typeof catalog)[T]>;
export const detailTypes = Object.keys(catalog) as DetailType[];

/** The detail-type of each lifecycle action's event. */
export const logEventType = {
  submit: 'mentorship-log.submitted',
  withdraw: 'mentorship-log.withdrawn',
  approve: 'mentorship-log.approved',
  return: 'mentorship-log.returned',
  complete: 'mentorship-log.completed',
  verify: 'mentorship-log.verified',
  reopen: 'mentorship-log.reopened',
} as const satisfies Record<LogAction, DetailType>;

/** Builds a validated event for the outbox. */
export const domainEvent = <T extends DetailType>(detailType: T, detail: DetailOf<T>) => ({
  detailType,
  detail: catalog[detailType].parse(detail) as Record<string, unknown>,
});

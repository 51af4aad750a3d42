import * as z from '../zod.ts';
import { Id, IsoDate, IsoDateTime, PageQuery, QueryBoolean, Version, VersionQuery } from './common.ts';
import { multiLineText } from './text.ts';

export const followUpStatuses = ['pending', 'in_progress', 'completed'] as const;
export const FollowUpStatus = z.enum(followUpStatuses);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const isOpen = (status: FollowUpStatus) => status !== 'completed';

/** Status moves a follow-up may make; going back to pending needs a note saying why. */
export const followUpMoves: Record<FollowUpStatus, FollowUpStatus[]> = {
  pending: ['in_progress', 'completed'],
  in_progress: ['completed', 'pending'],
  completed: ['pending'],
};
export const needsNote = (from: FollowUpStatus, to: FollowUpStatus) => to === 'pending' && from !== 'pending';

export const FollowUpStep = z.object({
  from: FollowUpStatus,
  to: FollowUpStatus,
  by: Id,
  by_name: z.string(),
  at: IsoDateTime,
  note: z.nullable(z.string()),
});

/** An action item agreed on a log, with the log's facility and owner carried for scope and reminders. */
export const FollowUp = z.object({
  id: Id,
  mentorship_log_id: Id,
  facility_id: Id,
  facility_name: z.string(),
  log_owner_id: Id,
  action_item: z.string(),
  status: FollowUpStatus,
  assigned_to: Id,
  assigned_to_name: z.string(),
  due_date: IsoDate,
  notes: z.nullable(z.string()),
  history: z.array(FollowUpStep),
  created_by: Id,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  completed_at: z.nullable(IsoDateTime),
  version: Version,
});
export type FollowUp = z.infer<typeof FollowUp>;

const ActionItem = multiLineText({ min: 3, max: 1000 });
const Notes = multiLineText({ max: 4000 });

export const CreateFollowUpBody = z.strictObject({
  action_item: ActionItem,
  assigned_to: Id,
  due_date: IsoDate,
  notes: z.nullish(Notes),
});
export type CreateFollowUpBody = z.input<typeof CreateFollowUpBody>;

export const UpdateFollowUpBody = z.strictObject({
  version: Version,
  action_item: z.optional(ActionItem),
  assigned_to: z.optional(Id),
  due_date: z.optional(IsoDate),
  notes: z.optional(z.nullable(Notes)),
});
export type UpdateFollowUpBody = z.input<typeof UpdateFollowUpBody>;

export const FollowUpStatusBody = z.strictObject({
  version: Version,
  status: FollowUpStatus,
  note: z.optional(multiLineText({ min: 3, max: 2000, minMessage: 'say why' })),
});

export const followUpViews = ['mine', 'assigned', 'all'] as const;
export const ListFollowUpsQuery = z.extend(PageQuery, {
  /** mine: on logs I own; assigned: assigned to me; all: everything I may see (default). */
  view: z._default(z.enum(followUpViews), 'all'),
  mentorship_log_id: z.optional(Id),
  facility_id: z.optional(Id),
  status: z.optional(FollowUpStatus),
  /** Open ones only (pending or in progress). */
  open: z.optional(QueryBoolean),
  due_before: z.optional(IsoDate),
  /** Open and past their due date. */
  overdue: z.optional(QueryBoolean),
});

export const DeleteFollowUpQuery = VersionQuery;

import * as z from 'zod';
import { checkInFlags } from '../domain/geo.ts';
import { logActions, logStatuses } from '../domain/lifecycle.ts';
import { AuditEntry } from './audit.ts';
import { Id, IsoDate, IsoDateTime, PageQuery, Version } from './common.ts';

export const LogStatus = z.enum(logStatuses);
export type LogStatus = z.infer<typeof LogStatus>;
export const LogAction = z.enum(logActions);
export type LogAction = z.infer<typeof LogAction>;

const LongText = z.string().trim().max(10_000);
export const MAX_OBJECTIVES = 20;

/** seeds/000 `visit_objectives`: ordered, each with its own id. */
export const Objective = z.object({
  id: Id,
  objective_text: z.string(),
  sequence: z.number().int().min(1),
  created_at: IsoDateTime,
});
export type Objective = z.infer<typeof Objective>;

export const CheckIn = z.object({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accuracy_m: z.number().nullable(),
  captured_at: IsoDateTime.nullable(),
  /** Metres from the facility's coordinates; null without a position or facility coordinates. */
  distance_m: z.number().nullable(),
  flag: z.enum(checkInFlags),
  off_site_reason: z.string().nullable(),
});
export type CheckIn = z.infer<typeof CheckIn>;

/** One step of the review chain (seeds/003): who did what, from which status to which, and why. */
export const TrailEntry = z.object({
  action: LogAction,
  from: LogStatus,
  to: LogStatus,
  by: Id,
  by_name: z.string(),
  at: IsoDateTime,
  comment: z.string().nullable(),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

/** Planning fields: editable while draft or returned. */
export const planningFields = {
  visit_date: IsoDate,
  performance_summary: LongText.nullable(),
  identified_gaps: LongText.nullable(),
  trends_summary: LongText.nullable(),
  previous_followup: LongText.nullable(),
  persistent_challenges: LongText.nullable(),
  progress_made: LongText.nullable(),
  resources_needed: LongText.nullable(),
  facility_requests: LongText.nullable(),
  logistics_notes: LongText.nullable(),
  staff_to_engage: z.array(z.string().trim().min(1).max(200)).max(50),
  objectives: z
    .array(z.string().trim().min(3, 'must be at least 3 characters').max(1000))
    .max(MAX_OBJECTIVES, `at most ${MAX_OBJECTIVES} objectives`),
};
/** Reporting fields: editable while approved. */
export const reportingFields = {
  visit_outcomes: LongText.nullable(),
  lessons_learned: LongText.nullable(),
};
export const planningFieldNames = Object.keys(planningFields) as (keyof typeof planningFields)[];
export const reportingFieldNames = Object.keys(reportingFields) as (keyof typeof reportingFields)[];

export const MentorshipLog = z.object({
  id: Id,
  facility_id: Id,
  facility_name: z.string(),
  mentor_id: Id,
  mentor_name: z.string(),
  status: LogStatus,
  visit_date: IsoDate,
  performance_summary: z.string().nullable(),
  identified_gaps: z.string().nullable(),
  trends_summary: z.string().nullable(),
  previous_followup: z.string().nullable(),
  persistent_challenges: z.string().nullable(),
  progress_made: z.string().nullable(),
  resources_needed: z.string().nullable(),
  facility_requests: z.string().nullable(),
  logistics_notes: z.string().nullable(),
  staff_to_engage: z.array(z.string()),
  objectives: z.array(Objective),
  visit_outcomes: z.string().nullable(),
  lessons_learned: z.string().nullable(),
  check_in: CheckIn.nullable(),
  review_trail: z.array(TrailEntry),
  submitted_at: IsoDateTime.nullable(),
  approved_at: IsoDateTime.nullable(),
  approved_by: Id.nullable(),
  completed_at: IsoDateTime.nullable(),
  verified_at: IsoDateTime.nullable(),
  verified_by: Id.nullable(),
  deleted_at: IsoDateTime.nullable(),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  version: Version,
});
export type MentorshipLog = z.infer<typeof MentorshipLog>;

/** A log as the caller sees it: with what they may do next. */
export const MentorshipLogView = MentorshipLog.extend({
  allowed_actions: z.array(LogAction),
  /** Which sections the caller may edit now (planning while draft/returned, reporting while approved). */
  editable_sections: z.array(z.enum(['planning', 'reporting'])),
  can_delete: z.boolean(),
  can_restore: z.boolean(),
});
export type MentorshipLogView = z.infer<typeof MentorshipLogView>;

/** The row of a list: enough for a table or a card, not the whole report. */
export const LogSummary = MentorshipLog.pick({
  id: true,
  facility_id: true,
  facility_name: true,
  mentor_id: true,
  mentor_name: true,
  status: true,
  visit_date: true,
  submitted_at: true,
  updated_at: true,
  deleted_at: true,
  version: true,
}).extend({ objective_count: z.number().int(), check_in_flag: z.enum(checkInFlags).nullable() });
export type LogSummary = z.infer<typeof LogSummary>;

const optionalPlanning = Object.fromEntries(
  Object.entries(planningFields).map(([k, v]) => [k, v.optional()]),
) as {
  [K in keyof typeof planningFields]: z.ZodOptional<(typeof planningFields)[K]>;
};

/** A new plan (draft). Everything but facility and date may come later; submit checks completeness. */
export const CreateLogBody = z.strictObject({ ...optionalPlanning, facility_id: Id, visit_date: IsoDate });
export type CreateLogBody = z.input<typeof CreateLogBody>;

export const UpdateLogBody = z.strictObject({
  version: Version,
  ...optionalPlanning,
  visit_outcomes: reportingFields.visit_outcomes.optional(),
  lessons_learned: reportingFields.lessons_learned.optional(),
});
export type UpdateLogBody = z.input<typeof UpdateLogBody>;

export const TransitionBody = z.strictObject({
  version: Version,
  comment: z.string().trim().max(2000).optional(),
});
export const ReturnBody = z.strictObject({
  version: Version,
  comment: z.string().trim().min(3, 'say what needs to change').max(2000),
});
export const ReopenBody = z.strictObject({
  version: Version,
  reason: z.string().trim().min(3, 'give a reason').max(2000),
});

export const DevicePosition = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy_m: z.number().min(0).max(100_000),
  captured_at: IsoDateTime,
});
export const CompleteBody = z.strictObject({
  version: Version,
  location: DevicePosition.optional(),
  off_site_reason: z.string().trim().min(3).max(1000).optional(),
  visit_outcomes: reportingFields.visit_outcomes.optional(),
  lessons_learned: reportingFields.lessons_learned.optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type CompleteBody = z.input<typeof CompleteBody>;

export const logSorts = ['visit_date', '-visit_date'] as const;
export const ListLogsQuery = PageQuery.extend({
  facility_id: Id.optional(),
  mentor_id: Id.optional(),
  status: LogStatus.optional(),
  /** Visit date range, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Words in the facility, mentor, objectives or summaries (narrows within the other filters). */
  q: z.string().trim().min(2).max(100).optional(),
  sort: z.enum(logSorts).default('-visit_date'),
  /** Admins: list soft-deleted logs (to restore them). */
  deleted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after "to"', path: ['from'] });

export const DeleteLogQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const LogHistory = z.object({ review_trail: z.array(TrailEntry), audit: z.array(AuditEntry) });

export const CarryOverQuery = z.strictObject({ facility_id: Id });
export const CarryOver = z.object({
  facility_id: Id,
  previous_followup: z.string().nullable(),
  trends_summary: z.string().nullable(),
  last_visit: z
    .object({
      id: Id,
      visit_date: IsoDate,
      visit_outcomes: z.string().nullable(),
      lessons_learned: z.string().nullable(),
    })
    .nullable(),
});
export type CarryOver = z.infer<typeof CarryOver>;

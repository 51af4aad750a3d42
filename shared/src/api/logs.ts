import * as z from 'zod';
import { checkInFlags } from '../domain/geo.ts';
import { logActions, logStatuses } from '../domain/lifecycle.ts';
import { AuditEntry } from './audit.ts';
import { Id, IsoDate, IsoDateTime, PageQuery, Version, VersionQuery } from './common.ts';
import { multiLineText, singleLineText, utf8Length } from './text.ts';

export const LogStatus = z.enum(logStatuses);
export type LogStatus = z.infer<typeof LogStatus>;
export const LogAction = z.enum(logActions);
export type LogAction = z.infer<typeof LogAction>;

const LongText = multiLineText({ max: 10_000 });
export const MAX_OBJECTIVES = 20;
/** Comments on review steps; a log keeps its recent steps inline, so each must stay small. */
export const MAX_COMMENT_CHARS = 2000;
const Comment = (min: number, minMessage?: string) =>
  multiLineText({ min, max: MAX_COMMENT_CHARS, ...(minMessage ? { minMessage } : {}) });

/**
 * A log is one DynamoDB item (at most 400 KB, counted in UTF-8 bytes), and an edit's audit entry
 * holds each changed field before and after. Capping the log's own text at 120 KB keeps the log
 * (with its recent review steps) and that audit entry well under the limit in every script: a
 * character limit alone lets 3-byte scripts (Amharic, Devanagari…) pass it.
 */
export const MAX_LOG_TEXT_BYTES = 120_000;
/** How many review steps the log item keeps inline; the full trail has its own items. */
export const REVIEW_TRAIL_INLINE = 20;

/** A visit objective: ordered, each with its own id (kept while its text is unchanged). */
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

/** One step of the review trail: who did what, from which status to which, and why (docs/lifecycle.md). */
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
  staff_to_engage: z.array(singleLineText({ min: 1, max: 200 })).max(50),
  objectives: z
    .array(multiLineText({ min: 3, max: 1000 }))
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
  comment: Comment(0).optional(),
});
export const ReturnBody = z.strictObject({
  version: Version,
  comment: Comment(3, 'say what needs to change'),
});
export const ReopenBody = z.strictObject({
  version: Version,
  reason: Comment(3, 'give a reason'),
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
  off_site_reason: multiLineText({ min: 3, max: 1000 }).optional(),
  visit_outcomes: reportingFields.visit_outcomes.optional(),
  lessons_learned: reportingFields.lessons_learned.optional(),
  comment: Comment(0).optional(),
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
  q: singleLineText({ min: 2, max: 100 }).optional(),
  sort: z.enum(logSorts).default('-visit_date'),
  /** Admins: list soft-deleted logs (to restore them). */
  deleted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after "to"', path: ['from'] });

type LogText = Pick<
  MentorshipLog,
  | (typeof planningFieldNames)[number]
  | (typeof reportingFieldNames)[number]
  | 'objectives'
  | 'staff_to_engage'
>;
/** The UTF-8 size of a log's own text (planning, reporting, objectives, staff), checked against the cap. */
export const logTextBytes = (
  log: Omit<LogText, 'objectives'> & { objectives: { objective_text: string }[] },
) => {
  let bytes = 0;
  for (const name of [...planningFieldNames, ...reportingFieldNames]) {
    const value = log[name];
    if (typeof value === 'string') bytes += utf8Length(value);
  }
  for (const o of log.objectives) bytes += utf8Length(o.objective_text);
  for (const s of log.staff_to_engage) bytes += utf8Length(s);
  return bytes;
};

export const DeleteLogQuery = VersionQuery;

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

import { checkInFlags } from '../domain/geo.ts';
import { logActions, logStatuses } from '../domain/lifecycle.ts';
import * as z from '../zod.ts';
import { AuditEntry } from './audit.ts';
import { Id, IsoDate, IsoDateTime, PageQuery, QueryBoolean, Version, VersionQuery } from './common.ts';
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
  sequence: z.int().check(z.gte(1)),
  created_at: IsoDateTime,
});
export type Objective = z.infer<typeof Objective>;

export const CheckIn = z.object({
  latitude: z.nullable(z.number()),
  longitude: z.nullable(z.number()),
  accuracy_m: z.nullable(z.number()),
  captured_at: z.nullable(IsoDateTime),
  /** Metres from the facility's coordinates; null without a position or facility coordinates. */
  distance_m: z.nullable(z.number()),
  flag: z.enum(checkInFlags),
  off_site_reason: z.nullable(z.string()),
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
  comment: z.nullable(z.string()),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

/** Planning fields: editable while draft or returned. */
export const planningFields = {
  visit_date: IsoDate,
  performance_summary: z.nullable(LongText),
  identified_gaps: z.nullable(LongText),
  trends_summary: z.nullable(LongText),
  previous_followup: z.nullable(LongText),
  persistent_challenges: z.nullable(LongText),
  progress_made: z.nullable(LongText),
  resources_needed: z.nullable(LongText),
  facility_requests: z.nullable(LongText),
  logistics_notes: z.nullable(LongText),
  staff_to_engage: z.array(singleLineText({ min: 1, max: 200 })).check(z.maxLength(50)),
  objectives: z
    .array(multiLineText({ min: 3, max: 1000 }))
    .check(z.maxLength(MAX_OBJECTIVES, `at most ${MAX_OBJECTIVES} objectives`)),
};
/** Reporting fields: editable while approved. */
export const reportingFields = {
  visit_outcomes: z.nullable(LongText),
  lessons_learned: z.nullable(LongText),
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
  performance_summary: z.nullable(z.string()),
  identified_gaps: z.nullable(z.string()),
  trends_summary: z.nullable(z.string()),
  previous_followup: z.nullable(z.string()),
  persistent_challenges: z.nullable(z.string()),
  progress_made: z.nullable(z.string()),
  resources_needed: z.nullable(z.string()),
  facility_requests: z.nullable(z.string()),
  logistics_notes: z.nullable(z.string()),
  staff_to_engage: z.array(z.string()),
  objectives: z.array(Objective),
  visit_outcomes: z.nullable(z.string()),
  lessons_learned: z.nullable(z.string()),
  check_in: z.nullable(CheckIn),
  review_trail: z.array(TrailEntry),
  submitted_at: z.nullable(IsoDateTime),
  approved_at: z.nullable(IsoDateTime),
  approved_by: z.nullable(Id),
  completed_at: z.nullable(IsoDateTime),
  verified_at: z.nullable(IsoDateTime),
  verified_by: z.nullable(Id),
  deleted_at: z.nullable(IsoDateTime),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  version: Version,
});
export type MentorshipLog = z.infer<typeof MentorshipLog>;

/** A log as the caller sees it: with what they may do next. */
export const MentorshipLogView = z.extend(MentorshipLog, {
  allowed_actions: z.array(LogAction),
  /** Which sections the caller may edit now (planning while draft/returned, reporting while approved). */
  editable_sections: z.array(z.enum(['planning', 'reporting'])),
  can_delete: z.boolean(),
  can_restore: z.boolean(),
});
export type MentorshipLogView = z.infer<typeof MentorshipLogView>;

/** The row of a list: enough for a table or a card, not the whole report. */
export const LogSummary = z.extend(
  z.pick(MentorshipLog, {
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
  }),
  { objective_count: z.int(), check_in_flag: z.nullable(z.enum(checkInFlags)) },
);
export type LogSummary = z.infer<typeof LogSummary>;

const optionalPlanning = Object.fromEntries(
  Object.entries(planningFields).map(([k, v]) => [k, z.optional(v)]),
) as {
  [K in keyof typeof planningFields]: z.ZodMiniOptional<(typeof planningFields)[K]>;
};

/** A new plan (draft). Everything but facility and date may come later; submit checks completeness. */
export const CreateLogBody = z.strictObject({ ...optionalPlanning, facility_id: Id, visit_date: IsoDate });
export type CreateLogBody = z.input<typeof CreateLogBody>;

export const UpdateLogBody = z.strictObject({
  version: Version,
  ...optionalPlanning,
  visit_outcomes: z.optional(reportingFields.visit_outcomes),
  lessons_learned: z.optional(reportingFields.lessons_learned),
});
export type UpdateLogBody = z.input<typeof UpdateLogBody>;

export const TransitionBody = z.strictObject({
  version: Version,
  comment: z.optional(Comment(0)),
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
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  accuracy_m: z.number().check(z.gte(0), z.lte(100_000)),
  captured_at: IsoDateTime,
});
export const CompleteBody = z.strictObject({
  version: Version,
  location: z.optional(DevicePosition),
  off_site_reason: z.optional(multiLineText({ min: 3, max: 1000 })),
  visit_outcomes: z.optional(reportingFields.visit_outcomes),
  lessons_learned: z.optional(reportingFields.lessons_learned),
  comment: z.optional(Comment(0)),
});
export type CompleteBody = z.input<typeof CompleteBody>;

export const logSorts = ['visit_date', '-visit_date'] as const;
export const ListLogsQuery = z
  .extend(PageQuery, {
    facility_id: z.optional(Id),
    mentor_id: z.optional(Id),
    status: z.optional(LogStatus),
    /** Visit date range, inclusive. */
    from: z.optional(IsoDate),
    to: z.optional(IsoDate),
    /** Words in the facility, mentor, objectives or summaries (narrows within the other filters). */
    q: z.optional(singleLineText({ min: 2, max: 100 })),
    sort: z._default(z.enum(logSorts), '-visit_date'),
    /** Admins: list soft-deleted logs (to restore them). */
    deleted: z.optional(QueryBoolean),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'must not be after "to"',
      path: ['from'],
    }),
  );

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
  previous_followup: z.nullable(z.string()),
  trends_summary: z.nullable(z.string()),
  last_visit: z.nullable(
    z.object({
      id: Id,
      visit_date: IsoDate,
      visit_outcomes: z.nullable(z.string()),
      lessons_learned: z.nullable(z.string()),
    }),
  ),
});
export type CarryOver = z.infer<typeof CarryOver>;

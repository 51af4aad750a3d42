import * as z from '../zod.ts';
import { Id, IsoDate, IsoDateTime, PageQuery, QueryBoolean } from './common.ts';
import { FacilityType } from './facilities.ts';
import { LogStatus, LogSummary } from './logs.ts';
import { singleLineText } from './text.ts';

export const MAX_REPORT_MONTHS = 12;
const Months = z._default(
  z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_REPORT_MONTHS)),
  MAX_REPORT_MONTHS,
);

/** The period is the last `months` calendar months, up to this month (programme time zone). */
export const ReportQuery = z.strictObject({
  months: Months,
  /** Narrow to one facility in your scope. */
  facility_id: z.optional(Id),
  /** Admins: one state. */
  state: z.optional(singleLineText({ min: 1, max: 100 })),
  /** Admins: one mentor's own visits. */
  mentor_id: z.optional(Id),
});

export const Period = z.object({ from: z.string(), to: z.string(), months: z.int() });

/** What a report's figures are about: the programme, a state, a facility, a mentor or a supervisor's facilities. */
export const ReportSubject = z.object({
  kind: z.enum(['programme', 'state', 'facility', 'mentor', 'supervisor']),
  label: z.string(),
});
export type ReportSubject = z.infer<typeof ReportSubject>;

export const Dashboard = z.object({
  /** The subject (the field keeps its published name, `scope`). */
  scope: ReportSubject,
  period: Period,
  visits: z.object({
    planned: z.number(),
    approved: z.number(),
    completed: z.number(),
    verified: z.number(),
    off_site_completions: z.number(),
  }),
  timeliness: z.object({
    median_days_submit_to_approve: z.nullable(z.number()),
    median_days_visit_to_verify: z.nullable(z.number()),
  }),
  follow_ups: z.object({
    opened: z.number(),
    closed: z.number(),
    closed_on_time: z.number(),
    /** Percent of closed follow-ups closed by their due date. */
    closed_on_time_rate: z.nullable(z.number()),
    open_now: z.number(),
    overdue_now: z.number(),
    due_this_week: z.number(),
  }),
  coverage: z.object({
    facilities_assigned: z.number(),
    facilities_visited: z.number(),
    coverage_rate: z.nullable(z.number()),
  }),
  generated_at: IsoDateTime,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const MonthFigures = z.object({
  month: z.string(),
  planned: z.number(),
  approved: z.number(),
  completed: z.number(),
  verified: z.number(),
  off_site: z.number(),
  follow_ups_opened: z.number(),
  follow_ups_closed: z.number(),
  follow_ups_closed_on_time: z.number(),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const Trends = z.object({
  scope: ReportSubject,
  period: Period,
  months: z.array(MonthFigures),
});
export type Trends = z.infer<typeof Trends>;

const SummaryFigures = z.object({
  planned: z.number(),
  completed: z.number(),
  verified: z.number(),
  off_site_completions: z.number(),
  median_days_submit_to_approve: z.nullable(z.number()),
  follow_ups_open: z.number(),
  follow_ups_overdue: z.number(),
  facilities_visited: z.number(),
});

export const MentorSummaryRow = z.extend(SummaryFigures, {
  mentor_id: Id,
  mentor_name: z.string(),
  facilities_assigned: z.number(),
});
export const FacilitySummaryRow = z.extend(SummaryFigures, {
  facility_id: Id,
  name: z.string(),
  code: z.string(),
  state: z.string(),
  facility_type: FacilityType,
});
export const MentorSummary = z.object({ period: Period, items: z.array(MentorSummaryRow) });
export const FacilitySummary = z.object({
  period: Period,
  items: z.array(FacilitySummaryRow),
  next_cursor: z.nullable(z.string()),
});
export const FacilitySummaryQuery = z.extend(ReportQuery, {
  limit: PageQuery.shape.limit,
  cursor: PageQuery.shape.cursor,
});
export type MentorSummaryRow = z.infer<typeof MentorSummaryRow>;
export type FacilitySummaryRow = z.infer<typeof FacilitySummaryRow>;

export const FacilityPerformance = z.object({
  facility_id: Id,
  name: z.string(),
  period: Period,
  months: z.array(MonthFigures),
  follow_ups: z.object({ open_now: z.number(), overdue_now: z.number(), due_this_week: z.number() }),
  /** The latest visits, newest first: the facility's timeline. */
  visits: z.array(LogSummary),
});

export type FacilityPerformance = z.infer<typeof FacilityPerformance>;

export const PerformanceQuery = z.strictObject({ months: Months });

export const ExportQuery = z
  .strictObject({
    from: z.optional(IsoDate),
    to: z.optional(IsoDate),
    facility_id: z.optional(Id),
    mentor_id: z.optional(Id),
    status: z.optional(LogStatus),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'must not be after "to"',
      path: ['from'],
    }),
  );

/** A generated file, kept in S3 briefly and fetched with a short-lived link. */
export const ExportFile = z.object({
  file_name: z.string(),
  download_url: z.string(),
  expires_at: IsoDateTime,
  rows: z.optional(z.object({ logs: z.number(), follow_ups: z.number() })),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ReconcileQuery = z.strictObject({
  fix: z.optional(QueryBoolean),
});
export const ReconcileReport = z.object({
  items_expected: z.number(),
  items_stored: z.number(),
  items_drifted: z.number(),
  fixed: z.boolean(),
  drift: z.array(
    z.object({
      /** The figure item's subject key (e.g. `PROGRAMME`, `FAC#<id>`), under its published name. */
      scope: z.string(),
      sk: z.string(),
      expected: z.record(z.string(), z.number()),
      actual: z.record(z.string(), z.number()),
    }),
  ),
});

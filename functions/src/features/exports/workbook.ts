import { type FollowUp, logFieldLabels, type MentorshipLog } from '@dml/shared';
import writeXlsxFile from 'write-excel-file/node';

type Cell = {
  value: string | number | Date | null;
  type?: StringConstructor | NumberConstructor | DateConstructor;
  fontWeight?: 'bold';
  format?: string;
};

const header = (titles: string[]): Cell[] => titles.map((value) => ({ value, fontWeight: 'bold' }));
const text = (value: string | null | undefined): Cell => ({ value: value ?? '', type: String });
const date = (value: string | null | undefined): Cell =>
  value
    ? {
        value: new Date(value.length === 10 ? `${value}T00:00:00Z` : value),
        type: Date,
        format: value.length === 10 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm',
      }
    : { value: null };
const number = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? { value: null } : { value, type: Number };

export const logColumns = [
  logFieldLabels.visit_date,
  logFieldLabels.facility_id,
  'Mentor',
  'Status',
  logFieldLabels.objectives,
  logFieldLabels.performance_summary,
  logFieldLabels.identified_gaps,
  logFieldLabels.resources_needed,
  logFieldLabels.visit_outcomes,
  logFieldLabels.lessons_learned,
  'Check-in',
  'Distance (m)',
  'Submitted',
  'Approved',
  'Completed',
  'Verified',
  'Log ID',
];
export const followUpColumns = [
  'Log ID',
  'Facility',
  'Action item',
  'Assigned to',
  'Due date',
  'Status',
  'Completed',
  'Notes',
];

/** The workbook people take to meetings: one row per log, one per follow-up, readable without the app. */
export const buildWorkbook = async (
  logs: readonly MentorshipLog[],
  followUps: readonly FollowUp[],
): Promise<Uint8Array> => {
  const logRows: Cell[][] = logs.map((l) => [
    date(l.visit_date),
    text(l.facility_name),
    text(l.mentor_name),
    text(l.status),
    text(l.objectives.map((o) => `${o.sequence}. ${o.objective_text}`).join('\n')),
    text(l.performance_summary),
    text(l.identified_gaps),
    text(l.resources_needed),
    text(l.visit_outcomes),
    text(l.lessons_learned),
    text(l.check_in?.flag.replace('_', ' ')),
    number(l.check_in?.distance_m),
    date(l.submitted_at),
    date(l.approved_at),
    date(l.completed_at),
    date(l.verified_at),
    text(l.id),
  ]);
  const followUpRows: Cell[][] = followUps.map((f) => [
    text(f.mentorship_log_id),
    text(f.facility_name),
    text(f.action_item),
    text(f.assigned_to_name),
    date(f.due_date),
    text(f.status.replace('_', ' ')),
    date(f.completed_at),
    text(f.notes),
  ]);
  const width = (n: number) => ({ width: n });
  const buffer = await writeXlsxFile([
    {
      sheet: 'Visits',
      data: [header(logColumns), ...logRows],
      columns: [12, 28, 20, 11, 40, 40, 30, 30, 40, 30, 12, 12, 17, 17, 17, 17, 38].map(width),
      stickyRowsCount: 1,
    },
    {
      sheet: 'Follow-ups',
      data: [header(followUpColumns), ...followUpRows],
      columns: [38, 28, 40, 20, 12, 12, 17, 30].map(width),
      stickyRowsCount: 1,
    },
  ] as never).toBuffer();
  return new Uint8Array(buffer);
};

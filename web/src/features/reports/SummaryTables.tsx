import type { FacilitySummaryRow, MentorSummaryRow } from '@dml/shared/api/reports';
import { Link } from 'react-router-dom';
import { type Column, SortableTable } from '../../components/SortableTable.tsx';
import { formatFigure } from './kpis.ts';

type VisitFigures = Pick<
  MentorSummaryRow & FacilitySummaryRow,
  | 'planned'
  | 'completed'
  | 'verified'
  | 'off_site_completions'
  | 'median_days_submit_to_approve'
  | 'follow_ups_open'
  | 'follow_ups_overdue'
>;

/** The visit and follow-up columns both summaries show, in the same order. */
const figureColumns = <T extends VisitFigures>(): Column<T>[] => [
  { key: 'planned', label: 'Planned', value: (r) => r.planned },
  { key: 'completed', label: 'Completed', value: (r) => r.completed },
  { key: 'verified', label: 'Verified', value: (r) => r.verified },
  { key: 'off-site', label: 'Off site', value: (r) => r.off_site_completions },
  {
    key: 'approve-days',
    label: 'Days to approve',
    value: (r) => r.median_days_submit_to_approve,
    render: (r) => formatFigure(r.median_days_submit_to_approve),
  },
  { key: 'open', label: 'Follow-ups open', value: (r) => r.follow_ups_open },
  { key: 'overdue', label: 'Overdue', value: (r) => r.follow_ups_overdue },
];

/** Per mentor in scope: visits, review delay, follow-ups, coverage (sortable; cards on phones). */
export const MentorSummaryTable = ({ rows }: { rows: readonly MentorSummaryRow[] }) => {
  const columns: readonly [Column<MentorSummaryRow>, ...Column<MentorSummaryRow>[]] = [
    { key: 'mentor', label: 'Mentor', value: (r) => r.mentor_name },
    ...figureColumns<MentorSummaryRow>(),
    {
      key: 'coverage',
      label: 'Facilities visited',
      value: (r) => (r.facilities_assigned ? r.facilities_visited / r.facilities_assigned : null),
      render: (r) => `${r.facilities_visited} of ${r.facilities_assigned}`,
    },
  ];
  return <SortableTable rows={rows} columns={columns} rowKey={(r) => r.mentor_id} caption="Mentor summary" />;
};

/** Per facility in scope, linking to its page (with its timeline). */
export const FacilitySummaryTable = ({ rows }: { rows: readonly FacilitySummaryRow[] }) => {
  const columns: readonly [Column<FacilitySummaryRow>, ...Column<FacilitySummaryRow>[]] = [
    {
      key: 'facility',
      label: 'Facility',
      value: (r) => r.name,
      render: (r) => (
        <Link to={`/facilities/${r.facility_id}`}>
          {r.name} <span className="muted">({r.code})</span>
        </Link>
      ),
    },
    { key: 'state', label: 'State', value: (r) => r.state },
    ...figureColumns<FacilitySummaryRow>(),
  ];
  return (
    <SortableTable rows={rows} columns={columns} rowKey={(r) => r.facility_id} caption="Facility summary" />
  );
};

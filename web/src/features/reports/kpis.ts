import type { Dashboard } from '@dml/shared/api/reports';
import type { DashboardCard } from '../../components/DashboardCards.tsx';
import { EMPTY } from '../../lib/format.ts';

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "1.5", "—" when there is nothing to measure yet. */
export const formatFigure = (value: number | null) => (value === null ? EMPTY : numberFormat.format(value));
/** "66.7%", "—". */
export const formatPercent = (value: number | null) =>
  value === null ? EMPTY : `${numberFormat.format(value)}%`;

const days = (value: number | null) => (value === null ? 'No reviews in the period yet' : 'days (median)');

/**
 * The dashboard's KPIs as cards: visits planned against completed,
 * verified, off site, the two review delays, follow-ups closed on time and overdue, and coverage.
 */
export const kpiCards = (d: Dashboard): DashboardCard[] => [
  {
    id: 'visits',
    label: 'Visits completed / planned',
    value: `${d.visits.completed} / ${d.visits.planned}`,
    hint: `${d.visits.approved} plans approved`,
  },
  {
    id: 'verified',
    label: 'Reports verified',
    value: d.visits.verified,
    hint: `Of ${d.visits.completed} completed`,
  },
  {
    id: 'off-site',
    label: 'Off-site completions',
    value: d.visits.off_site_completions,
    hint: 'Completed away from the facility',
  },
  {
    id: 'submit-to-approve',
    label: 'Submit → approve',
    value: formatFigure(d.timeliness.median_days_submit_to_approve),
    hint: days(d.timeliness.median_days_submit_to_approve),
  },
  {
    id: 'visit-to-verify',
    label: 'Visit → verify',
    value: formatFigure(d.timeliness.median_days_visit_to_verify),
    hint: days(d.timeliness.median_days_visit_to_verify),
  },
  {
    id: 'on-time',
    label: 'Follow-ups closed on time',
    value: formatPercent(d.follow_ups.closed_on_time_rate),
    hint: `${d.follow_ups.closed_on_time} of ${d.follow_ups.closed} closed`,
  },
  {
    id: 'overdue',
    label: 'Follow-ups overdue now',
    value: d.follow_ups.overdue_now,
    hint: `${d.follow_ups.open_now} open · ${d.follow_ups.due_this_week} due this week`,
  },
  {
    id: 'coverage',
    label: 'Facilities visited / assigned',
    value: `${d.coverage.facilities_visited} / ${d.coverage.facilities_assigned}`,
    hint: `Coverage ${formatPercent(d.coverage.coverage_rate)}`,
  },
];

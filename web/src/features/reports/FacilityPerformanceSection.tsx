import type { LogSummary } from '@dml/shared/api/logs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DashboardCards } from '../../components/DashboardCards.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDate } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { CheckInBadge, LogStatusBadge } from '../logs/index.ts';
import { PERIODS, useFacilityPerformance } from './api.ts';
import { TrendsFigure } from './ChartFigures.tsx';

/** A facility's visits, newest first, as a vertical timeline linking to each log. */
export const VisitTimeline = ({
  visits,
  facilityName,
}: {
  visits: readonly LogSummary[];
  facilityName: string;
}) => {
  if (visits.length === 0)
    return <EmptyState title="No visits yet">Visits planned here appear in this timeline.</EmptyState>;
  return (
    <ol className="timeline visit-timeline" aria-label={`Visits to ${facilityName}`}>
      {visits.map((visit) => (
        <li key={visit.id} className={`timeline__step timeline__step--${visit.status}`}>
          <p className="visit-timeline__what">
            <Link to={`/logs/${visit.id}`} className="visit-timeline__link">
              <time dateTime={visit.visit_date}>{formatDate(visit.visit_date)}</time>
            </Link>{' '}
            <LogStatusBadge status={visit.status} deleted={Boolean(visit.deleted_at)} />
            {visit.check_in_flag && visit.check_in_flag !== 'on_site' && (
              <CheckInBadge flag={visit.check_in_flag} />
            )}
          </p>
          <p className="timeline__when muted">
            {visit.mentor_name} · {plural(visit.objective_count, 'objective', 'objectives')}
          </p>
        </li>
      ))}
    </ol>
  );
};

/**
 * On a facility's page: its monthly figures as a chart, its open and overdue follow-ups, and its
 * latest visits as a timeline.
 */
export const FacilityPerformanceSection = ({
  facilityId,
  facilityName,
}: {
  facilityId: string;
  facilityName: string;
}) => {
  const [months, setMonths] = useState(6);
  const performance = useFacilityPerformance(facilityId, months);

  const body = () => {
    if (performance.isPending || performance.isError) {
      return (
        <QueryStatus
          query={performance}
          loadingLabel="Loading the facility's figures…"
          rows={3}
          errorTitle="We couldn't load this facility's figures"
        />
      );
    }
    const { follow_ups, months: series, visits } = performance.data;
    return (
      <>
        <DashboardCards
          label="Follow-ups at this facility"
          cards={[
            { id: 'open', label: 'Follow-ups open', value: follow_ups.open_now },
            { id: 'overdue', label: 'Overdue now', value: follow_ups.overdue_now },
            { id: 'due', label: 'Due this week', value: follow_ups.due_this_week },
          ]}
        />
        <TrendsFigure title={`${facilityName}, month by month`} months={series} />
        <h3 className="subheading" id="facility-visits">
          Visits <span className="muted">(latest {visits.length})</span>
        </h3>
        <VisitTimeline visits={visits} facilityName={facilityName} />
      </>
    );
  };

  return (
    <section className="section" aria-labelledby="facility-performance">
      <div className="section__header">
        <h2 id="facility-performance">Performance</h2>
        <div className="section__control">
          <SelectField
            label="Period"
            value={String(months)}
            onChange={(event) => setMonths(Number(event.target.value))}
            options={PERIODS.map((value) => ({
              value: String(value),
              label: `Last ${plural(value, 'month', 'months')}`,
            }))}
          />
        </div>
      </div>
      {body()}
    </section>
  );
};

import type { Me } from '@dml/shared';
import { Link } from 'react-router-dom';
import { DashboardCards } from '../../components/DashboardCards.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { HomeFigures } from '../../features/reports/index.ts';
import { plural } from '../../lib/text.ts';

export const SupervisorHome = ({ me }: { me: Me }) => {
  if (me.facility_count === 0) {
    return (
      <EmptyState title="No facilities in your scope yet">
        Ask your programme administrator to assign the facilities whose mentors you supervise.
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="supervisor-summary">
      <p id="supervisor-summary" className="page-lead">
        You supervise mentorship visits to {plural(me.facility_count, 'facility', 'facilities')}.
      </p>
      <div className="toolbar home-actions">
        <Link to="/review" className="button button--primary">
          Review queue
        </Link>
        <Link to="/logs/new" className="button">
          Plan a visit
        </Link>
      </div>
      <DashboardCards
        label="Your figures"
        cards={[{ id: 'facilities', label: 'Facilities in your scope', value: me.facility_count }]}
      />
      <HomeFigures />
    </section>
  );
};

import type { Me } from '@dml/shared';
import { Link } from 'react-router-dom';
import { DashboardCards } from '../../components/DashboardCards.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { HomeFigures } from '../../features/reports/index.ts';
import { plural } from '../../lib/text.ts';

export const MentorHome = ({ me }: { me: Me }) => {
  if (me.facility_count === 0) {
    return (
      <EmptyState title="No facilities assigned to you yet">
        Ask your programme administrator to assign the facilities you visit.
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="mentor-summary">
      <p id="mentor-summary" className="page-lead">
        You cover {plural(me.facility_count, 'facility', 'facilities')}.
      </p>
      <div className="toolbar home-actions">
        <Link to="/logs/new" className="button button--primary">
          Plan a visit
        </Link>
        <Link to="/logs" className="button">
          My logs
        </Link>
        <Link to="/follow-ups" className="button">
          Follow-ups
        </Link>
      </div>
      <DashboardCards
        label="Your figures"
        cards={[{ id: 'facilities', label: 'Facilities you cover', value: me.facility_count }]}
      />
      <HomeFigures />
    </section>
  );
};

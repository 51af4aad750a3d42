import type { Me } from '@dml/shared';
import { DashboardCards } from '../../components/DashboardCards.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { HomeFigures } from '../../features/reports/index.ts';
import { plural } from '../../lib/text.ts';

export const AdminHome = ({ me }: { me: Me }) => (
  <section aria-labelledby="admin-summary">
    <p id="admin-summary" className="page-lead">
      You administer the whole programme.
    </p>
    {me.facility_count === 0 ? (
      <EmptyState title="No facilities in the programme yet">
        Facilities appear here once they are added to the programme.
      </EmptyState>
    ) : (
      <DashboardCards
        label="Programme figures"
        cards={[
          {
            id: 'facilities',
            label: 'Facilities in the programme',
            value: me.facility_count,
            hint: `All ${plural(me.facility_count, 'facility', 'facilities')}, every state`,
          },
        ]}
      />
    )}
    <HomeFigures />
  </section>
);

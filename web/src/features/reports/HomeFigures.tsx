import { Link } from 'react-router-dom';
import { DashboardCards } from '../../components/DashboardCards.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { plural } from '../../lib/text.ts';
import { DEFAULT_MONTHS, useDashboard } from './api.ts';
import { kpiCards } from './kpis.ts';

/** The dashboard's KPI cards on a role's home page (same period as the dashboard opens with). */
export const HomeFigures = () => {
  const dashboard = useDashboard({ months: DEFAULT_MONTHS });
  const body = () => {
    if (dashboard.isPending || dashboard.isError) {
      return (
        <QueryStatus
          query={dashboard}
          loadingLabel="Loading your figures…"
          rows={2}
          errorTitle="We couldn't load your figures"
        />
      );
    }
    return (
      <DashboardCards label="Key figures" cards={kpiCards(dashboard.data)} className="cards cards--kpi" />
    );
  };
  return (
    <section className="section home-figures" aria-labelledby="home-figures">
      <div className="section__header">
        <h2 id="home-figures">
          {dashboard.data?.scope.label ?? 'Your figures'}
          <span className="muted"> · last {plural(DEFAULT_MONTHS, 'month', 'months')}</span>
        </h2>
        <Link to="/dashboard" className="button">
          Open the dashboard
        </Link>
      </div>
      {body()}
    </section>
  );
};

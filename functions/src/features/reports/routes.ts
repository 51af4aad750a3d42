import { reportRoutes as routes } from '@dml/shared/routes/reports';
import { implement } from '#http/route-handler';
import { reconcileFigures } from './reconcile.ts';
import { dashboard, facilityPerformance, facilitySummary, mentorSummary, trends } from './service.ts';

export const reportRoutes = [
  implement(routes.dashboard, ({ actor, query, now }) => dashboard(actor, query, now)),
  implement(routes.trends, ({ actor, query, now }) => trends(actor, query, now)),
  implement(routes.mentorSummary, ({ actor, query, now }) => mentorSummary(actor, query, now)),
  implement(routes.facilitySummary, ({ actor, query, now }) => facilitySummary(actor, query, now)),
  implement(routes.facilityPerformance, ({ actor, params, query, now }) =>
    facilityPerformance(actor, params.id, query.months, now),
  ),
  implement(routes.reconcileFigures, ({ query }) => reconcileFigures({ fix: query.fix ?? false })),
];

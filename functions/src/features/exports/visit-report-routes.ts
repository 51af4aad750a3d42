import { reportRoutes as routes } from '@dml/shared/routes/reports';
import { exportFiles } from '#adapters/exports';
import { implement } from '#http/route-handler';
import { exportVisitReport } from './export-visit-report.ts';

/**
 * Its own function: a report with photos needs more memory and time than an API call (see its catalog
 * entry), and the PDF writer and image decoders stay out of the other functions' bundles.
 */
export const visitReportRoutes = [
  implement(routes.exportLog, ({ actor, params, now }) =>
    exportVisitReport(actor, params.id, now, exportFiles),
  ),
];

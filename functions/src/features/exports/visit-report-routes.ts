import { reportRoutes as routes } from '@dml/shared/routes/reports';
import { exportFiles } from '../../adapters/exports.ts';
import { implement } from '../../http/route-handler.ts';
import { exportVisitReport } from './export-visit-report.ts';

/** Its own function: the PDF library is the one dependency too big to carry in every bundle. */
export const visitReportRoutes = [
  implement(routes.exportLog, ({ actor, params, now }) =>
    exportVisitReport(actor, params.id, now, exportFiles),
  ),
];

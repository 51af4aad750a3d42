import { visitReportRoutes } from '#features/exports/visit-report-routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(visitReportRoutes);

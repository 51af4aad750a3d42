import { visitReportRoutes } from '../features/exports/visit-report-routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(visitReportRoutes);

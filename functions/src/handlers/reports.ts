import { reportRoutes } from '#features/reports/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(reportRoutes);

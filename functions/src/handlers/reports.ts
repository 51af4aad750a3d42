import { reportRoutes } from '../features/reports/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(reportRoutes);

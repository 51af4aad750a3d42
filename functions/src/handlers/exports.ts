import { exportRoutes } from '../features/exports/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(exportRoutes);

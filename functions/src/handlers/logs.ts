import { logRoutes } from '../features/logs/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(logRoutes);

import { logRoutes } from '#features/logs/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(logRoutes);

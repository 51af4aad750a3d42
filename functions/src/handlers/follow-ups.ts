import { followUpRoutes } from '../features/follow-ups/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(followUpRoutes);

import { followUpRoutes } from '#features/follow-ups/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(followUpRoutes);

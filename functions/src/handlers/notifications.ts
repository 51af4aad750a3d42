import { notificationRoutes } from '../features/notifications/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(notificationRoutes);

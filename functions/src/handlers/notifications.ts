import { notificationRoutes } from '#features/notifications/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(notificationRoutes);

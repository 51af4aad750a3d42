import { facilityRoutes } from '#features/facilities/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(facilityRoutes);

import { facilityRoutes } from '../features/facilities/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(facilityRoutes);

import { workbookRoutes } from '../features/exports/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(workbookRoutes);

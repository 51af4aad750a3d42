import { workbookRoutes } from '#features/exports/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(workbookRoutes);

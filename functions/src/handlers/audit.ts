import { auditRoutes } from '#features/audit/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(auditRoutes);

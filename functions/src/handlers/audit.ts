import { auditRoutes } from '../features/audit/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(auditRoutes);

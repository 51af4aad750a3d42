import { auditRoutes } from './audit.ts';
import { facilityRoutes } from './facilities.ts';
import { userRoutes } from './users.ts';

/**
 * Programme administration: users, facilities, who covers what, and the audit trail. Each part has its
 * own module so a Lambda function bundles (and builds at cold start) only its own routes' schemas.
 */
export const adminRoutes = { ...userRoutes, ...facilityRoutes, ...auditRoutes } as const;

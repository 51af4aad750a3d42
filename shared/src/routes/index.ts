import { adminRoutes } from './admin.ts';
import { attachmentRoutes } from './attachments.ts';
import { type RouteDef, routeKey } from './define.ts';
import { followUpRoutes } from './follow-ups.ts';
import { logRoutes } from './logs.ts';
import { reportRoutes } from './reports.ts';
import { systemRoutes } from './system.ts';

export * from './define.ts';

/** Every HTTP route of the product. Add a feature's routes here and CDK, the local adapter,
 * OpenAPI and the authorization matrix pick them up. */
export const routes = {
  ...systemRoutes,
  ...adminRoutes,
  ...logRoutes,
  ...followUpRoutes,
  ...attachmentRoutes,
  ...reportRoutes,
} as const;

export type RouteId = keyof typeof routes;
export const routeList: readonly (RouteDef & { id: RouteId })[] = Object.entries(routes).map(([id, r]) => ({
  ...(r as RouteDef),
  id: id as RouteId,
}));

/** Names of the Lambda functions that serve HTTP routes. */
export const httpFunctionNames = [...new Set(routeList.map((r) => r.fn))].sort();

export const routeByKey = new Map(routeList.map((r) => [routeKey(r), r]));

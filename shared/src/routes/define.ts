import type { Role } from '../roles.ts';
import type * as z from '../zod.ts';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/**
 * One row of the route table: the single source of truth read by CDK (API routes, authorizer,
 * which Lambda), the local API adapter, the handlers (validation, roles) and the OpenAPI generator.
 */
export type RouteDef = {
  method: HttpMethod;
  /** API Gateway style: `/api/users/{id}`. */
  path: `/${string}`;
  /** The Lambda function (handler group) that serves the route. */
  fn: string;
  /** `public` routes skip the JWT authorizer; otherwise the roles that may call it at all. */
  auth: 'public' | readonly Role[];
  summary: string;
  tag: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Success status; 200 unless stated. */
  status?: 200 | 201 | 204;
  /** A creating POST: accepts an `Idempotency-Key` header. */
  idempotent?: boolean;
};

export const defineRoutes = <const T extends Record<string, RouteDef>>(routes: T): T => routes;

export const routeKey = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method} ${route.path}`;

export const everyone = ['admin', 'supervisor', 'mentor'] as const satisfies readonly Role[];
export const adminOnly = ['admin'] as const satisfies readonly Role[];
export const reviewers = ['admin', 'supervisor'] as const satisfies readonly Role[];

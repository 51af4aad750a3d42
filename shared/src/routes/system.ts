import { Health, OpenApiDocument } from '../api/system.ts';
import { Me } from '../api/users.ts';
import { defineRoutes, everyone } from './define.ts';

export const systemRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/health',
    fn: 'system',
    auth: 'public',
    tag: 'system',
    summary: 'Liveness and table reachability (no auth).',
    response: Health,
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    fn: 'system',
    auth: everyone,
    tag: 'system',
    summary: 'This API as an OpenAPI 3.1 document, generated from the route table.',
    response: OpenApiDocument,
  },
  authMe: {
    method: 'GET',
    path: '/api/auth/me',
    fn: 'system',
    auth: everyone,
    tag: 'auth',
    summary: "The caller's profile; identity and role come from the verified token.",
    response: Me,
  },
});

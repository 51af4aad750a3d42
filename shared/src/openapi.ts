import { ErrorBody } from './api/errors.ts';
import { type RouteDef, routeList } from './routes/index.ts';
import * as z from './zod.ts';

type JsonSchema = Record<string, unknown>;
const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const parameters = (route: RouteDef) => {
  const fromObject = (where: 'path' | 'query', object?: z.ZodMiniObject) =>
    Object.entries(object?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: where,
      required: where === 'path' || !(schema as z.ZodMiniType).safeParse(undefined).success,
      schema: toSchema(schema as z.ZodMiniType, 'input'),
    }));
  const idempotencyHeader = route.idempotent
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A retry with the same key returns the first response and creates nothing.',
          schema: { type: 'string', minLength: 8, maxLength: 128 },
        },
      ]
    : [];
  return [...fromObject('path', route.params), ...fromObject('query', route.query), ...idempotencyHeader];
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The OpenAPI 3.1 document of every route in the route table, from the same zod schemas the handlers use. */
export const buildOpenApi = (info: { version: string; serverUrl?: string }) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const operations = paths[route.path] ?? {};
    paths[route.path] = operations;
    const status = String(route.status ?? 200);
    operations[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'public' ? [] : [{ cognito: [] }],
      'x-roles': route.auth === 'public' ? [] : route.auth,
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]:
          status === '204'
            ? { description: 'No content' }
            : {
                description: 'Success',
                content: { 'application/json': { schema: toSchema(route.response, 'output') } },
              },
        '400': errorResponse('Invalid input'),
        ...(route.auth === 'public'
          ? {}
          : {
              '401': errorResponse('Missing or invalid token'),
              '403': errorResponse('Not allowed'),
            }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Digital Mentorship Log API', version: info.version },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: toSchema(ErrorBody, 'output') },
    },
    paths,
  };
};

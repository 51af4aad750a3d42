import { join } from 'node:path';
import { httpFunctionNames, type RouteDef, routeKey, routeList } from '@dml/shared';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionCatalog } from '#function-catalog';
import type { HttpEvent, HttpResult } from '#http/middleware';

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** An API Gateway request for the route with no token: routing answers before anything else runs. */
const requestFor = (route: RouteDef) =>
  ({
    routeKey: routeKey(route),
    rawPath: route.path,
    headers: {},
    requestContext: { requestId: `route-check-${route.method}-${route.path}` },
  }) as unknown as HttpEvent;
const context = { awsRequestId: 'route-check' } as Context;

/** What a handler answers for a route it serves: 401 without a token, or the public route's answer. */
const served = (status: number) => status !== 404;

describe("each HTTP function's handler implements exactly its rows of the route table", () => {
  const handlers = new Map<string, Handler>();
  beforeAll(async () => {
    // The public health route probes the table: point the SDK at a closed port so it fails fast.
    process.env.AWS_REGION = 'eu-west-1';
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:9';
    process.env.TABLE_NAME = 'route-check';
    for (const name of httpFunctionNames) {
      const spec = functionCatalog[name as keyof typeof functionCatalog];
      const module = (await import(join(import.meta.dirname, '..', 'src', spec.entry))) as {
        handler: Handler;
      };
      handlers.set(name, module.handler);
    }
  });

  it('has a catalog entry with an HTTP trigger for every function the route table names', () => {
    const notHttp = httpFunctionNames.filter(
      (name) => functionCatalog[name as keyof typeof functionCatalog]?.trigger !== 'http',
    );
    expect(notHttp).toEqual([]);
  });

  for (const name of httpFunctionNames) {
    it(`${name} serves every route of its own and none of another function's`, async () => {
      const wrong: string[] = [];
      const handler = handlers.get(name);
      if (!handler) throw new Error(`no handler loaded for ${name}`);
      for (const route of routeList) {
        const { statusCode } = await handler(requestFor(route), context);
        const mine = route.fn === name;
        if (served(statusCode ?? 500) !== mine)
          wrong.push(`${routeKey(route)} (fn ${route.fn}) answered ${statusCode}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

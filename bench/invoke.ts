import { randomUUID } from 'node:crypto';
import { lambdaContext } from '@dml/infra/local/functions';
import type { User } from '@dml/shared';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type HttpHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: never,
  options: { signal: AbortSignal },
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Calls an HTTP handler as API Gateway would after the JWT authorizer, without the network. */
export const invokeRoute = async (
  handler: HttpHandler,
  route: { method: string; path: string },
  caller: User,
  input: { params?: Record<string, string>; query?: Record<string, string> } = {},
) => {
  const event = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: route.path,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers: {},
    queryStringParameters: input.query,
    pathParameters: input.params,
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      authorizer: {
        jwt: {
          claims: { sub: caller.id, token_use: 'access', 'cognito:groups': `[${caller.role}]` },
          scopes: [],
        },
      },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
  const result = await handler(event, lambdaContext('bench') as never, {
    signal: new AbortController().signal,
  });
  return {
    status: result.statusCode ?? 0,
    body: JSON.parse(result.body ?? 'null') as { items?: unknown[]; next_cursor?: string | null },
  };
};

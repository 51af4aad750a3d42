import { networkInterfaces } from 'node:os';
import type { FunctionName } from '@dml/functions/function-catalog';
import { ErrorBody, routeKey, routeList } from '@dml/shared';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localControlHeader } from './control.ts';
import { invoke } from './functions.ts';
import { portIsOpen } from './processes.ts';
import { startTestStack, type TestStack } from './testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ demoLogs: false });
});
afterAll(async () => {
  await stack?.stop();
});

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

describe('the local API adapter', () => {
  it('answers a path it cannot decode with 400 and keeps serving', async () => {
    const token = await stack.tokenFor('admin@example.org');
    const bad = await stack.api.get('/api/users/%E0%A4%A', token);
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(bad.body).error.code).toBe('validation_failed');
    expect((await stack.api.get('/health')).status).toBe(200);
  });
});

describe('local-only endpoints (firing a schedule)', () => {
  const fire = (headers: Record<string, string>) =>
    fetch(`${stack.outputs.apiUrl}/_local/schedules/reminders?at=2030-01-01T05:00:00Z`, {
      method: 'POST',
      headers,
    });

  it('refuse a cross-origin simple POST from a web page', async () => {
    const page = await fire({ origin: 'http://evil.example', 'content-type': 'text/plain' });
    expect(page.status).toBe(403);
    expect(ErrorBody.parse(await page.json()).error.code).toBe('forbidden');
    // Even with the header: a page's request carries an Origin or a Sec-Fetch-Site.
    expect((await fire({ origin: 'http://evil.example', [localControlHeader]: '1' })).status).toBe(403);
    expect((await fire({ 'sec-fetch-site': 'cross-site', [localControlHeader]: '1' })).status).toBe(403);
  });

  it('refuse a request without the local tool’s header', async () => {
    expect((await fire({})).status).toBe(403);
  });

  it('run for the local tool (npm run trigger)', async () => {
    expect((await fire({ [localControlHeader]: '1' })).status).toBe(200);
  });
});

describe('tokens', () => {
  it('accept only access tokens; cognito-local’s carry what the API needs', async () => {
    const { accessToken, idToken } = await stack.cognito.signIn('mentor@example.org', stack.demoPassword);
    expect(claimsOf(accessToken)).toMatchObject({
      token_use: 'access',
      client_id: stack.outputs.userPoolClientId,
      'cognito:groups': ['mentor'],
    });
    expect((await stack.api.get('/api/auth/me', accessToken)).status).toBe(200);
    const withId = await stack.api.get('/api/auth/me', idToken);
    expect(withId.status).toBe(401);
    expect(ErrorBody.parse(withId.body).error.code).toBe('unauthorized');
  });

  it('refuse ID-token claims in the handler too (API Gateway’s authorizer lets ID tokens through)', async () => {
    const route = routeList.find((r) => r.path === '/api/auth/me');
    if (!route) throw new Error('no /api/auth/me route');
    const { idToken } = await stack.cognito.signIn('mentor@example.org', stack.demoPassword);
    const claims = claimsOf(idToken);
    const event = {
      version: '2.0',
      routeKey: routeKey(route),
      rawPath: route.path,
      headers: {},
      isBase64Encoded: false,
      requestContext: {
        requestId: 'id-token-test',
        routeKey: routeKey(route),
        http: { method: 'GET', path: route.path },
        authorizer: {
          jwt: { claims: { ...claims, 'cognito:groups': '[mentor]' }, scopes: [] },
        },
      },
    };
    const result = (await invoke(route.fn as FunctionName, event)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(401);
  });
});

describe('emulators', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

  it.skipIf(!external)('DynamoDB Local listens on the loopback interface only', async () => {
    const port = Number(new URL(stack.outputs.dynamodbEndpoint).port);
    expect(await portIsOpen(port, '127.0.0.1')).toBe(true);
    expect(await portIsOpen(port, external)).toBe(false);
  });

  it('DynamoDB Local grants no web page CORS access', async () => {
    const preflight = await fetch(stack.outputs.dynamodbEndpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-amz-target,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

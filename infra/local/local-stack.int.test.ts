import { ErrorBody, Health, Me, routeList } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the local stack (DynamoDB Local + cognito-local, real tokens)', () => {
  it('reports the table reachable on /health without a token', async () => {
    const response = await stack.api.get('/health');
    expect(response.status).toBe(200);
    expect(Health.parse(response.body).checks.table).toBe('reachable');
  });

  it('returns the signed-in mentor with role mentor from /api/auth/me', async () => {
    const token = await stack.tokenFor('mentor@example.org');
    const response = await stack.api.get('/api/auth/me', token);
    expect(response.status).toBe(200);
    const me = Me.parse(response.body);
    expect(me).toMatchObject({ email: 'mentor@example.org', role: 'mentor', is_active: true });
    expect(me.id).toBe(stack.demo?.users['mentor@example.org']);
  });

  it.each(['admin', 'supervisor'] as const)('gives each demo role its own role (%s)', async (role) => {
    const token = await stack.tokenFor(`${role}@example.org`);
    const response = await stack.api.get('/api/auth/me', token);
    expect(Me.parse(response.body).role).toBe(role);
  });

  it('answers 401 in the error shape without a token', async () => {
    const response = await stack.api.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(ErrorBody.parse(response.body).error.code).toBe('unauthorized');
  });

  it('answers 401 to a token whose signature was tampered with', async () => {
    const token = await stack.tokenFor('mentor@example.org');
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        'cognito:groups': ['admin'],
      }),
    ).toString('base64url');
    for (const forged of [
      `${header}.${forgedPayload}.${signature}`,
      `${header}.${payload}.${signature?.slice(0, -6)}AAAAAA`,
    ]) {
      const response = await stack.api.get('/api/auth/me', forged);
      expect(response.status).toBe(401);
    }
  });

  it('answers 401 to an ID token from another user pool client', async () => {
    const response = await stack.api.get('/api/auth/me', 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl');
    expect(response.status).toBe(401);
  });

  it('serves an OpenAPI document listing every route of the route table', async () => {
    const token = await stack.tokenFor('mentor@example.org');
    const response = await stack.api.get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/openapi.json',
      token,
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const documented = Object.entries(response.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const response = await stack.api.get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(ErrorBody.parse(response.body).error.code).toBe('not_found');
  });

  it('writes outputs with every key the deployed stack outputs too', () => {
    expect(Object.keys(stack.outputs).sort()).toEqual(
      [
        'apiUrl',
        'webUrl',
        'region',
        'userPoolId',
        'userPoolClientId',
        'cognitoEndpoint',
        'tableName',
        'bucketName',
        's3Endpoint',
        'sesEndpoint',
        'dynamodbEndpoint',
        'eventBusName',
      ].sort(),
    );
  });
});

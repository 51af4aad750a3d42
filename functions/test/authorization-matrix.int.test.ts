import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { ErrorBody, type RouteId, routeList } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationCases } from './authorization-cases.ts';
import { buildWorld, personas, type World } from './world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

describe('authorization matrix (every route × every persona, from the route table)', () => {
  it('has an expectation for every route in the route table', () => {
    const missing = routeList.filter((r) => !authorizationCases[r.id]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  for (const route of routeList) {
    it(`${route.method} ${route.path}`, async () => {
      const testCase = authorizationCases[route.id as RouteId];
      const results: Record<string, number> = {};
      for (const persona of personas) {
        const request = await testCase.request(world, persona);
        const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
        const response = await stack.api.request(route.method, `${request.path}${query}`, {
          token: world.tokens[persona],
          body: request.body,
        });
        results[persona] = response.status;
        if (response.status >= 400) expect(() => ErrorBody.parse(response.body)).not.toThrow();
      }
      expect(results).toEqual(testCase.expect);
    });
  }
});

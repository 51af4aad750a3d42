import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { meterWrites } from '@dml/infra/local/testing/write-meter';
import { ErrorBody, type RouteDef, routeList } from '@dml/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from './world.ts';

let stack: TestStack;
let world: World;
let writes: ReturnType<typeof meterWrites>;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
  writes = meterWrites();
}, 120_000);
afterAll(async () => {
  writes?.stop();
  await stack?.stop();
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

type Input = {
  params: Record<string, string>;
  query: Record<string, string>;
  body: { raw: string } | { json: unknown } | undefined;
};

/** Any JSON at all, or an object shaped like the route's body with values of the wrong kinds. */
const bodyArbitrary = (route: RouteDef): fc.Arbitrary<Input['body']> => {
  // HTTP clients cannot send a body with GET.
  if (route.method === 'GET') return fc.constant(undefined);
  const shape =
    route.body && 'shape' in route.body
      ? Object.keys((route.body as unknown as { shape: object }).shape)
      : [];
  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string()),
    fc.object(),
  );
  const shaped = fc.dictionary(
    fc.oneof(fc.constantFrom(...(shape.length ? shape : ['x'])), fc.string({ maxLength: 8 })),
    anyValue,
    { maxKeys: 6 },
  );
  return fc.oneof(
    fc.constant(undefined),
    fc.jsonValue().map((json) => ({ json })),
    shaped.map((json) => ({ json })),
    fc.string({ maxLength: 40 }).map((raw) => ({ raw: `{${raw}` })),
  );
};

const queryArbitrary = (route: RouteDef) => {
  const known = route.query ? Object.keys(route.query.shape) : [];
  return fc.dictionary(
    fc.oneof(fc.constantFrom(...(known.length ? known : ['q'])), fc.string({ minLength: 1, maxLength: 8 })),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer().map(String),
      fc.constantFrom('', '-1', '0', '101', 'true', 'null'),
    ),
    { maxKeys: 4 },
  );
};

/** Path values: a real object's id, a random UUID, or any text at all. */
const paramsArbitrary = (route: RouteDef) => {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const existing = () => [world.users.ownerMentor.id, world.facilities.inScope.id];
  return fc.record(
    Object.fromEntries(
      names.map((n) => [
        n,
        fc.oneof(fc.constantFrom(...existing()), fc.uuid(), fc.string({ minLength: 1, maxLength: 20 })),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
};

const isValid = (route: RouteDef, input: Input) => {
  const jsonBody = input.body && 'json' in input.body ? input.body.json : undefined;
  if (input.body && 'raw' in input.body) return false;
  if (
    route.body ? jsonBody === undefined || !route.body.safeParse(jsonBody).success : input.body !== undefined
  )
    return false;
  if (route.query ? !route.query.safeParse(input.query).success : Object.keys(input.query).length > 0)
    return false;
  if (route.params && !route.params.safeParse(input.params).success) return false;
  return true;
};

describe('bad input on every route never breaks the API and never writes', () => {
  it('counts writes (the meter itself works)', async () => {
    writes.reset();
    const created = await stack.api.post(
      '/api/facilities',
      { name: 'Meter Check', code: `MC-${Date.now()}`, state: 'Kano', facility_type: 'clinic' },
      world.tokens.admin,
    );
    expect(created.status).toBe(201);
    expect(writes.count()).toBeGreaterThan(0);
  });

  for (const route of routeList) {
    it(`${route.method} ${route.path}`, async () => {
      let generated = 0;
      await fc.assert(
        fc.asyncProperty(
          paramsArbitrary(route),
          queryArbitrary(route),
          bodyArbitrary(route),
          async (params, query, body) => {
            generated += 1;
            const input: Input = { params, query, body };
            const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(params[name] ?? ''),
            );
            const search = Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
            writes.reset();
            const response = await stack.api.request(route.method, `${path}${search}`, {
              token: world.tokens.admin,
              ...(body && 'raw' in body
                ? { rawBody: body.raw, headers: { 'content-type': 'application/json' } }
                : {}),
              ...(body && 'json' in body ? { body: body.json } : {}),
            });
            expect(response.status, JSON.stringify({ input, body: response.body })).toBeLessThan(500);
            if (response.status >= 400)
              expect(ErrorBody.safeParse(response.body).success, JSON.stringify(response.body)).toBe(true);
            if (!isValid(route, input)) {
              expect(response.status).toBeGreaterThanOrEqual(400);
              expect(writes.count(), `${route.method} ${path} wrote on invalid input`).toBe(0);
            }
          },
        ),
        { numRuns: RUNS },
      );
      expect(generated).toBeGreaterThanOrEqual(RUNS);
    });
  }
});

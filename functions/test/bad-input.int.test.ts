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

/**
 * Text that fits a schema's character limits yet breaks what comes after: half a surrogate pair
 * (no valid UTF-8), line breaks, direction controls and invisible-only names, and text whose UTF-8
 * size is three times its length (a log full of it would pass DynamoDB's item limit).
 */
const hostileText = fc.oneof(
  fc.constantFrom(
    '\ud800',
    'photo\udc00.jpg',
    'x\ud83d',
    'Kano\r\nBcc: all@example.org',
    'invoice\u202Egpj.html',
    'Name\u2066x\u2069',
    '\u200E\u200F\u061C',
    '\u200B\u200B\u200D\uFEFF',
    'bell\u0007',
    'አ'.repeat(10_000),
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/**
 * A cursor shaped like a real one (the attributes of the table and an index), with partitions the
 * lists use and sort keys far outside any date or time range a query may bound them to.
 */
const forgedCursor = fc
  .record({
    pk: fc.constantFrom('LOG#00000000-0000-4000-8000-000000000001', 'x'),
    sk: fc.constantFrom('LOG', 'x'),
    index: fc.constantFrom('gsi1', 'gsi2', 'gsi3', 'gsi5'),
    partition: fc.constantFrom('LOGS', 'AUDIT', 'FU#OPEN', 'x'),
    sortKey: fc.constantFrom('0000-01-01#x', '9999-12-31#x', '~', '', '2030-06-01T00:00:00.000Z#x'),
  })
  .map(({ pk, sk, index, partition, sortKey }) =>
    Buffer.from(JSON.stringify({ pk, sk, [`${index}pk`]: partition, [`${index}sk`]: sortKey })).toString(
      'base64url',
    ),
  );

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
    hostileText,
    fc.array(hostileText, { maxLength: 3 }),
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
      fc.constantFrom('', '-1', '0', '101', 'true', 'null', '2030-01-01', '2030-01-01T00:00:00Z'),
      hostileText.filter((t) => t.length < 100),
      forgedCursor,
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
  // A URL carries Unicode scalar values only: a lone surrogate in a query value arrives as U+FFFD.
  const query = Object.fromEntries(new URLSearchParams(input.query));
  if (route.query ? !route.query.safeParse(query).success : Object.keys(query).length > 0) return false;
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

const cursorOf = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('input within the schemas that used to reach a 500', () => {
  it('refuses a forged cursor whose sort key lies outside the query’s range', async () => {
    const logs = cursorOf({
      pk: 'LOG#00000000-0000-4000-8000-000000000001',
      sk: 'LOG',
      gsi1pk: 'LOGS',
      gsi1sk: '2001-01-01#00000000-0000-4000-8000-000000000001',
    });
    const audit = cursorOf({
      pk: 'AUDIT#user#x',
      sk: '2001-01-01T00:00:00.000Z#x',
      gsi2pk: 'AUDIT',
      gsi2sk: '2001-01-01T00:00:00.000Z#x',
    });
    for (const path of [
      `/api/mentorship-logs?from=2030-01-01&to=2030-12-31&cursor=${logs}`,
      `/api/mentorship-logs?from=2030-01-01&cursor=${logs}`,
      `/api/audit-logs?from=2030-01-01T00:00:00Z&to=2030-12-31T00:00:00Z&cursor=${audit}`,
    ]) {
      writes.reset();
      const response = await stack.api.get(path, world.tokens.admin);
      expect(response.status, path).toBe(400);
      expect(ErrorBody.parse(response.body).error.details).toEqual([
        { path: 'cursor', message: 'is not valid for this list' },
      ]);
    }
  });

  it('refuses a log whose text passes the character limits but not the UTF-8 size cap, writing nothing', async () => {
    const log = await world.logs.inStatus('draft');
    const big = 'አ'.repeat(10_000); // 10 000 characters, 30 000 bytes
    writes.reset();
    const response = await stack.api.put(
      `/api/mentorship-logs/${log.id}`,
      {
        version: log.version,
        performance_summary: big,
        identified_gaps: big,
        trends_summary: big,
        progress_made: big,
        resources_needed: big,
      },
      world.tokens.ownerMentor,
    );
    expect(response.status).toBe(413);
    expect(ErrorBody.parse(response.body).error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/at most 120 KB/),
    });
    expect(writes.count()).toBe(0);
  });

  it.each([
    ['a lone surrogate', 'Kano\ud800 Clinic'],
    ['a line break', 'Kano\r\nBcc: all@example.org'],
    ['a direction override', 'Kano \u202EcinilC'],
    ['only zero-width characters', '\u200B\u200B\u200B'],
  ])('refuses a facility name with %s', async (_, name) => {
    writes.reset();
    const response = await stack.api.post(
      '/api/facilities',
      { name, code: `BI-${Date.now()}`, state: 'Kano', facility_type: 'clinic' },
      world.tokens.admin,
    );
    expect(response.status).toBe(400);
    expect(ErrorBody.parse(response.body).error.details?.map((d) => d.path)).toEqual(['name']);
    expect(writes.count()).toBe(0);
  });

  it('refuses a person name with a line break, and a comment with a lone surrogate', async () => {
    const user = await stack.api.put(
      `/api/users/${world.users.otherMentor.id}`,
      { version: 1, name: 'Amina\nBello' },
      world.tokens.admin,
    );
    expect(user.status).toBe(400);
    const log = await world.logs.inStatus('submitted');
    const returned = await stack.api.post(
      `/api/mentorship-logs/${log.id}/return`,
      { version: log.version, comment: 'Fix \udc00 this' },
      world.tokens.supervisorInScope,
    );
    expect(returned.status).toBe(400);
  });
});

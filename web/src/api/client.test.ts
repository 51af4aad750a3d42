import { IdPath } from '@dml/shared/api/common';
import { everyone, type RouteDef } from '@dml/shared/routes/define';
import { systemRoutes } from '@dml/shared/routes/system';
import * as z from '@dml/shared/zod';
import { fetchAuthSession, signOut } from 'aws-amplify/auth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onSessionEvent, type SessionEvent } from '../auth/sessionEvents.ts';
import { jsonResponse, meFor } from '../test/fixtures.ts';
import { ApiError } from './ApiError.ts';
import { createApiClient, fillPath, queryString } from './client.ts';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

/** A creating POST with path params, a query and a body, like the feature routes to come. */
const createNote = {
  method: 'POST',
  path: '/api/things/{id}/notes',
  fn: 'test',
  auth: everyone,
  tag: 'test',
  summary: 'Test route',
  params: IdPath,
  query: z.strictObject({ notify: z.optional(z.enum(['yes', 'no'])) }),
  body: z.strictObject({ text: z.string() }),
  response: z.object({ id: z.string(), text: z.string() }),
  status: 201,
  idempotent: true,
} as const satisfies RouteDef;

const THING_ID = '5e0c6a2f-4b1d-4c3e-9f8a-7b6c5d4e3f2a';

const tokens = (value: string) =>
  ({ tokens: { accessToken: { toString: () => value, payload: {} } } }) as unknown as Awaited<
    ReturnType<typeof fetchAuthSession>
  >;

const errorReply = (status: number, code: string, message: string, extra: object = {}) =>
  jsonResponse({ error: { code, message, ...extra } }, status);

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let events: SessionEvent[];
let unsubscribe: () => void;

const client = () => createApiClient({ baseUrl: 'https://api.test/prod/', fetch: fetchMock });
const sentHeaders = (call: number) => new Headers(fetchMock.mock.calls[call]?.[1]?.headers);

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>();
  vi.mocked(fetchAuthSession).mockImplementation(async (options) =>
    tokens(options?.forceRefresh ? 'fresh-token' : 'first-token'),
  );
  vi.mocked(signOut).mockResolvedValue(undefined);
  events = [];
  unsubscribe = onSessionEvent((event) => events.push(event));
});

afterEach(() => {
  unsubscribe();
  vi.clearAllMocks();
});

describe('fillPath and queryString', () => {
  it('fills and encodes path parameters', () => {
    expect(fillPath('/api/users/{id}/facilities/{facilityId}', { id: 'a b', facilityId: 'x/y' })).toBe(
      '/api/users/a%20b/facilities/x%2Fy',
    );
  });

  it('refuses to build a path with a missing parameter', () => {
    expect(() => fillPath('/api/users/{id}', {})).toThrow('Missing path parameter "id"');
  });

  it('skips empty query values and repeats array values', () => {
    expect(queryString({ limit: 10, cursor: undefined, state: ['Kano', 'Kaduna'] })).toBe(
      '?limit=10&state=Kano&state=Kaduna',
    );
    expect(queryString({})).toBe('');
  });
});

describe('createApiClient', () => {
  it('sends GET /api/auth/me under the API prefix with the bearer access token and parses the body', async () => {
    const me = meFor('mentor');
    fetchMock.mockResolvedValue(jsonResponse(me));

    const result = await client().request(systemRoutes.authMe);

    expect(result).toEqual(me);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('https://api.test/prod/api/auth/me');
    expect(init?.method).toBe('GET');
    expect(sentHeaders(0).get('authorization')).toBe('Bearer first-token');
    expect(init?.body).toBeUndefined();
  });

  it('builds the path and query from params and sends the body as JSON with an idempotency key', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'n1', text: 'hello' }, 201));

    await client().request(createNote, {
      params: { id: THING_ID },
      query: { notify: 'yes' },
      body: { text: 'hello' },
      idempotencyKey: 'key-123',
    });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`https://api.test/prod/api/things/${THING_ID}/notes?notify=yes`);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"text":"hello"}');
    expect(sentHeaders(0).get('content-type')).toBe('application/json');
    expect(sentHeaders(0).get('idempotency-key')).toBe('key-123');
  });

  it('generates an idempotency key for a creating POST when none is given', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'n1', text: 'hi' }, 201));

    await client().request(createNote, { params: { id: THING_ID }, body: { text: 'hi' } });

    expect(sentHeaders(0).get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('throws an ApiError carrying the error body and status', async () => {
    fetchMock.mockResolvedValue(
      errorReply(409, 'invalid_transition', 'This log cannot be approved now.', {
        details: [{ path: 'version', message: 'is stale' }],
        current: { version: 4 },
        allowed_actions: ['withdraw'],
      }),
    );

    const error = await client()
      .request(systemRoutes.authMe)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'invalid_transition',
      message: 'This log cannot be approved now.',
      details: [{ path: 'version', message: 'is stale' }],
      current: { version: 4 },
      allowedActions: ['withdraw'],
    });
  });

  it('maps a reply without the error shape (e.g. a proxy 502) to a generic error for its status', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));

    await expect(client().request(systemRoutes.authMe)).rejects.toMatchObject({
      status: 502,
      code: 'internal_error',
    });
  });

  it('reports a network failure as a retryable network_error with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    const error = await client()
      .request(systemRoutes.authMe)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: 'network_error', isRetryable: true });
  });

  it('rejects a success body that does not match the shared response schema', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'not-a-user' }));

    await expect(client().request(systemRoutes.authMe)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('after a 401 unauthorized (role changed) refreshes the token once and retries with the same key', async () => {
    fetchMock
      .mockResolvedValueOnce(errorReply(401, 'unauthorized', 'Your role has changed; sign in again.'))
      .mockResolvedValueOnce(jsonResponse({ id: 'n1', text: 'hi' }, 201));

    const result = await client().request(createNote, { params: { id: THING_ID }, body: { text: 'hi' } });

    expect(result).toEqual({ id: 'n1', text: 'hi' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchAuthSession).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(sentHeaders(1).get('authorization')).toBe('Bearer fresh-token');
    expect(sentHeaders(1).get('idempotency-key')).toBe(sentHeaders(0).get('idempotency-key'));
    expect(events).toEqual([{ type: 'refreshed' }]);
    expect(signOut).not.toHaveBeenCalled();
  });

  it('signs out when the retry after a refresh is still unauthorized', async () => {
    fetchMock.mockImplementation(async () => errorReply(401, 'unauthorized', 'Token rejected'));

    await expect(client().request(systemRoutes.authMe)).rejects.toMatchObject({ status: 401 });

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(signOut).toHaveBeenCalledOnce();
    expect(events).toContainEqual({
      type: 'ended',
      message: 'Your session has ended. Please sign in again.',
    });
  });

  it('signs out and passes on the message when the account is disabled', async () => {
    fetchMock.mockResolvedValue(errorReply(401, 'account_disabled', 'Your account has been disabled.'));

    await expect(client().request(systemRoutes.authMe)).rejects.toMatchObject({ code: 'account_disabled' });

    expect(fetchMock).toHaveBeenCalledOnce();
    expect(signOut).toHaveBeenCalledOnce();
    expect(events).toEqual([{ type: 'ended', message: 'Your account has been disabled.' }]);
  });

  it('ends the session without calling the API when there is no token', async () => {
    vi.mocked(fetchAuthSession).mockResolvedValue({} as Awaited<ReturnType<typeof fetchAuthSession>>);

    await expect(client().request(systemRoutes.authMe)).rejects.toMatchObject({ status: 401 });

    expect(fetchMock).not.toHaveBeenCalled();
    expect(events).toEqual([{ type: 'ended', message: 'Your session has ended. Please sign in again.' }]);
  });

  it('does not refresh or send a token for public routes', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ status: 'ok', checks: { table: 'reachable' }, time: '2026-01-05T08:00:00Z' }),
    );

    await client().request(systemRoutes.health);

    expect(fetchAuthSession).not.toHaveBeenCalled();
    expect(sentHeaders(0).has('authorization')).toBe(false);
  });
});

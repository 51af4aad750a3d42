import { fetchAuthSession } from 'aws-amplify/auth';
import { vi } from 'vitest';
import { jsonResponse } from './fixtures.ts';
import { clientWithFetch } from './render.tsx';

/** What a fake route receives. */
export type FakeRequest = {
  method: string;
  url: URL;
  /** Path parameters by name, from `{id}` in the route key. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
};

/** A reply: a `Response`, or any value (sent as a 200 JSON body). */
type Handler = (request: FakeRequest) => unknown;

const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) params[name] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
};

/**
 * The API at the fetch boundary, for page tests: routes keyed `"METHOD /api/path/{id}"`, each answering
 * with a value (200 JSON) or a Response. Unknown routes answer 404. Requests go through the real client,
 * so responses are checked against the shared schemas exactly as in the app. Test files must mock
 * `aws-amplify/auth` and call `mockAccessToken()`.
 */
export const fakeApi = (routes: Record<string, Handler>) => {
  const requests: FakeRequest[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    for (const [key, handler] of Object.entries(routes)) {
      const [routeMethod, pattern = ''] = key.split(' ');
      const params = routeMethod === method ? matchPath(pattern, url.pathname) : null;
      if (!params) continue;
      const request: FakeRequest = {
        method,
        url,
        params,
        query: url.searchParams,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: new Headers(init?.headers),
      };
      requests.push(request);
      const reply = await handler(request);
      return reply instanceof Response ? reply : jsonResponse(reply);
    }
    return jsonResponse(
      { error: { code: 'not_found', message: `No fake for ${method} ${url.pathname}` } },
      404,
    );
  });
  /** The requests sent to one route key, e.g. `requestsTo('GET /api/users')`. */
  const requestsTo = (key: string) => {
    const [method, pattern = ''] = key.split(' ');
    return requests.filter((r) => r.method === method && matchPath(pattern, r.url.pathname));
  };
  return { fetch, client: clientWithFetch(fetch), requests, requestsTo };
};

/** An API error reply in the shared error shape. */
export const errorReply = (status: number, code: string, message: string, extra: object = {}) =>
  jsonResponse({ error: { code, message, ...extra } }, status);

/** The API client asks Amplify for the access token; give it one. */
export const mockAccessToken = () =>
  vi.mocked(fetchAuthSession).mockResolvedValue({
    tokens: { accessToken: { toString: () => 'token', payload: {} } },
  } as unknown as Awaited<ReturnType<typeof fetchAuthSession>>);

/** A reply that never arrives (to see loading states). */
export const never = () => new Promise<never>(() => {});

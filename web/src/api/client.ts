import { ErrorBody } from '@dml/shared/api/errors';
import type { RouteDef } from '@dml/shared/routes/define';
import type * as z from '@dml/shared/zod';
import { fetchAuthSession, signOut } from 'aws-amplify/auth';
import { emitSessionEvent } from '../auth/sessionEvents.ts';
import { ApiError, fallbackError } from './ApiError.ts';

/** What a call to `route` needs: params, query and body typed from the route's own zod schemas. */
export type RequestOptions<R extends RouteDef> = (R extends { params: infer P extends z.core.$ZodType }
  ? { params: z.input<P> }
  : { params?: never }) &
  (R extends { query: infer Q extends z.core.$ZodType } ? { query?: z.input<Q> } : { query?: never }) &
  (R extends { body: infer B extends z.core.$ZodType } ? { body: z.input<B> } : { body?: never }) & {
    /** Creating POSTs: pass the same key for every retry of one submission (see `useIdempotencyKey`). */
    idempotencyKey?: string;
    signal?: AbortSignal;
  };

export type ResponseOf<R extends RouteDef> = z.output<R['response']>;

/** Options may be left out when nothing in them is required (e.g. `api.request(routes.authMe)`). */
type OptionsArg<R extends RouteDef> =
  object extends RequestOptions<R> ? [options?: RequestOptions<R>] : [options: RequestOptions<R>];

export type ApiClient = {
  request: <R extends RouteDef>(route: R, ...options: OptionsArg<R>) => Promise<ResponseOf<R>>;
};

const NETWORK_MESSAGE = "Can't reach the server. Check your connection and try again.";
const SESSION_ENDED_MESSAGE = 'Your session has ended. Please sign in again.';

/** `/api/users/{id}` + `{ id: 'a b' }` → `/api/users/a%20b`. */
export const fillPath = (path: string, params: Record<string, unknown> = {}): string =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(String(value));
  });

/** Skips empty values; arrays repeat the key (`?state=A&state=B`). */
export const queryString = (query: Record<string, unknown> = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const toApiError = (status: number, body: unknown): ApiError => {
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? new ApiError(status, parsed.data.error) : fallbackError(status);
};

export const createApiClient = ({
  baseUrl,
  fetch: fetchImpl = (input, init) => globalThis.fetch(input, init),
}: {
  /** `apiUrl` from /config.json; may carry a path prefix (an API Gateway stage), so we concatenate. */
  baseUrl: string;
  fetch?: typeof fetch;
}): ApiClient => {
  const root = baseUrl.replace(/\/+$/, '');
  let refreshing: Promise<string | undefined> | null = null;

  const accessToken = async (forceRefresh: boolean): Promise<string | undefined> => {
    try {
      // Amplify refreshes expired tokens itself and returns no tokens once the refresh token is refused.
      const session = await fetchAuthSession({ forceRefresh });
      return session.tokens?.accessToken?.toString();
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, { code: 'network_error', message: NETWORK_MESSAGE });
    }
  };

  /** Several queries fail together after a role change: they share one refresh. */
  const refreshedToken = () => {
    refreshing ??= accessToken(true).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const endSession = async (message: string) => {
    try {
      await signOut();
    } catch {
      // Local tokens are cleared even when the global sign-out call fails; nothing else to do.
    }
    emitSessionEvent({ type: 'ended', message });
  };

  const request = async <R extends RouteDef>(
    route: R,
    ...[options]: OptionsArg<R>
  ): Promise<ResponseOf<R>> => {
    const opts = (options ?? {}) as RequestOptions<RouteDef>;
    const url = root + fillPath(route.path, opts.params) + queryString(opts.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    // One key per call at least, so the 401 retry below can never create twice.
    const idempotencyKey = opts.idempotencyKey ?? (route.idempotent ? crypto.randomUUID() : undefined);
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;

    const send = async (token: string | undefined) => {
      try {
        return await fetchImpl(url, {
          method: route.method,
          headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
          body,
          signal: opts.signal,
        });
      } catch (error) {
        if (isAbort(error)) throw error;
        throw new ApiError(0, { code: 'network_error', message: NETWORK_MESSAGE });
      }
    };

    const isPublic = route.auth === 'public';
    let token = isPublic ? undefined : await accessToken(false);
    if (!isPublic && !token) {
      await endSession(SESSION_ENDED_MESSAGE);
      throw fallbackError(401);
    }

    let response = await send(token);
    let error = response.ok ? undefined : toApiError(response.status, await readJson(response));

    // A 401 `unauthorized` means the token no longer matches the user (expired, or the role changed and
    // the server wants the new groups): refresh once and retry with the same body and idempotency key.
    if (error?.status === 401 && error.code === 'unauthorized' && !isPublic) {
      token = await refreshedToken();
      if (!token) {
        await endSession(SESSION_ENDED_MESSAGE);
        throw error;
      }
      emitSessionEvent({ type: 'refreshed' });
      response = await send(token);
      error = response.ok ? undefined : toApiError(response.status, await readJson(response));
      if (error?.status === 401) {
        await endSession(error.code === 'account_disabled' ? error.message : SESSION_ENDED_MESSAGE);
        throw error;
      }
    }
    if (error?.code === 'account_disabled') await endSession(error.message);
    if (error) throw error;

    if (response.status === 204) return undefined as ResponseOf<R>;
    const parsed = route.response.safeParse(await readJson(response));
    if (!parsed.success) {
      // The contract is shared, so this means the web app and the API are out of step (e.g. mid-deploy).
      throw new ApiError(response.status, {
        code: 'invalid_response',
        message: 'The server sent a reply this app does not understand. Reload the page and try again.',
      });
    }
    return parsed.data as ResponseOf<R>;
  };

  return { request };
};

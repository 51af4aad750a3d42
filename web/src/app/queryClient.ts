import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/ApiError.ts';

const MAX_QUERY_RETRIES = 2;

/** Retry only what may succeed next time (offline, 5xx, 429); a 4xx will fail the same way again. */
export const shouldRetryQuery = (failureCount: number, error: unknown): boolean =>
  isApiError(error) && error.isRetryable && failureCount < MAX_QUERY_RETRIES;

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        // Mentors are on slow, metered networks: reuse what we fetched for a minute, refetch on demand.
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        retry: shouldRetryQuery,
        refetchOnWindowFocus: false,
      },
      // Writes are retried by the user (with the same idempotency key), never silently.
      mutations: { retry: false },
    },
  });

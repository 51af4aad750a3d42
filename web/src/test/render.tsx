import type { Role } from '@dml/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router-dom';
import { vi } from 'vitest';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { type ApiClient, createApiClient } from '../api/client.ts';
import { AuthContext, type AuthContextValue } from '../auth/AuthContext.ts';

export const API_URL = 'https://api.test';

/** Auth state of someone signed in, with spies for the actions. */
export const signedInAs = (
  role: Role | null,
  email = `${role ?? 'someone'}@example.org`,
): AuthContextValue => ({
  state: { status: 'signedIn', session: { userId: 'user-1', email, role } },
  signIn: vi.fn(async () => {}),
  confirmNewPassword: vi.fn(async () => {}),
  restart: vi.fn(),
  signOut: vi.fn(async () => {}),
  retrySession: vi.fn(async () => {}),
});

/** A real API client over a fake `fetch` (tests must also mock `aws-amplify/auth` for the token). */
export const clientWithFetch = (fetch: typeof globalThis.fetch): ApiClient =>
  createApiClient({ baseUrl: API_URL, fetch });

/** An API client whose calls never settle: the UI stays in its loading state. */
export const pendingApi: ApiClient = { request: () => new Promise<never>(() => {}) };

type Options = { api?: ApiClient; auth?: AuthContextValue; path?: string; routes?: RouteObject[] };

/**
 * Renders `ui` (or a route tree) with the app's providers. Queries do not retry, so error states show at
 * once.
 */
export const renderWithProviders = (
  ui: ReactNode,
  { api = pendingApi, auth = signedInAs('mentor'), path = '/', routes }: Options = {},
) => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes ?? [{ path: '*', element: ui }], { initialEntries: [path] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <AuthContext value={auth}>
          <RouterProvider router={router} />
        </AuthContext>
      </ApiProvider>
    </QueryClientProvider>,
  );
  return { ...view, queryClient, router };
};

import { fireEvent, screen } from '@testing-library/react';
import type { RouteObject } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, signedInAs } from '../test/render.tsx';
import type { AuthContextValue } from './AuthContext.ts';
import { RequireAuth } from './RequireAuth.tsx';

const routes: RouteObject[] = [
  { path: '/sign-in', element: <h1>Sign-in page</h1> },
  {
    path: '/profile',
    element: (
      <RequireAuth>
        <h1>Private page</h1>
      </RequireAuth>
    ),
  },
];

const withState = (state: AuthContextValue['state']): AuthContextValue => ({
  ...signedInAs('mentor'),
  state,
});

describe('RequireAuth', () => {
  it('shows the page to a signed-in user', () => {
    renderWithProviders(null, { routes, path: '/profile' });

    expect(screen.getByRole('heading', { name: 'Private page' })).toBeDefined();
  });

  it('sends a signed-out user to sign in, remembering where they were going', () => {
    const { router } = renderWithProviders(null, {
      routes,
      path: '/profile',
      auth: withState({ status: 'signedOut' }),
    });

    expect(screen.getByRole('heading', { name: 'Sign-in page' })).toBeDefined();
    expect(router.state.location.state).toEqual({ from: '/profile' });
  });

  it('offers a retry instead of signing out when the session cannot be checked offline', () => {
    const auth = withState({ status: 'unreachable' });
    renderWithProviders(null, { routes, path: '/profile', auth });

    expect(screen.getByRole('alert').textContent).toContain("Can't reach the sign-in service");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(auth.retrySession).toHaveBeenCalledOnce();
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { confirmSignIn, fetchAuthSession, getCurrentUser, signIn } from 'aws-amplify/auth';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from './AuthProvider.tsx';
import { SignInPage } from './SignInPage.tsx';
import { emitSessionEvent } from './sessionEvents.ts';

vi.mock('aws-amplify/auth', () => ({
  signIn: vi.fn(),
  confirmSignIn: vi.fn(),
  signOut: vi.fn(async () => {}),
  fetchAuthSession: vi.fn(),
  getCurrentUser: vi.fn(),
}));

type SignInResult = Awaited<ReturnType<typeof signIn>>;
type AuthSession = Awaited<ReturnType<typeof fetchAuthSession>>;

const signedInSession = {
  tokens: {
    accessToken: { toString: () => 'token', payload: { 'cognito:groups': ['mentor'] } },
    idToken: { toString: () => 'id', payload: { email: 'new.mentor@example.org' } },
  },
} as unknown as AuthSession;

/** Cognito answers sign-in with "done" from now on. */
const becomeSignedIn = () => {
  vi.mocked(getCurrentUser).mockResolvedValue({ userId: 'u1', username: 'u1' });
  vi.mocked(fetchAuthSession).mockResolvedValue(signedInSession);
};

const renderSignIn = () => {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <h1>Signed-in home</h1> },
    ],
    { initialEntries: ['/sign-in'] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
};

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  vi.clearAllMocks();
  // Signed out: no current user, no tokens.
  vi.mocked(getCurrentUser).mockRejectedValue(
    Object.assign(new Error('not signed in'), { name: 'UserUnAuthenticatedException' }),
  );
  vi.mocked(fetchAuthSession).mockResolvedValue({} as AuthSession);
});

const signInWith = async (email: string, password: string) => {
  fill('Email address', email);
  fill('Password', password);
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('SignInPage', () => {
  it('signs in with USER_PASSWORD_AUTH and opens the home page', async () => {
    renderSignIn();
    await screen.findByRole('heading', { name: 'Sign in' });
    vi.mocked(signIn).mockImplementation(async () => {
      becomeSignedIn();
      return { isSignedIn: true, nextStep: { signInStep: 'DONE' } } as SignInResult;
    });

    await signInWith('mentor@example.org', 'DemoPassw0rd!');

    expect(await screen.findByRole('heading', { name: 'Signed-in home' })).toBeDefined();
    expect(signIn).toHaveBeenCalledWith({
      username: 'mentor@example.org',
      password: 'DemoPassw0rd!',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
  });

  it('shows a wrong password as "Incorrect email or password."', async () => {
    renderSignIn();
    await screen.findByRole('heading', { name: 'Sign in' });
    vi.mocked(signIn).mockRejectedValue(
      Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' }),
    );

    await signInWith('mentor@example.org', 'nope');

    expect((await screen.findByRole('alert')).textContent).toBe('Incorrect email or password.');
  });

  it('asks a first-time user to set a password, then signs them in', async () => {
    renderSignIn();
    await screen.findByRole('heading', { name: 'Sign in' });
    vi.mocked(signIn).mockResolvedValue({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' },
    } as SignInResult);
    vi.mocked(confirmSignIn).mockImplementation(async () => {
      becomeSignedIn();
      return { isSignedIn: true, nextStep: { signInStep: 'DONE' } } as SignInResult;
    });

    await signInWith('new.mentor@example.org', 'Temp-Passw0rd!');
    expect(await screen.findByRole('heading', { name: 'Set your password' })).toBeDefined();

    fill('New password', 'short');
    fill('Confirm new password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText('Use at least 12 characters')).toBeDefined();
    expect(confirmSignIn).not.toHaveBeenCalled();

    fill('New password', 'MyNewPassw0rd!');
    fill('Confirm new password', 'MyNewPassw0rd!');
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));

    expect(await screen.findByRole('heading', { name: 'Signed-in home' })).toBeDefined();
    expect(confirmSignIn).toHaveBeenCalledWith({ challengeResponse: 'MyNewPassw0rd!' });
  });

  it('shows why the session ended (e.g. account disabled) on the sign-in page', async () => {
    renderSignIn();
    await screen.findByRole('heading', { name: 'Sign in' });

    act(() => emitSessionEvent({ type: 'ended', message: 'Your account has been disabled.' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Your account has been disabled.'),
    );
  });
});

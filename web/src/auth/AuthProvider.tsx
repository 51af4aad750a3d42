import { useQueryClient } from '@tanstack/react-query';
import { signOut as amplifySignOut, type SignInOutput } from 'aws-amplify/auth';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AuthContext, type AuthContextValue, type AuthState } from './AuthContext.ts';
import { readSession } from './session.ts';
import { onSessionEvent } from './sessionEvents.ts';
import { UnsupportedSignInStepError } from './signInErrors.ts';

const signOutQuietly = async () => {
  try {
    await amplifySignOut();
  } catch {
    // Amplify clears the local tokens even when the revoke call fails (e.g. offline).
  }
};

const loadPasswordFlow = () => import('./passwordFlow.ts');

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  // The session-event listener subscribes once and reads the latest state through this ref.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const enterSession = useCallback(async () => {
    const session = await readSession();
    if (!session) throw new Error('Signed in, but no session could be read.');
    // Another person may have used this phone: never show their cached data.
    queryClient.clear();
    setState({ status: 'signedIn', session });
  }, [queryClient]);

  const afterStep = useCallback(
    async (result: SignInOutput, email: string) => {
      const step = result.nextStep.signInStep;
      if (result.isSignedIn || step === 'DONE') return enterSession();
      if (step === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') {
        setState({ status: 'newPasswordRequired', email });
        return;
      }
      throw new UnsupportedSignInStepError(step);
    },
    [enterSession],
  );

  /** Reads the stored session (after a reload, Amplify keeps the tokens in localStorage). */
  const restore = useCallback(async () => {
    try {
      const session = await readSession();
      return session ? ({ status: 'signedIn', session } as const) : ({ status: 'signedOut' } as const);
    } catch {
      // Offline with an expired access token: the session may be fine, so do not send them to sign in.
      return { status: 'unreachable' } as const;
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void restore().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [restore]);

  // What the API client learned: the role may have changed, or the session is over.
  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type === 'ended') {
          queryClient.clear();
          setState({ status: 'signedOut', notice: event.message });
          return;
        }
        readSession()
          .then((session) => {
            const current = stateRef.current;
            if (!session || current.status !== 'signedIn') return;
            if (session.role !== current.session.role) {
              setState({ status: 'signedIn', session });
              // What a user may see depends on the role: refetch everything under the new one.
              void queryClient.invalidateQueries();
            }
          })
          .catch(() => {
            // Offline right after a refresh: the next API call refreshes again and reports it.
          });
      }),
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      signIn: async (email, password) => {
        const { passwordSignIn } = await loadPasswordFlow();
        await afterStep(await passwordSignIn(email, password), email);
      },
      confirmNewPassword: async (password) => {
        const { submitNewPassword } = await loadPasswordFlow();
        const email = state.status === 'newPasswordRequired' ? state.email : '';
        await afterStep(await submitNewPassword(password), email);
      },
      restart: () => setState({ status: 'signedOut' }),
      retrySession: async () => {
        setState({ status: 'loading' });
        setState(await restore());
      },
      signOut: async () => {
        await signOutQuietly();
        queryClient.clear();
        setState({ status: 'signedOut' });
      },
    }),
    [state, afterStep, queryClient, restore],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
};

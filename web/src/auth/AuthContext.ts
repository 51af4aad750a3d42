import { createContext, use } from 'react';
import type { Session } from './session.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; notice?: string }
  /** First sign-in with the temporary password an admin's invitation email carried. */
  | { status: 'newPasswordRequired'; email: string }
  | { status: 'signedIn'; session: Session }
  /** A stored session could not be checked (offline while the access token needed a refresh). */
  | { status: 'unreachable' };

export type AuthContextValue = {
  state: AuthState;
  /** Rejects with the Cognito error; `signInErrorMessage` turns it into text for people. */
  signIn: (email: string, password: string) => Promise<void>;
  confirmNewPassword: (password: string) => Promise<void>;
  /** Leave the new-password step and start again from the sign-in form. */
  restart: () => void;
  signOut: () => Promise<void>;
  /** Check the stored session again, after `unreachable`. */
  retrySession: () => Promise<void>;
};

export const AuthContext = createContext<AuthContextValue | null>(null);

export const useAuth = (): AuthContextValue => {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
};

import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageStatus } from '../components/FullPageStatus.tsx';
import { AuthLayout } from '../layout/AuthLayout.tsx';
import { useAuth } from './AuthContext.ts';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { SignInForm } from './SignInForm.tsx';

/** Where RequireAuth came from; only in-app paths, so the page cannot be used as an open redirect. */
const returnPath = (state: unknown): string => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
};

export const SignInPage = () => {
  const { state, signIn, confirmNewPassword, restart } = useAuth();
  const location = useLocation();

  // Fetch Amplify's sign-in code while the person types, not after they press "Sign in".
  useEffect(() => {
    void import('./passwordFlow.ts');
  }, []);

  if (state.status === 'loading') return <FullPageStatus>Checking your session…</FullPageStatus>;
  if (state.status === 'signedIn') return <Navigate to={returnPath(location.state)} replace />;

  if (state.status === 'newPasswordRequired') {
    return (
      <AuthLayout title="Set your password">
        <title>Set your password · Digital Mentorship Log</title>
        <NewPasswordForm
          email={state.email}
          onSubmit={({ password }) => confirmNewPassword(password)}
          onCancel={restart}
        />
      </AuthLayout>
    );
  }

  // Why the last session ended (e.g. account disabled), if it did.
  const notice = state.status === 'signedOut' ? state.notice : undefined;
  return (
    <AuthLayout title="Sign in">
      <title>Sign in · Digital Mentorship Log</title>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <SignInForm onSubmit={({ email, password }) => signIn(email, password)} />
    </AuthLayout>
  );
};

import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState } from '../components/ErrorState.tsx';
import { FullPageStatus } from '../components/FullPageStatus.tsx';
import { useAuth } from './AuthContext.ts';

/** Renders its children only when signed in; otherwise sends the user to sign in and back here after. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const { state, retrySession } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageStatus>Checking your session…</FullPageStatus>;
  if (state.status === 'unreachable') {
    return (
      <div className="auth-layout">
        <ErrorState
          title="Can't reach the sign-in service"
          message="Your session needs a connection to be checked. Check your connection and try again."
          onRetry={() => void retrySession()}
        />
      </div>
    );
  }
  if (state.status !== 'signedIn') {
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
};

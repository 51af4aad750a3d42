import type { Role } from '@dml/shared/roles';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useViewer } from '../layout/useViewer.ts';

/**
 * Shows a page only to the roles that may use it; others get a plain explanation instead of a page of
 * 403 errors (the API enforces the same rule either way).
 */
export const RequireRole = ({ roles, children }: { roles: readonly Role[]; children: ReactNode }) => {
  const { role } = useViewer();
  if (role && roles.includes(role)) return children;
  return (
    <>
      <title>Not available · Digital Mentorship Log</title>
      <section className="state">
        <h1 className="state__title">You don't have access to this page</h1>
        <p>
          It is for {roles.map((r) => `${r}s`).join(' and ')} only. <Link to="/">Go to your home page</Link>.
        </p>
      </section>
    </>
  );
};

import type { ReactNode } from 'react';

/** A whole-screen message while the app cannot show anything else yet (session check, lazy page). */
export const FullPageStatus = ({ children }: { children: ReactNode }) => (
  <div className="full-page-status" role="status">
    <p>{children}</p>
  </div>
);

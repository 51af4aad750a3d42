import type { Role } from '@dml/shared';

/** The role as plain lowercase text ("mentor"), so people and end-to-end tests read the same thing. */
export const RoleBadge = ({ role }: { role: Role }) => (
  <span className={`role-badge role-badge--${role}`} data-testid="role-badge">
    {role}
  </span>
);

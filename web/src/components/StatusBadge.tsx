/** "Active" / "Inactive" for a user account, in words (not colour alone). */
export const StatusBadge = ({ active }: { active: boolean }) => (
  <span className={active ? 'status-badge' : 'status-badge status-badge--inactive'}>
    {active ? 'Active' : 'Inactive'}
  </span>
);

import type { Role } from '@dml/shared';

export type NavItem = {
  label: string;
  to: string;
  /** Highlight only on this exact path (needed for "/", which prefixes every path). */
  end?: boolean;
};

const home: NavItem = { label: 'Home', to: '/', end: true };
const dashboard: NavItem = { label: 'Dashboard', to: '/dashboard' };
const profile: NavItem = { label: 'Profile', to: '/profile' };
const users: NavItem = { label: 'Users', to: '/users' };
const facilities: NavItem = { label: 'Facilities', to: '/facilities' };
const myFacilities: NavItem = { label: 'My facilities', to: '/facilities' };
const auditLog: NavItem = { label: 'Audit log', to: '/audit' };
const myLogs: NavItem = { label: 'My logs', to: '/logs' };
const logs: NavItem = { label: 'Logs', to: '/logs' };
const reviewQueue: NavItem = { label: 'Review queue', to: '/review' };
const followUps: NavItem = { label: 'Follow-ups', to: '/follow-ups' };

/**
 * Each role's sidebar, in display order. Add an entry in the same change that adds its page to
 * app/router.tsx (a test checks every entry resolves to a real page). New entries go between Home and
 * Profile.
 */
export const navByRole: Record<Role, readonly NavItem[]> = {
  mentor: [home, dashboard, myLogs, followUps, myFacilities, profile],
  supervisor: [home, dashboard, reviewQueue, logs, followUps, facilities, users, profile],
  admin: [home, dashboard, logs, reviewQueue, followUps, users, facilities, auditLog, profile],
};

/** Until the role is known (profile not loaded, no group in the token) show only what everyone has. */
export const navFor = (role: Role | null): readonly NavItem[] => (role ? navByRole[role] : [home, profile]);

import type { Role } from '@dml/shared';
import { useMe } from '../api/useMe.ts';
import { useAuth } from '../auth/AuthContext.ts';

export type Viewer = { name: string; email: string; role: Role | null };

/**
 * Who is using the app, for the shell: the server's profile once loaded, the token's claims until then
 * (so the menu and the role's navigation show at once, even offline).
 */
export const useViewer = (): Viewer => {
  const { state } = useAuth();
  const { data: me } = useMe();
  const session = state.status === 'signedIn' ? state.session : null;
  return {
    name: me?.name ?? session?.email ?? '',
    email: me?.email ?? session?.email ?? '',
    role: me?.role ?? session?.role ?? null,
  };
};

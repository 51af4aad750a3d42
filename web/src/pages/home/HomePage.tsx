import type { Me, Role } from '@dml/shared';
import type { ComponentType } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useMe } from '../../api/useMe.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { PageSkeleton } from '../../components/Skeleton.tsx';
import { AdminHome } from './AdminHome.tsx';
import { MentorHome } from './MentorHome.tsx';
import { SupervisorHome } from './SupervisorHome.tsx';

/** Each role's home content; features add their dashboard cards and lists to these. */
const roleHomes: Record<Role, ComponentType<{ me: Me }>> = {
  mentor: MentorHome,
  supervisor: SupervisorHome,
  admin: AdminHome,
};

export const HomePage = () => {
  const me = useMe();

  if (me.isPending) return <PageSkeleton label="Loading your home page…" />;
  if (me.isError) {
    return (
      <ErrorState
        title="We couldn't load your home page"
        message={errorMessage(me.error)}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }

  const user = me.data;
  const RoleHome = roleHomes[user.role];
  const about = [user.designation, user.region_state].filter(Boolean).join(' · ');
  return (
    <>
      <title>Home · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">Welcome, {user.name}</h1>
        <p className="page-header__meta">
          <RoleBadge role={user.role} />
          {about && <span>{about}</span>}
        </p>
      </header>
      <RoleHome me={user} />
    </>
  );
};

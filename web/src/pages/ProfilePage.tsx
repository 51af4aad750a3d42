import type { Me } from '@dml/shared';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/ApiError.ts';
import { useMe } from '../api/useMe.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { PageSkeleton } from '../components/Skeleton.tsx';
import { plural } from '../lib/text.ts';
import { ReminderEmailsToggle } from './ReminderEmailsToggle.tsx';

const NotSet = () => <span className="muted">Not set</span>;

const facilityScope = (me: Me) =>
  me.role === 'admin'
    ? `All facilities (${plural(me.facility_count, 'facility', 'facilities')})`
    : me.facility_count === 0
      ? 'None assigned yet'
      : plural(me.facility_count, 'facility', 'facilities');

export const ProfilePage = () => {
  const me = useMe();

  if (me.isPending) return <PageSkeleton label="Loading your profile…" />;
  if (me.isError) {
    return (
      <ErrorState
        title="We couldn't load your profile"
        message={errorMessage(me.error)}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }

  const user = me.data;
  const rows: [string, ReactNode][] = [
    ['Name', user.name],
    ['Email', user.email],
    ['Role', <RoleBadge key="role" role={user.role} />],
    ['Designation', user.designation ?? <NotSet />],
    ['Region / state', user.region_state ?? <NotSet />],
    ['Phone', user.phone ?? <NotSet />],
    ['Facilities', facilityScope(user)],
  ];
  return (
    <>
      <title>Profile · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">Your profile</h1>
      </header>
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term} className="details__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ReminderEmailsToggle me={user} />
    </>
  );
};

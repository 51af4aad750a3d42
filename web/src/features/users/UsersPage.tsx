import type { User } from '@dml/shared/api/users';
import { isRole } from '@dml/shared/roles';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DebouncedTextField } from '../../components/DebouncedTextField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { NoMatches } from '../../components/NoMatches.tsx';
import { ResultsRegion } from '../../components/ResultsRegion.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { EMPTY } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { type UserFilters, useUserList } from './api.ts';
import { InviteUserDialog } from './InviteUserDialog.tsx';
import { roleOptions } from './labels.ts';

const FILTER_KEYS = ['q', 'role', 'state', 'active'] as const;
type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

/** The URL's filter values as the API's query (unknown values are ignored, not sent). */
export const toUserQuery = (values: FilterValues): UserFilters => ({
  q: values.q.trim() || undefined,
  role: isRole(values.role) ? values.role : undefined,
  region_state: values.state.trim() || undefined,
  is_active: values.active === 'true' || values.active === 'false' ? values.active : undefined,
});

const UserRows = ({ users }: { users: readonly User[] }) => (
  <table className="data-table">
    <caption className="visually-hidden">Users</caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Email</th>
        <th scope="col">Role</th>
        <th scope="col">Region / state</th>
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody>
      {users.map((user) => (
        <tr key={user.id}>
          <th scope="row" className="data-table__title">
            <Link to={`/users/${user.id}`}>{user.name}</Link>
          </th>
          <td data-label="Email" className="data-table__wrap">
            {user.email}
          </td>
          <td data-label="Role">
            <RoleBadge role={user.role} />
          </td>
          <td data-label="Region / state">{user.region_state ?? EMPTY}</td>
          <td data-label="Status">
            <StatusBadge active={user.is_active} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/**
 * Programme users. Admins see everyone and invite, edit and deactivate (on each user's page);
 * supervisors see, read-only, the users who share a facility with them.
 */
export const UsersPage = () => {
  const { role } = useViewer();
  const isAdmin = role === 'admin';
  const filters = useUrlFilters(FILTER_KEYS);
  const list = useUserList(toUserQuery(filters.values));
  const [inviting, setInviting] = useState(false);

  const emptyState = () => {
    if (filters.active) {
      return (
        <NoMatches
          title="No users match these filters"
          suggestion="Try another name or state"
          onClear={filters.clear}
        />
      );
    }
    return isAdmin ? (
      <EmptyState title="No users yet">
        Invite the programme's mentors and supervisors with "Invite user".
      </EmptyState>
    ) : (
      <EmptyState title="No users share your facilities yet">
        Users appear here once they are assigned to the facilities you supervise.
      </EmptyState>
    );
  };

  return (
    <>
      <title>Users · Digital Mentorship Log</title>
      <header className="page-header page-header--actions">
        <h1 className="page-header__title">Users</h1>
        {isAdmin && (
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            Invite user
          </button>
        )}
      </header>
      {!isAdmin && (
        <p className="page-lead">The mentors and supervisors who work at the facilities you supervise.</p>
      )}

      <FilterBar label="Filter users" canClear={filters.active} onClear={filters.clear}>
        <DebouncedTextField
          label="Search"
          type="search"
          hint="Start of a name, or a whole email address"
          autoComplete="off"
          spellCheck={false}
          value={filters.values.q}
          onCommit={(value) => filters.setFilter('q', value)}
        />
        <SelectField
          label="Role"
          value={isRole(filters.values.role) ? filters.values.role : ''}
          onChange={(event) => filters.setFilter('role', event.target.value)}
          options={[{ value: '', label: 'All roles' }, ...roleOptions]}
        />
        <DebouncedTextField
          label="State"
          autoComplete="off"
          value={filters.values.state}
          onCommit={(value) => filters.setFilter('state', value)}
        />
        <SelectField
          label="Status"
          value={filters.values.active}
          onChange={(event) => filters.setFilter('active', event.target.value)}
          options={[
            { value: '', label: 'Active and inactive' },
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Inactive' },
          ]}
        />
      </FilterBar>

      <ResultsRegion label="Users" stale={list.isPlaceholderData}>
        <ListResults
          list={list}
          loadingLabel="Loading users…"
          errorTitle="We couldn't load the users"
          empty={emptyState()}
          summary={`Showing ${plural(list.items.length, 'user', 'users')}`}
        >
          {(users) => <UserRows users={users} />}
        </ListResults>
      </ResultsRegion>

      {inviting && <InviteUserDialog onClose={() => setInviting(false)} />}
    </>
  );
};

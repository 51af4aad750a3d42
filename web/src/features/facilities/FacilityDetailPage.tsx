import type { Facility } from '@dml/shared/api/facilities';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { RecordStatus } from '../../components/RecordStatus.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { formatDate } from '../../lib/format.ts';
import { useFacility, useFacilityUsers } from './api.ts';
import { DeleteFacilityDialog } from './DeleteFacilityDialog.tsx';
import type { FacilitiesLocationState } from './FacilitiesPage.tsx';
import { FacilityFormDialog } from './FacilityFormDialog.tsx';
import { facilityKeys } from './keys.ts';
import { facilityTypeLabels } from './labels.ts';

const NotSet = () => <span className="muted">Not set</span>;

const AssignedUsers = ({ facility, canOpenUsers }: { facility: Facility; canOpenUsers: boolean }) => {
  const users = useFacilityUsers(facility.id, true);

  const body = () => {
    if (users.isPending || users.isError) {
      return (
        <QueryStatus
          query={users}
          loadingLabel="Loading assigned users…"
          rows={2}
          errorTitle="We couldn't load who covers this facility"
        />
      );
    }
    if (users.data.items.length === 0) {
      return <EmptyState title="Nobody is assigned to this facility yet" />;
    }
    return (
      <ul className="item-list" aria-label={`Users assigned to ${facility.name}`}>
        {users.data.items.map((user) => (
          <li key={user.id} className="item-list__item">
            {canOpenUsers ? (
              <Link to={`/users/${user.id}`} className="item-list__title">
                {user.name}
              </Link>
            ) : (
              <span className="item-list__title">{user.name}</span>
            )}
            <span className="item-list__meta">
              <RoleBadge role={user.role} />
              {!user.is_active && <StatusBadge active={false} />}
              <span className="muted">
                {[user.designation, `since ${formatDate(user.assigned_at)}`].filter(Boolean).join(' · ')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section className="section" aria-labelledby="facility-users">
      <div className="section__header">
        <h2 id="facility-users">
          Assigned users
          {users.data && <span className="muted"> ({users.data.items.length})</span>}
        </h2>
      </div>
      {body()}
    </section>
  );
};

/**
 * One facility: its details, and (for admins and supervisors) who covers it. Admins edit and delete here.
 * `performance`: the section the app shows below the details (its figures and visits, from reports).
 */
export const FacilityDetailPage = ({ performance }: { performance?: (facility: Facility) => ReactNode }) => {
  const { id = '' } = useParams();
  const { role } = useViewer();
  const isAdmin = role === 'admin';
  const query = useFacility(id);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const [saved, setSaved] = useState(false);

  if (query.isPending || query.isError) {
    return (
      <RecordStatus
        query={query}
        loadingLabel="Loading facility…"
        errorTitle="We couldn't load this facility"
        notFoundTitle="Facility not found"
        notFoundMessage="It may have been deleted or retired, or it is not one of yours."
      />
    );
  }

  const facility = query.data;
  const position =
    facility.latitude !== null && facility.longitude !== null
      ? `${facility.latitude}, ${facility.longitude}`
      : null;
  const rows: [string, ReactNode][] = [
    ['Code', facility.code],
    ['Type', facilityTypeLabels[facility.facility_type]],
    ['State', facility.state],
    ['Location', facility.location ?? <NotSet />],
    ['Contact person', facility.contact_person ?? <NotSet />],
    [
      'Contact email',
      facility.contact_email ? (
        <a key="email" href={`mailto:${facility.contact_email}`}>
          {facility.contact_email}
        </a>
      ) : (
        <NotSet key="email" />
      ),
    ],
    [
      'Contact phone',
      facility.contact_phone ? (
        <a key="phone" href={`tel:${facility.contact_phone}`}>
          {facility.contact_phone}
        </a>
      ) : (
        <NotSet key="phone" />
      ),
    ],
    ['Position', position ?? <NotSet />],
    ['Check-in radius', `${facility.geofence_radius_m} m`],
  ];

  const deleted = (outcome: 'deleted' | 'retired') => {
    const state: FacilitiesLocationState = {
      notice: `${facility.name} was ${outcome === 'retired' ? 'retired; its logs keep their history' : 'deleted'}.`,
    };
    // Forget it once we have left its page (removing it first would make the page fetch it again).
    void Promise.resolve(navigate('/facilities', { state })).then(() =>
      client.removeQueries({ queryKey: facilityKeys.detail(facility.id) }),
    );
  };

  return (
    <>
      <title>{`${facility.name} · Facilities · Digital Mentorship Log`}</title>
      <header className="page-header">
        <h1 className="page-header__title">{facility.name}</h1>
        <p className="page-header__meta">
          <span>{facilityTypeLabels[facility.facility_type]}</span>
          <span>{facility.state}</span>
        </p>
      </header>

      {isAdmin && (
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={() => setOpen('edit')}>
            Edit
          </button>
          <button type="button" className="button button--danger" onClick={() => setOpen('delete')}>
            Delete
          </button>
        </div>
      )}
      {saved && (
        <Notice tone="success" onDismiss={() => setSaved(false)}>
          Changes saved.
        </Notice>
      )}

      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term} className="details__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {!facility.deleted_at && performance?.(facility)}

      {(isAdmin || role === 'supervisor') && <AssignedUsers facility={facility} canOpenUsers />}

      {isAdmin && (
        <p className="related-links">
          <Link to={`/audit?entity_type=facility&entity_id=${facility.id}`}>History of this facility</Link>
          <span className="muted">Added {formatDate(facility.created_at)}</span>
        </p>
      )}

      {open === 'edit' && (
        <FacilityFormDialog
          facility={facility}
          onClose={() => setOpen(null)}
          onSaved={() => setSaved(true)}
        />
      )}
      {open === 'delete' && (
        <DeleteFacilityDialog facility={facility} onClose={() => setOpen(null)} onDone={deleted} />
      )}
    </>
  );
};

import type { User } from '@dml/shared/api/users';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { plural } from '../../lib/text.ts';
import { facilityTypeLabels } from '../facilities/index.ts';
import { AssignFacilitiesDialog } from './AssignFacilitiesDialog.tsx';
import { useAssignedFacilities } from './api.ts';

/** The facilities a user covers (admins cover all); admins change them here. */
export const AssignedFacilities = ({ user, canAssign }: { user: User; canAssign: boolean }) => {
  const facilities = useAssignedFacilities(user.id);
  const [assigning, setAssigning] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const body = () => {
    if (user.role === 'admin') {
      return <p className="muted">Admins cover every facility in the programme.</p>;
    }
    if (facilities.isPending || facilities.isError) {
      return (
        <QueryStatus
          query={facilities}
          loadingLabel="Loading facilities…"
          rows={2}
          errorTitle="We couldn't load their facilities"
        />
      );
    }
    if (facilities.data.items.length === 0) {
      return (
        <EmptyState title="No facilities assigned yet">
          {canAssign ? 'Use "Assign facilities" to choose the facilities they cover.' : undefined}
        </EmptyState>
      );
    }
    return (
      <ul className="item-list" aria-label={`Facilities of ${user.name}`}>
        {facilities.data.items.map((facility) => (
          <li key={facility.id} className="item-list__item">
            <Link to={`/facilities/${facility.id}`} className="item-list__title">
              {facility.name}
            </Link>
            <span className="muted">
              {facility.code} · {facilityTypeLabels[facility.facility_type]} · {facility.state}
            </span>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section className="section" aria-labelledby="user-facilities">
      <div className="section__header">
        <h2 id="user-facilities">
          Facilities
          {facilities.data && user.role !== 'admin' && (
            <span className="muted"> ({facilities.data.items.length})</span>
          )}
        </h2>
        {canAssign && user.role !== 'admin' && facilities.data && (
          <button type="button" className="button" onClick={() => setAssigning(true)}>
            Assign facilities
          </button>
        )}
      </div>
      {saved && (
        <Notice tone="success" onDismiss={() => setSaved(null)}>
          {saved}
        </Notice>
      )}
      {body()}
      {assigning && facilities.data && (
        <AssignFacilitiesDialog
          user={user}
          assigned={facilities.data.items}
          onClose={() => setAssigning(false)}
          onSaved={(items) =>
            setSaved(`${user.name} now covers ${plural(items.length, 'facility', 'facilities')}.`)
          }
        />
      )}
    </section>
  );
};

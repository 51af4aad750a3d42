import type { Facility } from '@dml/shared/api/facilities';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { DebouncedTextField } from '../../components/DebouncedTextField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { NoMatches } from '../../components/NoMatches.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ResultsRegion } from '../../components/ResultsRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { EMPTY } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { type FacilityFilters, useFacilityList } from './api.ts';
import { FacilityFormDialog } from './FacilityFormDialog.tsx';
import { facilityTypeLabels, facilityTypeOptions, isFacilityType } from './labels.ts';

const FILTER_KEYS = ['q', 'state', 'type'] as const;
type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

/** The URL's filter values as the API's query (unknown values are ignored, not sent). */
export const toFacilityQuery = (values: FilterValues): FacilityFilters => ({
  q: values.q.trim() || undefined,
  state: values.state.trim() || undefined,
  facility_type: isFacilityType(values.type) ? values.type : undefined,
});

/** Set by pages that navigate here after a change (e.g. a facility deleted from its own page). */
export type FacilitiesLocationState = { notice?: string } | null;

const FacilityRows = ({ facilities }: { facilities: readonly Facility[] }) => (
  <table className="data-table">
    <caption className="visually-hidden">Facilities</caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Code</th>
        <th scope="col">Type</th>
        <th scope="col">State</th>
        <th scope="col">Location</th>
      </tr>
    </thead>
    <tbody>
      {facilities.map((facility) => (
        <tr key={facility.id}>
          <th scope="row" className="data-table__title">
            <Link to={`/facilities/${facility.id}`}>{facility.name}</Link>
          </th>
          <td data-label="Code">{facility.code}</td>
          <td data-label="Type">{facilityTypeLabels[facility.facility_type]}</td>
          <td data-label="State">{facility.state}</td>
          <td data-label="Location">{facility.location ?? EMPTY}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/**
 * Facilities in the viewer's scope: all of them for admins (who add, edit and delete), the facilities
 * they supervise for supervisors, and "My facilities" for mentors.
 */
export const FacilitiesPage = () => {
  const { role } = useViewer();
  const isAdmin = role === 'admin';
  const title = role === 'mentor' ? 'My facilities' : 'Facilities';
  const filters = useUrlFilters(FILTER_KEYS);
  const list = useFacilityList(toFacilityQuery(filters.values));
  const [creating, setCreating] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<ReactNode>(
    (location.state as FacilitiesLocationState)?.notice ?? null,
  );

  const dismissNotice = () => {
    setNotice(null);
    // Do not show the notice again on reload or back.
    if (location.state)
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  };

  const emptyState = () => {
    if (filters.active) {
      return (
        <NoMatches
          title="No facilities match these filters"
          suggestion="Try another name, code or state"
          onClear={filters.clear}
        />
      );
    }
    if (isAdmin) return <EmptyState title="No facilities yet">Add the first with "New facility".</EmptyState>;
    return (
      <EmptyState title="No facilities assigned to you yet">
        Ask your programme administrator to assign the facilities you{' '}
        {role === 'mentor' ? 'visit' : 'supervise'}.
      </EmptyState>
    );
  };

  return (
    <>
      <title>{`${title} · Digital Mentorship Log`}</title>
      <header className="page-header page-header--actions">
        <h1 className="page-header__title">{title}</h1>
        {isAdmin && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New facility
          </button>
        )}
      </header>
      {role === 'mentor' && <p className="page-lead">The facilities assigned to you.</p>}
      {role === 'supervisor' && <p className="page-lead">The facilities whose visits you supervise.</p>}

      {notice && (
        <Notice tone="success" onDismiss={dismissNotice}>
          {notice}
        </Notice>
      )}

      <FilterBar label="Filter facilities" canClear={filters.active} onClear={filters.clear}>
        <DebouncedTextField
          label="Search"
          type="search"
          hint="Start of a name, or a facility code"
          autoComplete="off"
          spellCheck={false}
          value={filters.values.q}
          onCommit={(value) => filters.setFilter('q', value)}
        />
        <DebouncedTextField
          label="State"
          autoComplete="off"
          value={filters.values.state}
          onCommit={(value) => filters.setFilter('state', value)}
        />
        <SelectField
          label="Type"
          value={isFacilityType(filters.values.type) ? filters.values.type : ''}
          onChange={(event) => filters.setFilter('type', event.target.value)}
          options={[{ value: '', label: 'All types' }, ...facilityTypeOptions]}
        />
      </FilterBar>

      <ResultsRegion label={title} stale={list.isPlaceholderData}>
        <ListResults
          list={list}
          loadingLabel="Loading facilities…"
          errorTitle="We couldn't load the facilities"
          empty={emptyState()}
          summary={`Showing ${plural(list.items.length, 'facility', 'facilities')}`}
        >
          {(facilities) => <FacilityRows facilities={facilities} />}
        </ListResults>
      </ResultsRegion>

      {creating && (
        <FacilityFormDialog
          onClose={() => setCreating(false)}
          onSaved={(facility) =>
            setNotice(
              <>
                <Link to={`/facilities/${facility.id}`}>{facility.name}</Link> was added.
              </>,
            )
          }
        />
      )}
    </>
  );
};

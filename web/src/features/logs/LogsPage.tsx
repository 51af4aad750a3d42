import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/useMe.ts';
import { DebouncedTextField } from '../../components/DebouncedTextField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { NoMatches } from '../../components/NoMatches.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ResultsRegion } from '../../components/ResultsRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { plural } from '../../lib/text.ts';
import { useArrivalState } from '../../lib/useArrivalState.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useFacilityList } from '../facilities/index.ts';
import { useUserList } from '../users/index.ts';
import { useLogList } from './api.ts';
import { useExportReport } from './exports.ts';
import { LogTable } from './LogTable.tsx';
import { isLogStatus, statusOptions } from './labels.ts';
import { FILTER_KEYS, filterProblems, toExportQuery, toLogQuery } from './logFilters.ts';
import { RestoreButton } from './RestoreButton.tsx';

/**
 * Mentorship logs: a mentor's own ("My logs"), a supervisor's scope, everything for admins (who also
 * see deleted logs and restore them). Filters live in the URL.
 */
export const LogsPage = () => {
  const { role } = useViewer();
  const me = useMe();
  const isMentor = role === 'mentor';
  const isAdmin = role === 'admin';
  const canPlan = role === 'mentor' || role === 'supervisor';
  const filters = useUrlFilters(FILTER_KEYS);
  const { values } = filters;
  const problems = filterProblems(values);
  const showDeleted = isAdmin && values.view === 'deleted';
  const query = toLogQuery(values, { canSeeDeleted: isAdmin });
  const list = useLogList(query, { enabled: !problems.to });
  const exportReport = useExportReport();
  const facilities = useFacilityList({}, 100);
  const mentors = useUserList({ role: 'mentor' }, { limit: 100, enabled: !isMentor && role !== null });
  const title = isMentor ? 'My logs' : 'Logs';
  const arrival = useArrivalState<{ notice?: string }>();
  const [notice, setNotice] = useState(arrival?.notice ?? null);
  const filtered = FILTER_KEYS.some((key) => key !== 'sort' && key !== 'view' && values[key] !== '');
  const clearFilters = () =>
    filters.setFilters({ facility: '', mentor: '', status: '', from: '', to: '', q: '', sort: '' });

  const facilityOptions = [
    { value: '', label: 'All facilities' },
    ...facilities.items.map((f) => ({ value: f.id, label: f.name })),
  ];
  // Keep a chosen filter visible even before (or without) its option loading.
  if (values.facility && !facilityOptions.some((o) => o.value === values.facility))
    facilityOptions.push({ value: values.facility, label: 'Selected facility' });
  const mentorOptions = [
    { value: '', label: 'All mentors' },
    ...mentors.items.map((u) => ({ value: u.id, label: u.name })),
  ];
  if (values.mentor && !mentorOptions.some((o) => o.value === values.mentor))
    mentorOptions.push({ value: values.mentor, label: 'Selected mentor' });

  const emptyState = () => {
    if (filtered) {
      return (
        <NoMatches
          title="No logs match these filters"
          suggestion="Try other dates or words"
          onClear={clearFilters}
        />
      );
    }
    if (showDeleted) return <EmptyState title="No deleted logs">Deleted logs appear here.</EmptyState>;
    return isMentor ? (
      <EmptyState title="No visits planned yet">
        Plan your next visit with <Link to="/logs/new">Plan a visit</Link>.
      </EmptyState>
    ) : (
      <EmptyState title="No logs yet">Logs appear here once mentors plan visits.</EmptyState>
    );
  };

  return (
    <>
      <title>{`${title} · Digital Mentorship Log`}</title>
      <header className="page-header page-header--actions">
        <h1 className="page-header__title">{title}</h1>
        {canPlan && (
          <Link to="/logs/new" className="button button--primary">
            Plan a visit
          </Link>
        )}
      </header>

      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}

      {isAdmin && (
        <nav className="tabs" aria-label="Which logs">
          <Link
            to="/logs"
            className="tabs__tab"
            aria-current={showDeleted ? undefined : 'page'}
            onClick={(event) => {
              event.preventDefault();
              filters.setFilter('view', '');
            }}
          >
            Active
          </Link>
          <Link
            to="/logs?view=deleted"
            className="tabs__tab"
            aria-current={showDeleted ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              filters.setFilter('view', 'deleted');
            }}
          >
            Deleted
          </Link>
        </nav>
      )}

      <FilterBar label="Filter logs" canClear={filtered || values.sort !== ''} onClear={clearFilters}>
        <DebouncedTextField
          label="Search"
          type="search"
          hint="Words in the facility, mentor, objectives or summaries"
          autoComplete="off"
          value={values.q}
          error={problems.q}
          onCommit={(value) => filters.setFilter('q', value)}
        />
        <SelectField
          label="Facility"
          value={values.facility}
          onChange={(event) => filters.setFilter('facility', event.target.value)}
          options={facilityOptions}
        />
        {!isMentor && (
          <SelectField
            label="Mentor"
            value={values.mentor}
            onChange={(event) => filters.setFilter('mentor', event.target.value)}
            options={mentorOptions}
          />
        )}
        <SelectField
          label="Status"
          value={isLogStatus(values.status) ? values.status : ''}
          onChange={(event) => filters.setFilter('status', event.target.value)}
          options={[{ value: '', label: 'Any status' }, ...statusOptions]}
        />
        <TextField
          label="Visit from"
          type="date"
          value={values.from}
          onChange={(event) => filters.setFilter('from', event.target.value)}
        />
        <TextField
          label="Visit to"
          type="date"
          value={values.to}
          error={problems.to}
          onChange={(event) => filters.setFilter('to', event.target.value)}
        />
        <SelectField
          label="Sort"
          value={values.sort === 'visit_date' ? 'visit_date' : ''}
          onChange={(event) => filters.setFilter('sort', event.target.value)}
          options={[
            { value: '', label: 'Latest visit first' },
            { value: 'visit_date', label: 'Earliest visit first' },
          ]}
        />
      </FilterBar>

      {!showDeleted && (
        <div className="list-tools">
          <ExportButton
            label="Export to Excel"
            busyLabel="Preparing the workbook…"
            disabled={Boolean(problems.to)}
            run={() => exportReport(toExportQuery(query))}
            describe={(file) =>
              file.rows
                ? `${plural(file.rows.logs, 'visit', 'visits')}, ${plural(file.rows.follow_ups, 'follow-up', 'follow-ups')}`
                : null
            }
            note={
              query.q
                ? 'The workbook follows the facility, mentor, status and date filters, not the search words.'
                : filtered
                  ? 'The workbook follows the filters above.'
                  : undefined
            }
          />
        </div>
      )}

      <ResultsRegion label={showDeleted ? 'Deleted logs' : title} stale={list.isPlaceholderData}>
        {/* An end date before the start date is said under the field; there is nothing to list. */}
        {!problems.to && (
          <ListResults
            list={list}
            loadingLabel="Loading logs…"
            errorTitle="We couldn't load the logs"
            empty={emptyState()}
            summary={`Showing ${plural(list.items.length, 'log', 'logs')}`}
          >
            {(logs) => (
              <LogTable
                logs={logs}
                caption={showDeleted ? 'Deleted logs' : title}
                showMentor={!isMentor}
                showCheckIn={!isMentor}
                action={showDeleted ? (log) => <RestoreButton log={log} /> : undefined}
                note={(log) =>
                  !isMentor && me.data && log.mentor_id === me.data.id ? (
                    <span className="muted"> (yours)</span>
                  ) : null
                }
              />
            )}
          </ListResults>
        )}
      </ResultsRegion>
    </>
  );
};

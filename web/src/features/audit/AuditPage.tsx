import { type AuditEntry, auditEntityTypes } from '@dml/shared/api/audit';
import { Id } from '@dml/shared/api/common';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { DebouncedTextField } from '../../components/DebouncedTextField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { ResultsRegion } from '../../components/ResultsRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { type AuditFilters, useAuditLog } from './api.ts';

const FILTER_KEYS = ['entity_type', 'entity_id', 'user_id', 'from', 'to'] as const;
type Key = (typeof FILTER_KEYS)[number];
type FilterValues = Record<Key, string>;
type AuditEntityType = (typeof auditEntityTypes)[number];

/** Wording for the entity types we know; types added to the shared enum later read as their name. */
const entityTypeWords: Partial<Record<AuditEntityType, string>> = {
  user: 'User',
  facility: 'Facility',
  assignment: 'Assignment',
  mentorship_log: 'Mentorship log',
  follow_up: 'Follow-up',
  attachment: 'Attachment',
};

export const entityTypeLabel = (type: AuditEntityType) => entityTypeWords[type] ?? humanize(type);

const isEntityType = (value: string): value is AuditEntityType =>
  (auditEntityTypes as readonly string[]).includes(value);

/** A `datetime-local` value ("2026-01-05T08:00", the reader's time) as an ISO UTC instant, or null. */
const localToIso = (local: string, endOfMinute = false): string | null => {
  const date = new Date(local);
  if (!local || Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + (endOfMinute ? 59_999 : 0)).toISOString();
};

/** The URL's filters as the API's query, with a message for each filter the API would refuse. */
export const toAuditQuery = (
  values: FilterValues,
): { query: AuditFilters; problems: Partial<Record<Key, string>> } => {
  const problems: Partial<Record<Key, string>> = {};
  const entityType = isEntityType(values.entity_type) ? values.entity_type : undefined;
  const entityId = values.entity_id.trim() || undefined;
  const userId = values.user_id.trim() || undefined;
  if (entityId && !entityType) problems.entity_type = 'Choose the type of the entity whose ID you entered';
  if (userId && !Id.safeParse(userId).success) problems.user_id = "User ID must be a user's ID (a UUID)";
  const from = values.from ? localToIso(values.from) : undefined;
  const to = values.to ? localToIso(values.to, true) : undefined;
  if (from === null) problems.from = 'Enter a date and time';
  if (to === null) problems.to = 'Enter a date and time';
  if (from && to && from > to) problems.to = '"To" must be after "From"';
  return {
    query: {
      entity_type: entityType,
      entity_id: entityId,
      user_id: userId,
      from: from ?? undefined,
      to: to ?? undefined,
    },
    problems,
  };
};

/** "assign_facilities" → "Assign facilities". */
const actionLabel = (action: string) => humanize(action);

const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/** Where an entity can be opened in the app (users, facilities and logs have pages). */
const entityPath = (entry: AuditEntry): string | null => {
  if (entry.entity_type === 'user' || entry.entity_type === 'assignment') return `/users/${entry.entity_id}`;
  if (entry.entity_type === 'facility') return `/facilities/${entry.entity_id}`;
  if (entry.entity_type === 'mentorship_log') return `/logs/${entry.entity_id}`;
  return null;
};

type RowProps = { entry: AuditEntry; onFilter: (values: Partial<FilterValues>) => void };

const AuditRow = ({ entry, onFilter }: RowProps) => {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const path = entityPath(entry);
  const fieldCount = Object.keys(entry.changes).length;
  const entityRef = <code title={entry.entity_id}>{shortId(entry.entity_id)}</code>;
  return (
    <li className="audit-entry">
      <div className="audit-entry__summary">
        <p className="audit-entry__what">
          <strong>{actionLabel(entry.action)}</strong> · {entityTypeLabel(entry.entity_type)}{' '}
          {path ? <Link to={path}>{entityRef}</Link> : entityRef}
        </p>
        <p className="audit-entry__when muted">
          <time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time> · by{' '}
          {entry.user_email ?? <code title={entry.user_id}>{shortId(entry.user_id)}</code>}
        </p>
        <button
          type="button"
          className="button audit-entry__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Hide changes' : `Show changes (${fieldCount})`}
        </button>
      </div>
      {open && (
        <div id={panelId} className="audit-entry__panel">
          <AuditDiff changes={entry.changes} />
          <div className="button-row">
            <button
              type="button"
              className="button button--link"
              onClick={() => onFilter({ entity_type: entry.entity_type, entity_id: entry.entity_id })}
            >
              Only this {entityTypeLabel(entry.entity_type).toLowerCase()}
            </button>
            <button
              type="button"
              className="button button--link"
              onClick={() => onFilter({ user_id: entry.user_id })}
            >
              Only changes by {entry.user_email ?? 'this person'}
            </button>
          </div>
        </div>
      )}
    </li>
  );
};

/** The audit trail (admins): who changed what and when, newest first, each entry expandable to its diff. */
export const AuditPage = () => {
  const filters = useUrlFilters(FILTER_KEYS);
  const { query, problems } = toAuditQuery(filters.values);
  const valid = Object.keys(problems).length === 0;
  const log = useAuditLog(query, valid);

  const applyAll = (values: Partial<FilterValues>) => {
    filters.setFilters(values);
    document.getElementById('main')?.focus();
  };

  return (
    <>
      <title>Audit log · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">Audit log</h1>
      </header>
      <p className="page-lead">
        Every change to users, facilities, assignments and logs: who made it, when, and what changed.
      </p>

      <FilterBar label="Filter the audit log" canClear={filters.active} onClear={filters.clear}>
        <SelectField
          label="Entity type"
          value={isEntityType(filters.values.entity_type) ? filters.values.entity_type : ''}
          onChange={(event) => filters.setFilter('entity_type', event.target.value)}
          error={problems.entity_type}
          options={[
            { value: '', label: 'Any type' },
            ...auditEntityTypes.map((value) => ({ value, label: entityTypeLabel(value) })),
          ]}
        />
        <DebouncedTextField
          label="Entity ID"
          autoComplete="off"
          spellCheck={false}
          value={filters.values.entity_id}
          onCommit={(value) => filters.setFilter('entity_id', value)}
        />
        <DebouncedTextField
          label="User ID"
          hint="Who made the change"
          autoComplete="off"
          spellCheck={false}
          error={problems.user_id}
          value={filters.values.user_id}
          onCommit={(value) => filters.setFilter('user_id', value)}
        />
        <TextField
          label="From"
          type="datetime-local"
          value={filters.values.from}
          error={problems.from}
          onChange={(event) => filters.setFilter('from', event.target.value)}
        />
        <TextField
          label="To"
          type="datetime-local"
          value={filters.values.to}
          error={problems.to}
          onChange={(event) => filters.setFilter('to', event.target.value)}
        />
      </FilterBar>

      <ResultsRegion label="Audit entries" stale={log.isPlaceholderData}>
        {valid ? (
          <ListResults
            list={log}
            loadingLabel="Loading the audit log…"
            errorTitle="We couldn't load the audit log"
            empty={
              filters.active ? (
                <EmptyState title="No entries match these filters">
                  Widen the time range or clear some filters.
                </EmptyState>
              ) : (
                <EmptyState title="Nothing has been recorded yet" />
              )
            }
            summary={`Showing ${plural(log.items.length, 'entry', 'entries')}, newest first`}
          >
            {(entries) => (
              <ol className="audit-list">
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} onFilter={applyAll} />
                ))}
              </ol>
            )}
          </ListResults>
        ) : (
          <p className="muted">Fix the filters above to see entries.</p>
        )}
      </ResultsRegion>
    </>
  );
};

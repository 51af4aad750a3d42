import type { MentorshipLogView } from '@dml/shared/api/logs';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useArrivalState } from '../../lib/useArrivalState.ts';
import { AttachmentsPanel } from '../attachments/index.ts';
import { LogFollowUps } from '../follow-ups/index.ts';
import { useLog } from './api.ts';
import { CheckInSummary } from './CheckInSummary.tsx';
import { useExportLog } from './exports.ts';
import type { currentPosition } from './geolocation.ts';
import { LogActions } from './LogActions.tsx';
import { LogRecordStatus } from './LogRecordStatus.tsx';
import { LogStatusBadge } from './LogStatusBadge.tsx';
import type { LogPageLocationState } from './locationState.ts';
import { fieldLabels, textFields } from './logForm.ts';
import { ReviewTimeline } from './ReviewTimeline.tsx';

const NotSet = () => <span className="muted">Not written</span>;

const Details = ({ rows }: { rows: [string, ReactNode][] }) => (
  <dl className="details">
    {rows.map(([term, value]) => (
      <div key={term} className="details__row">
        <dt>{term}</dt>
        <dd className="details__text">{value}</dd>
      </div>
    ))}
  </dl>
);

const reached = (log: MentorshipLogView) => ['approved', 'completed', 'verified'].includes(log.status);

/**
 * One log, read-only: the plan (objectives, staff), the report and check-in, the review trail as a
 * timeline, the follow-ups, and the actions the viewer may take now.
 */
export const LogDetailPage = ({ locate }: { locate?: () => ReturnType<typeof currentPosition> }) => {
  const { id = '' } = useParams();
  const { role } = useViewer();
  const query = useLog(id);
  const exportLog = useExportLog();
  const arrival = useArrivalState<NonNullable<LogPageLocationState>>();
  const [notice, setNotice] = useState<string | null>(arrival?.notice ?? null);

  if (query.isPending || query.isError) return <LogRecordStatus query={query} />;

  const log = query.data;
  const reviewer = role === 'admin' || role === 'supervisor';
  const objectives = [...log.objectives].sort((a, b) => a.sequence - b.sequence);
  const lastReturn = [...log.review_trail].reverse().find((step) => step.action === 'return');
  const showReturn =
    lastReturn && lastReturn.to === log.status && (log.status === 'returned' || log.status === 'approved');

  return (
    <>
      <title>{`${log.facility_name} · ${formatDate(log.visit_date)} · Digital Mentorship Log`}</title>
      <header className="page-header">
        <h1 className="page-header__title">{log.facility_name}</h1>
        <p className="page-header__meta">
          <LogStatusBadge status={log.status} deleted={Boolean(log.deleted_at)} />
          <span>Visit on {formatDate(log.visit_date)}</span>
          <span>{log.mentor_name}</span>
        </p>
      </header>

      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      {log.deleted_at && (
        <div className="notice notice--warning" role="note">
          Deleted on {formatDateTime(log.deleted_at)}.{' '}
          {log.can_restore ? 'Restore it to bring it back to the lists.' : ''}
        </div>
      )}
      {showReturn && lastReturn?.comment && (
        <div
          className="notice notice--warning return-comment"
          role="note"
          aria-label="Returned with a comment"
        >
          <p>
            <strong>
              {lastReturn.by_name} returned the {lastReturn.from === 'submitted' ? 'plan' : 'report'} on{' '}
              {formatDateTime(lastReturn.at)}:
            </strong>
          </p>
          <blockquote>{lastReturn.comment}</blockquote>
        </div>
      )}

      <LogActions log={log} onDone={setNotice} startWith={arrival?.open} locate={locate} />
      {!log.deleted_at && (
        <div className="log-export">
          <ExportButton label="Download PDF" busyLabel="Preparing the PDF…" run={() => exportLog(log.id)} />
        </div>
      )}

      <section className="section" aria-labelledby="log-plan">
        <div className="section__header">
          <h2 id="log-plan">Plan</h2>
        </div>
        <h3 className="subheading">Objectives</h3>
        {objectives.length ? (
          <ol className="objective-list" aria-label="Objectives">
            {objectives.map((objective) => (
              <li key={objective.id}>{objective.objective_text}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">No objectives yet.</p>
        )}
        <h3 className="subheading">Staff to engage</h3>
        {log.staff_to_engage.length ? (
          <ul className="chips" aria-label="Staff to engage">
            {log.staff_to_engage.map((name) => (
              <li key={name} className="chip">
                {name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nobody named yet.</p>
        )}
        <Details rows={textFields.map((field) => [fieldLabels[field], log[field] ?? <NotSet />])} />
      </section>

      {reached(log) && (
        <section className="section" aria-labelledby="log-report">
          <div className="section__header">
            <h2 id="log-report">Report</h2>
          </div>
          <Details
            rows={[
              [fieldLabels.visit_outcomes, log.visit_outcomes ?? <NotSet />],
              [fieldLabels.lessons_learned, log.lessons_learned ?? <NotSet />],
            ]}
          />
          <h3 className="subheading">Check-in</h3>
          {log.check_in ? (
            <CheckInSummary checkIn={log.check_in} reviewer={reviewer} />
          ) : (
            <p className="muted">Recorded when the visit is completed.</p>
          )}
        </section>
      )}

      <AttachmentsPanel log={log} />

      <section className="section" aria-labelledby="log-trail">
        <div className="section__header">
          <h2 id="log-trail">Review trail</h2>
        </div>
        <p className="muted">
          Planned by {log.mentor_name} on {formatDateTime(log.created_at)}.
        </p>
        <ReviewTimeline trail={log.review_trail} />
      </section>

      {!log.deleted_at && <LogFollowUps log={log} />}

      {role === 'admin' && (
        <p className="related-links">
          <Link to={`/audit?entity_type=mentorship_log&entity_id=${log.id}`}>Full history of this log</Link>
          <span className="muted">Last changed {formatDateTime(log.updated_at)}</span>
        </p>
      )}
    </>
  );
};

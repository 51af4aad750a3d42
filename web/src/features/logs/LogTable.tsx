import type { LogSummary } from '@dml/shared/api/logs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { EMPTY, formatDate } from '../../lib/format.ts';
import { CheckInBadge, LogStatusBadge } from './LogStatusBadge.tsx';

type Props = {
  logs: readonly LogSummary[];
  caption: string;
  /** Reviewers and admins see whose visit it is; a mentor's own list leaves it out. */
  showMentor?: boolean;
  /** Reviewers see the check-in result (off-site and missing positions stand out). */
  showCheckIn?: boolean;
  /** Extra cell at the end of each row (e.g. "Restore" in the deleted view). */
  action?: (log: LogSummary) => ReactNode;
  actionLabel?: string;
  /** A note beside the status (e.g. "Your own plan" in the review queue). */
  note?: (log: LogSummary) => ReactNode;
};

/** Logs as a table on wide screens and as cards on phones. */
export const LogTable = ({
  logs,
  caption,
  showMentor = false,
  showCheckIn = false,
  action,
  actionLabel = 'Actions',
  note,
}: Props) => (
  <table className="data-table">
    <caption className="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Facility</th>
        <th scope="col">Visit date</th>
        {showMentor && <th scope="col">Mentor</th>}
        <th scope="col">Status</th>
        <th scope="col">Objectives</th>
        {showCheckIn && <th scope="col">Check-in</th>}
        {action && <th scope="col">{actionLabel}</th>}
      </tr>
    </thead>
    <tbody>
      {logs.map((log) => {
        const date = formatDate(log.visit_date);
        return (
          <tr key={log.id}>
            <th scope="row" className="data-table__title">
              <Link to={`/logs/${log.id}`}>
                {log.facility_name}
                <span className="visually-hidden">, visit on {date}</span>
              </Link>
            </th>
            <td data-label="Visit date">{date}</td>
            {showMentor && <td data-label="Mentor">{log.mentor_name}</td>}
            <td data-label="Status">
              <LogStatusBadge status={log.status} deleted={Boolean(log.deleted_at)} />
              {note?.(log)}
            </td>
            <td data-label="Objectives">{log.objective_count}</td>
            {showCheckIn && (
              <td data-label="Check-in">
                {log.check_in_flag ? <CheckInBadge flag={log.check_in_flag} /> : EMPTY}
              </td>
            )}
            {action && <td data-label={actionLabel}>{action(log)}</td>}
          </tr>
        );
      })}
    </tbody>
  </table>
);

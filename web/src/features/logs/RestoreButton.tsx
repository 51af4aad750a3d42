import type { LogSummary } from '@dml/shared/api/logs';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { useLogTransition } from './api.ts';

/** Admins bring a deleted log back. */
export const RestoreButton = ({ log }: { log: LogSummary }) => {
  const restore = useLogTransition(log.id);
  const [done, setDone] = useState(false);
  if (done) return <span className="muted">Restored</span>;
  return (
    <span className="row-action">
      <button
        type="button"
        className="button"
        disabled={restore.isPending}
        aria-label={`Restore the visit to ${log.facility_name} on ${log.visit_date}`}
        onClick={() =>
          restore.mutate(
            { action: 'restore', body: { version: log.version } },
            { onSuccess: () => setDone(true) },
          )
        }
      >
        {restore.isPending ? 'Restoring…' : 'Restore'}
      </button>
      {restore.isError && (
        <span className="field__error" role="alert">
          {isApiError(restore.error) && restore.error.code === 'version_conflict'
            ? 'It changed meanwhile; reload the list and try again.'
            : errorMessage(restore.error)}
        </span>
      )}
    </span>
  );
};

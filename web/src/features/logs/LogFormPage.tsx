import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useLog } from './api.ts';
import { EditLogForm } from './EditLogForm.tsx';
import { LogRecordStatus } from './LogRecordStatus.tsx';
import { statusLabels } from './labels.ts';
import { NewLogForm } from './NewLogForm.tsx';
import type { AutosaveTiming } from './useAutosave.ts';

const EditLog = ({ id, timing }: { id: string; timing?: AutosaveTiming }) => {
  const query = useLog(id);
  if (query.isPending || query.isError) return <LogRecordStatus query={query} />;
  const log = query.data;
  if (log.editable_sections.length === 0) {
    return (
      <section className="state">
        <title>Edit log · Digital Mentorship Log</title>
        <h1 className="state__title">This log cannot be edited now</h1>
        <p>
          It is {statusLabels[log.status].toLowerCase()}
          {log.deleted_at ? ' and deleted' : ''}: plans change while they are drafts or returned, reports once
          the plan is approved. <Link to={`/logs/${log.id}`}>Open the log</Link>.
        </p>
      </section>
    );
  }
  return <EditLogForm log={log} timing={timing} />;
};

/**
 * `/logs/new` and `/logs/:id/edit`. `timing` is for tests (autosave delays); the app uses the defaults.
 */
export const LogFormPage = ({ timing }: { timing?: AutosaveTiming }) => {
  const { id } = useParams();
  const [search] = useSearchParams();
  if (id) return <EditLog key={id} id={id} timing={timing} />;
  return <NewLogForm facilityId={search.get('facility') ?? ''} />;
};

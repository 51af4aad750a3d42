import type { LogStatus } from '@dml/shared/domain/lifecycle';
import { useMe } from '../../api/useMe.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { plural } from '../../lib/text.ts';
import { useLogList } from './api.ts';
import { LogTable } from './LogTable.tsx';

const QUEUE_PAGE_SIZE = 10;

type QueueProps = {
  id: string;
  title: string;
  status: Extract<LogStatus, 'submitted' | 'completed'>;
  empty: string;
};

/** One section of the queue: logs waiting in a status, the nearest visit first. */
const Queue = ({ id, title, status, empty }: QueueProps) => {
  const list = useLogList({ status, sort: 'visit_date' }, { limit: QUEUE_PAGE_SIZE });
  const me = useMe();

  return (
    <section className="section" aria-labelledby={id}>
      <div className="section__header">
        <h2 id={id}>{title}</h2>
      </div>
      <ListResults
        list={list}
        loadingLabel={`Loading ${title.toLowerCase()}…`}
        skeletonRows={2}
        errorTitle={`We couldn't load the ${title.toLowerCase()}`}
        empty={<EmptyState title={empty} />}
        summary={`Showing ${plural(list.items.length, 'log', 'logs')}`}
      >
        {(logs) => (
          <LogTable
            logs={logs}
            caption={title}
            showMentor
            showCheckIn={status === 'completed'}
            note={(log) =>
              me.data && log.mentor_id === me.data.id ? (
                <span className="muted"> (yours: another reviewer decides)</span>
              ) : null
            }
          />
        )}
      </ListResults>
    </section>
  );
};

/** What waits for a reviewer: plans to approve (or return) and visit reports to verify. */
export const ReviewQueuePage = () => (
  <>
    <title>Review queue · Digital Mentorship Log</title>
    <header className="page-header">
      <h1 className="page-header__title">Review queue</h1>
    </header>
    <p className="page-lead">Plans and reports from the facilities you supervise, the nearest visit first.</p>
    <Queue
      id="queue-plans"
      title="Plans awaiting approval"
      status="submitted"
      empty="No plans are waiting for approval"
    />
    <Queue
      id="queue-reports"
      title="Reports awaiting verification"
      status="completed"
      empty="No reports are waiting for verification"
    />
  </>
);

import type { LogStatus } from '@dml/shared/domain/lifecycle';
import { errorMessage } from '../../api/ApiError.ts';
import { useMe } from '../../api/useMe.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ListSkeleton } from '../../components/Skeleton.tsx';
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

  const body = () => {
    if (list.isPending) return <ListSkeleton label={`Loading ${title.toLowerCase()}…`} rows={2} />;
    if (list.isError) {
      return (
        <ErrorState
          title={`We couldn't load the ${title.toLowerCase()}`}
          message={errorMessage(list.error)}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      );
    }
    if (list.items.length === 0) return <EmptyState title={empty} />;
    return (
      <>
        <LogTable
          logs={list.items}
          caption={title}
          showMentor
          showCheckIn={status === 'completed'}
          note={(log) =>
            me.data && log.mentor_id === me.data.id ? (
              <span className="muted"> (yours: another reviewer decides)</span>
            ) : null
          }
        />
        <LoadMore
          summary={`Showing ${plural(list.items.length, 'log', 'logs')}`}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          failed={list.isFetchNextPageError}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </>
    );
  };

  return (
    <section className="section" aria-labelledby={id}>
      <div className="section__header">
        <h2 id={id}>{title}</h2>
      </div>
      {body()}
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

import { errorMessage, isApiError } from '../api/ApiError.ts';
import { ErrorState } from './ErrorState.tsx';
import { PageSkeleton } from './Skeleton.tsx';

type Props = {
  /** The page's record query, still loading or failed. */
  query: { isPending: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  /** "Loading user…". */
  loadingLabel: string;
  /** "We couldn't load this user". */
  errorTitle: string;
  /** "User not found". */
  notFoundTitle: string;
  /** Why it may be missing ("They may not exist, or they are outside your facilities."). */
  notFoundMessage: string;
};

/**
 * What a page about one record (a user, a facility, a log) shows until it has the record: a skeleton
 * while it loads, then either "not found" — without "Try again", asking again would not find it — or
 * the error with "Try again". Use as `if (query.isPending || query.isError) return <RecordStatus …/>`.
 */
export const RecordStatus = ({ query, loadingLabel, errorTitle, notFoundTitle, notFoundMessage }: Props) => {
  if (query.isPending) return <PageSkeleton label={loadingLabel} />;
  const missing = isApiError(query.error) && query.error.status === 404;
  return (
    <ErrorState
      title={missing ? notFoundTitle : errorTitle}
      message={missing ? notFoundMessage : errorMessage(query.error)}
      onRetry={missing ? undefined : () => void query.refetch()}
      retrying={query.isFetching}
    />
  );
};

import { errorMessage } from '../api/ApiError.ts';
import { ErrorState } from './ErrorState.tsx';
import { ListSkeleton } from './Skeleton.tsx';

type Props = {
  /** A section's query, still loading or failed. */
  query: { isPending: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  /** "Loading files…". */
  loadingLabel: string;
  /** How many skeleton rows stand in for the content. */
  rows?: number | undefined;
  /** "We couldn't load the files". */
  errorTitle: string;
};

/**
 * What a section fed by one query shows until it has data: skeleton rows while it loads, then the
 * error with "Try again". Use as `if (query.isPending || query.isError) return <QueryStatus …/>`;
 * a whole page about one record uses RecordStatus, which also knows "not found".
 */
export const QueryStatus = ({ query, loadingLabel, rows, errorTitle }: Props) => {
  if (query.isPending) return <ListSkeleton label={loadingLabel} rows={rows} />;
  return (
    <ErrorState
      title={errorTitle}
      message={errorMessage(query.error)}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  );
};

import type { ReactNode } from 'react';
import { LoadMore } from './LoadMore.tsx';
import { QueryStatus } from './QueryStatus.tsx';

/** What ListResults reads of a paged list (`usePagedQuery`'s result has all of it). */
export type PagedList<T> = {
  items: readonly T[];
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
};

type Props<T> = {
  list: PagedList<T>;
  /** Read out while the first page loads ("Loading users…"). */
  loadingLabel: string;
  skeletonRows?: number;
  /** "We couldn't load the users". */
  errorTitle: string;
  /** Shown when the list has no items (each list says why, and what to do). */
  empty: ReactNode;
  /** "Showing 25 users", under the items. */
  summary: string;
  loadMoreLabel?: string;
  /** Within a page section: no "Showing 3" line once every item is on screen, only the button while more wait. */
  onlyWhenMore?: boolean;
  /** Renders the items loaded so far. */
  children: (items: readonly T[]) => ReactNode;
};

/**
 * The states every paged list goes through, the same in each: skeleton while the first page loads, an
 * error with "Try again", the list's own empty state, then the items with "Load more".
 */
export const ListResults = <T,>({
  list,
  loadingLabel,
  skeletonRows,
  errorTitle,
  empty,
  summary,
  loadMoreLabel,
  onlyWhenMore = false,
  children,
}: Props<T>) => {
  if (list.isPending || list.isError) {
    return (
      <QueryStatus query={list} loadingLabel={loadingLabel} rows={skeletonRows} errorTitle={errorTitle} />
    );
  }
  if (list.items.length === 0) return empty;
  return (
    <>
      {children(list.items)}
      {(!onlyWhenMore || list.hasNextPage) && (
        <LoadMore
          summary={summary}
          label={loadMoreLabel}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          failed={list.isFetchNextPageError}
          onLoadMore={() => void list.fetchNextPage()}
        />
      )}
    </>
  );
};

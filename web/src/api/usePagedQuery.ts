import type { Page } from '@dml/shared/api/common';
import { keepPreviousData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

/**
 * A cursor-paged list (`{items, next_cursor}`) read page by page ("Load more"). While new filters load,
 * the previous results stay on screen (marked busy) instead of flashing a skeleton.
 */
export const usePagedQuery = <T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  { enabled = true }: { enabled?: boolean } = {},
) => {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
};

import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Reads what a page has already fetched under `queryKey`, without fetching (e.g. a breadcrumb showing
 * the facility's name once the facility page has loaded it). Re-renders when the cache entry changes.
 */
export const useCachedQueryData = <T>(queryKey: QueryKey): T | undefined => {
  const client = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    [client],
  );
  return useSyncExternalStore(subscribe, () => client.getQueryData<T>(queryKey));
};

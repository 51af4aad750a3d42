import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * List filters kept in the URL's search params, so a filtered list can be bookmarked, shared and
 * restored with the back button. Values are strings; '' means "no filter" (and leaves the URL). Changes
 * replace the history entry: typing in a search box should not fill the back button.
 */
export const useUrlFilters = <K extends string>(keys: readonly K[]) => {
  const [params, setParams] = useSearchParams();
  // Changes made before the page re-renders (two debounced boxes committing in one tick) must build on
  // each other, not both on the URL of the last render.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);

  const values = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>,
    [keys, params],
  );

  /** Several filters in one navigation (separate calls would each start from the same URL). */
  const setFilters = useCallback(
    (changes: Partial<Record<K, string>>) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
        if (value?.trim()) next.set(key, value);
        else next.delete(key);
      }
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );

  const setFilter = useCallback(
    (key: K, value: string) => setFilters({ [key]: value } as Partial<Record<K, string>>),
    [setFilters],
  );

  const clear = useCallback(
    () => setFilters(Object.fromEntries(keys.map((key) => [key, ''])) as Partial<Record<K, string>>),
    [keys, setFilters],
  );

  return { values, setFilter, setFilters, clear, active: keys.some((key) => values[key] !== '') };
};
